import { all, type BigNumber, create } from 'mathjs';
import { afterAll, describe, expect, it } from 'vitest';
import { createRng } from '../../src/index.ts';
import { setKernelBackend } from '../../src/kernels/backend.ts';
import { tanhInPlace } from '../../src/kernels/index.ts';

afterAll(() => {
  setKernelBackend('auto');
});

const big = create(all, { number: 'BigNumber', precision: 40 });

/** The exact value of a double as a 40-digit BigNumber (mantissa·2^exp, both exact). */
function bn(x: number): BigNumber {
  if (x === 0) return big.bignumber(0);
  const exp = Math.floor(Math.log2(Math.abs(x))) - 52;
  const mantissa = x / 2 ** exp;
  if (!Number.isInteger(mantissa)) throw new Error(`bn: ${x} did not scale to an integer`);
  return big.multiply(big.bignumber(mantissa), big.pow(big.bignumber(2), exp)) as BigNumber;
}

const ulp = (x: number) => {
  const a = Math.abs(x);
  return a === 0 ? Number.MIN_VALUE : 2 ** (Math.floor(Math.log2(a)) - 52);
};

/** Test arguments from a small LCG (independent of the code under test), plus edges. */
function args(): number[] {
  let s = 12345;
  const xs: number[] = [];
  for (let i = 0; i < 3000; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    xs.push(((s / 2 ** 32) * 2 - 1) * 23);
  }
  // around the reduction boundaries k·ln2/2, tiny and huge arguments, exact zeros
  for (let k = -20; k <= 20; k++) {
    const b = (k * Math.LN2) / 2;
    xs.push(b, b * (1 + 1e-15), b * (1 - 1e-15));
  }
  xs.push(1e-300, -1e-300, 1e-8, -1e-8, 21.99, -21.99, 22, -22, 30, -30, 0, -0);
  return xs;
}

describe('tanhInPlace(a, from, to)', () => {
  it('gives the same bits on WebAssembly SIMD and in JavaScript, edges included, odd and even lengths', () => {
    expect(setKernelBackend('auto'), 'this engine has WebAssembly SIMD').toBe('wasm');
    const rng = createRng(9);
    const xs = [...args(), Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN];
    for (let i = 0; i < 200_000; i++) xs.push(30 * (2 * rng.uniform() - 1));
    for (const n of [xs.length, xs.length - 1, 1]) {
      const run = (backend: 'auto' | 'js') => {
        setKernelBackend(backend);
        const a = Float64Array.from(xs.slice(0, n));
        tanhInPlace(a, 0, n);
        return a;
      };
      const w = run('auto');
      const j = run('js');
      expect(Buffer.compare(Buffer.from(w.buffer), Buffer.from(j.buffer)), `n = ${n}`).toBe(0);
    }
    setKernelBackend('auto');
  });

  it('is within 3 ulps of the 40-digit tanh on [−23, 23], at reduction boundaries and for tiny x', () => {
    const xs = args();
    const a = Float64Array.from(xs);
    tanhInPlace(a, 0, a.length);
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i];
      const exact = Number(big.tanh(bn(x)).toString());
      expect(Math.abs(a[i] - exact), `tanh(${x}) = ${exact}, got ${a[i]}`).toBeLessThanOrEqual(
        3 * ulp(exact),
      );
    }
  });

  it('keeps signed zeros and NaN, gives ±1 from |x| = 22 on, and only touches [from, to), both backends', () => {
    for (const backend of ['auto', 'js'] as const) {
      setKernelBackend(backend);
      const a = new Float64Array([5, 0, -0, Number.NaN, 22, -1e300, Number.NEGATIVE_INFINITY, 5]);
      tanhInPlace(a, 1, 7);
      expect(Object.is(a[1], 0), backend).toBe(true);
      expect(Object.is(a[2], -0), backend).toBe(true);
      expect(a[3], backend).toBeNaN();
      expect([a[4], a[5], a[6]], backend).toEqual([1, -1, -1]);
      expect([a[0], a[7]], backend).toEqual([5, 5]);
    }
    setKernelBackend('auto');
  });
});
