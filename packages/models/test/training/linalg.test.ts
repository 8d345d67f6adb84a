import { expectArraysClose } from '@lslab/test-utils';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { addTransposeProduct, matmul, transpose } from '../../src/training/internal/linalg.ts';

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

describe('internal dense kernels', () => {
  it('matmul(a, n, m, b, p, out, bias) equals the triple loop plus the bias, for every remainder of n and m mod 4', () => {
    fc.assert(
      fc.property(shape, ({ n, m, p, seed }) => {
        const a = ints(n * m, seed);
        const b = ints(m * p, seed + 1);
        const bias = ints(p, seed + 2);
        const out = new Float64Array(n * p).fill(Number.NaN);
        matmul(a, n, m, b, p, out, bias);
        const ref = naive(a, n, m, b, p);
        for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) ref[i * p + j] += bias[j];
        expectArraysClose(out, ref, { rtol: 0 });
      }),
    );
  });

  it('addTransposeProduct(a, n, m, g, p, out) adds aᵀg to out', () => {
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
        addTransposeProduct(a, n, m, g, p, out);
        expectArraysClose(out, ref, { rtol: 0 });
      }),
    );
  });
});
