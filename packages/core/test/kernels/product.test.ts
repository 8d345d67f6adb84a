/**
 * The product kernel: exact on integers (every partial sum representable),
 * and the same bits on WebAssembly SIMD and in JavaScript for every shape of
 * block (rows, inner and outer sizes not multiples of 4 or 2), with and
 * without bias, Float32 and Float64 left operands, at offsets.
 */
import { expectArraysClose, thrown } from '@lslab/test-utils';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createRng } from '../../src/index.ts';
import { setKernelBackend } from '../../src/kernels/backend.ts';
import { addTransposeProductRows, productRows } from '../../src/kernels/index.ts';

afterAll(() => {
  setKernelBackend('auto');
});

const BACKENDS = ['auto', 'js'] as const;

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

describe('the product kernels against the triple loop (exact on small integers), both backends', () => {
  it('productRows(a, 0, n, m, b, p, bias, out, 0) equals the triple loop plus the bias, for every remainder of n and m mod 4, with a in Float64 or Float32', () => {
    for (const backend of BACKENDS) {
      setKernelBackend(backend);
      fc.assert(
        fc.property(shape, fc.boolean(), fc.boolean(), ({ n, m, p, seed }, f32, withBias) => {
          const a64 = ints(n * m, seed);
          const a = f32 ? Float32Array.from(a64) : a64;
          const b = ints(m * p, seed + 1);
          const bias = withBias ? ints(p, seed + 2) : undefined;
          const out = new Float64Array(n * p).fill(Number.NaN);
          productRows(a, 0, n, m, b, p, bias, out, 0);
          const ref = naive(a64, n, m, b, p);
          if (bias)
            for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) ref[i * p + j] += bias[j];
          expectArraysClose(out, ref, { rtol: 0 });
        }),
      );
    }
    setKernelBackend('auto');
  });

  it('productRows on a block at an offset writes only that block', () => {
    for (const backend of BACKENDS) {
      setKernelBackend(backend);
      const a = ints(6 * 3, 7);
      const b = ints(3 * 2, 8);
      const out = new Float64Array(6 * 2).fill(-1);
      productRows(a, 2 * 3, 3, 3, b, 2, undefined, out, 2 * 2);
      const ref = naive(a.subarray(6, 15), 3, 3, b, 2);
      expectArraysClose(out.subarray(4, 10), ref, { rtol: 0 });
      expectArraysClose(out.subarray(0, 4), new Float64Array(4).fill(-1), { rtol: 0 });
      expectArraysClose(out.subarray(10), new Float64Array(2).fill(-1), { rtol: 0 });
    }
    setKernelBackend('auto');
  });

  it('addTransposeProductRows(a, 0, n, m, g, 0, p, out, bias) adds aᵀg to out and the column sums of g to bias', () => {
    for (const backend of BACKENDS) {
      setKernelBackend(backend);
      fc.assert(
        fc.property(shape, ({ n, m, p, seed }) => {
          const a = ints(n * m, seed);
          const g = ints(n * p, seed + 1);
          const out = ints(m * p, seed + 2);
          const ref = Float64Array.from(out);
          const at = new Float64Array(m * n);
          for (let i = 0; i < n; i++) for (let k = 0; k < m; k++) at[k * n + i] = a[i * m + k];
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
    }
    setKernelBackend('auto');
  });
});

describe('productRows(a, ao, rows, m, w, p, bias, out, oo)', () => {
  it('is exact on small integers, on both backends', () => {
    // a = [[1, 2, 3], [4, 5, 6]], w = [[1, 0], [0, 1], [1, 1]], bias [10, 20]
    const a = Float64Array.of(1, 2, 3, 4, 5, 6);
    const w = Float64Array.of(1, 0, 0, 1, 1, 1);
    for (const backend of ['auto', 'js'] as const) {
      setKernelBackend(backend);
      const out = new Float64Array(4);
      productRows(a, 0, 2, 3, w, 2, Float64Array.of(10, 20), out, 0);
      expect(Array.from(out), backend).toEqual([14, 25, 20, 31]);
    }
    setKernelBackend('auto');
  });

  it('gives the same bits on WebAssembly SIMD and in JavaScript, every block shape', () => {
    expect(setKernelBackend('auto'), 'this engine has WebAssembly SIMD').toBe('wasm');
    const rng = createRng(7);
    const ao = 3;
    const oo = 5;
    for (const rows of [0, 1, 3, 4, 5, 8, 13])
      for (const m of [1, 3, 4, 5, 8, 20])
        for (const p of [1, 2, 5, 7, 64])
          for (const withBias of [false, true])
            for (const f32 of [false, true]) {
              const a64 = Float64Array.from({ length: ao + rows * m }, () => 4 * rng.normal());
              const a = f32 ? Float32Array.from(a64) : a64;
              const w = Float64Array.from({ length: m * p }, () => rng.normal());
              const bias = withBias
                ? Float64Array.from({ length: p }, () => rng.normal())
                : undefined;
              const run = (backend: 'auto' | 'js') => {
                setKernelBackend(backend);
                const out = new Float64Array(oo + rows * p + 2).fill(-7);
                productRows(a, ao, rows, m, w, p, bias, out, oo);
                return out;
              };
              const x = run('auto');
              const y = run('js');
              const tag = `${rows}×${m}·${m}×${p} bias ${withBias} f32 ${f32}`;
              expect(Buffer.compare(Buffer.from(x.buffer), Buffer.from(y.buffer)), tag).toBe(0);
            }
    setKernelBackend('auto');
  });
});

describe('addTransposeProductRows(a, ao, rows, m, g, go, p, out, bias)', () => {
  it('is exact on small integers and adds to what is there, on both backends', () => {
    // a = [[1, 2], [3, 4], [5, 6]] (3×2), g = [[1, 0, 2], [0, 1, 1], [1, 1, 0]] (3×3)
    // aᵀg = [[6, 8, 5], [8, 10, 8]]; column sums of g = [2, 2, 3]
    const a = Float64Array.of(1, 2, 3, 4, 5, 6);
    const g = Float64Array.of(1, 0, 2, 0, 1, 1, 1, 1, 0);
    for (const backend of ['auto', 'js'] as const) {
      setKernelBackend(backend);
      const out = new Float64Array(6).fill(1);
      const bias = Float64Array.of(10, 20, 30);
      addTransposeProductRows(a, 0, 3, 2, g, 0, 3, out, bias);
      expect(Array.from(out), backend).toEqual([7, 9, 6, 9, 11, 9]);
      expect(Array.from(bias), backend).toEqual([12, 22, 33]);
    }
    setKernelBackend('auto');
  });

  it('gives the same bits on WebAssembly SIMD and in JavaScript, every block shape', () => {
    expect(setKernelBackend('auto'), 'this engine has WebAssembly SIMD').toBe('wasm');
    const rng = createRng(8);
    const ao = 3;
    const go = 5;
    for (const rows of [0, 1, 3, 4, 5, 8, 13])
      for (const m of [1, 3, 4, 5, 20])
        for (const p of [1, 2, 5, 7, 64])
          for (const withBias of [false, true])
            for (const f32 of [false, true]) {
              const a64 = Float64Array.from({ length: ao + rows * m }, () => 4 * rng.normal());
              const a = f32 ? Float32Array.from(a64) : a64;
              const g = Float64Array.from({ length: go + rows * p }, () => rng.normal());
              const out0 = Float64Array.from({ length: m * p }, () => rng.normal());
              const bias0 = Float64Array.from({ length: p }, () => rng.normal());
              const run = (backend: 'auto' | 'js') => {
                setKernelBackend(backend);
                const out = Float64Array.from(out0);
                const bias = withBias ? Float64Array.from(bias0) : undefined;
                addTransposeProductRows(a, ao, rows, m, g, go, p, out, bias);
                return Float64Array.of(...out, ...(bias ?? []));
              };
              const x = run('auto');
              const y = run('js');
              const tag = `${rows}×${m}ᵀ·${rows}×${p} bias ${withBias} f32 ${f32}`;
              expect(Buffer.compare(Buffer.from(x.buffer), Buffer.from(y.buffer)), tag).toBe(0);
            }
    setKernelBackend('auto');
  });
});

describe('the kernels refuse a block they cannot compute, before touching memory', () => {
  const a = Float64Array.of(1, 2, 3, 4, 5, 6);
  const w = Float64Array.of(1, 0, 0, 1, 1, 1);
  it('a block past the end of its array, naming the array and the block', () => {
    const e = thrown(() => productRows(a, 1, 2, 3, w, 2, undefined, new Float64Array(4), 0));
    expect([e.code, e.details.argument]).toEqual(['E_SHAPE', 'a']);
    expect(e.message).toContain('has 6 entries; the block needs 6 from offset 1');
    const o = thrown(() => productRows(a, 0, 2, 3, w, 2, undefined, new Float64Array(4), 1));
    expect([o.code, o.details.argument]).toEqual(['E_SHAPE', 'out']);
  });

  it('an output that shares memory with an input: the product would read what it wrote', () => {
    const shared = new Float64Array(10);
    shared.set(a);
    // out starts inside a's block (entries 4…7 against a's 0…5)
    const e = thrown(() => productRows(shared, 0, 2, 3, w, 2, undefined, shared, 4));
    expect([e.code, e.details.argument]).toEqual(['E_SHAPE', 'out']);
    // the same buffer, apart: allowed, and the product is a·w = [[4, 5], [10, 11]]
    productRows(shared.subarray(0, 6), 0, 2, 3, w, 2, undefined, shared.subarray(6), 0);
    expect(Array.from(shared.subarray(6))).toEqual([4, 5, 10, 11]);
    const g = thrown(() =>
      addTransposeProductRows(a, 0, 2, 3, Float64Array.of(1, 1, 1, 1), 0, 2, a, undefined),
    );
    expect([g.code, g.details.argument]).toEqual(['E_SHAPE', 'out']);
  });

  it('counts and offsets that are not integers in range; operands of another type', () => {
    for (const [rows, code] of [
      [-1, 'E_RANGE'],
      [1.5, 'E_RANGE'],
      [Number.NaN, 'E_NOT_FINITE'],
    ] as const) {
      const e = thrown(() => productRows(a, 0, rows, 3, w, 2, undefined, new Float64Array(4), 0));
      expect([e.code, e.details.argument]).toEqual([code, 'rows']);
    }
    const t = thrown(() =>
      productRows(Array.from(a) as never, 0, 2, 3, w, 2, undefined, new Float64Array(4), 0),
    );
    expect([t.code, t.details.argument]).toEqual(['E_SHAPE', 'a']);
    // a Float32 left operand is widened exactly, as documented
    const out = new Float64Array(4);
    productRows(Float32Array.from(a), 0, 2, 3, w, 2, undefined, out, 0);
    expect(Array.from(out)).toEqual([4, 5, 10, 11]);
  });
});
