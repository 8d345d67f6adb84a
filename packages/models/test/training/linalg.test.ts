import { expectArraysClose } from '@lslab/test-utils';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { addTransposeProductRows, productRows } from '../../src/linalg/product.ts';
import { transpose } from '../../src/linalg/rows.ts';

/** The textbook triple loop, c_ij = Σ_k a_ik b_kj, as the reference. */
function naive(a: Float64Array, n: number, m: number, b: Float64Array, p: number): Float64Array {
  const c = new Float64Array(n * p);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < p; j++) {
      let s = 0;
      for (let k = 0; k < m; k++) s += a[i * m + k] * b[k * p + j];
      c[i * p + j] = s;
    }
  return c;
}

// small integers: every product and sum is exact, so the blocked and naive orders agree exactly
const shape = fc.record({
  n: fc.integer({ min: 1, max: 11 }),
  m: fc.integer({ min: 1, max: 10 }),
  p: fc.integer({ min: 1, max: 9 }),
  seed: fc.integer(),
});
function ints(len: number, seed: number): Float64Array {
  const v = new Float64Array(len);
  let s = seed | 0;
  for (let i = 0; i < len; i++) {
    s = (Math.imul(s, 1103515245) + 12345) | 0;
    v[i] = ((s >>> 16) % 17) - 8;
  }
  return v;
}

describe('the one dense product kernel (linalg/product.ts)', () => {
  it('productRows(a, 0, n, m, b, p, bias, out, 0) equals the triple loop plus the bias, for every remainder of n and m mod 4, with a in Float64 or Float32', () => {
    fc.assert(
      fc.property(shape, fc.boolean(), fc.boolean(), ({ n, m, p, seed }, f32, withBias) => {
        const a64 = ints(n * m, seed);
        const a = f32 ? Float32Array.from(a64) : a64;
        const b = ints(m * p, seed + 1);
        const bias = withBias ? ints(p, seed + 2) : undefined;
        const out = new Float64Array(n * p).fill(Number.NaN);
        productRows(a, 0, n, m, b, p, bias, out, 0);
        const ref = naive(a64, n, m, b, p);
        if (bias) for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) ref[i * p + j] += bias[j];
        expectArraysClose(out, ref, { rtol: 0 });
      }),
    );
  });

  it('productRows on a block at an offset writes only that block', () => {
    const a = ints(6 * 3, 7);
    const b = ints(3 * 2, 8);
    const out = new Float64Array(6 * 2).fill(-1);
    productRows(a, 2 * 3, 3, 3, b, 2, undefined, out, 2 * 2);
    const ref = naive(a.subarray(6, 15), 3, 3, b, 2);
    expectArraysClose(out.subarray(4, 10), ref, { rtol: 0 });
    expectArraysClose(out.subarray(0, 4), new Float64Array(4).fill(-1), { rtol: 0 });
    expectArraysClose(out.subarray(10), new Float64Array(2).fill(-1), { rtol: 0 });
  });

  it('addTransposeProductRows(a, 0, n, m, g, 0, p, out, bias) adds aᵀg to out and the column sums of g to bias', () => {
    fc.assert(
      fc.property(shape, ({ n, m, p, seed }) => {
        const a = ints(n * m, seed);
        const g = ints(n * p, seed + 1);
        const out = ints(m * p, seed + 2);
        const ref = Float64Array.from(out);
        const at = new Float64Array(m * n);
        transpose(a, n, m, at);
        const prod = naive(at, m, n, g, p);
        for (let i = 0; i < ref.length; i++) ref[i] += prod[i];
        const bias = ints(p, seed + 3);
        const biasRef = Float64Array.from(bias);
        for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) biasRef[j] += g[i * p + j];
        addTransposeProductRows(a, 0, n, m, g, 0, p, out, bias);
        expectArraysClose(out, ref, { rtol: 0 });
        expectArraysClose(bias, biasRef, { rtol: 0 });
      }),
    );
  });
});
