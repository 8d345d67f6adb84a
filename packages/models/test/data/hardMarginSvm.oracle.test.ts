import { fromRows } from '@lslab/core';
import fc from 'fast-check';
import { lusolve, multiply, transpose } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { createRng, hardMarginSvm, linearlySeparable } from '../../src/index.ts';

/**
 * Brute-force oracle for min ‖w‖² s.t. z_i·w ≥ 1 (z_i = s_i x_i). The optimum is
 * the least-norm point of the affine set {w : z_i·w = 1, i ∈ A} for its active set
 * A, which can be reduced to a linearly independent subset of at most d rows. So
 * enumerate every subset S with |S| ≤ d, take w_S = Z_Sᵀ (Z_S Z_Sᵀ)⁻¹ 1 (mathjs
 * LU solve), keep those feasible for all rows, and return the shortest.
 */
function oracle(z: number[][]): number[] {
  const n = z.length;
  const d = z[0].length;
  let best: number[] | undefined;
  let bestNorm = Number.POSITIVE_INFINITY;
  const subset: number[] = [];
  const visit = (start: number) => {
    if (subset.length > 0) {
      const zs = subset.map((i) => z[i]);
      const gram = multiply(zs, transpose(zs)) as number[][];
      let lambda: number[] | undefined;
      try {
        lambda = (
          lusolve(
            gram,
            subset.map(() => 1),
          ) as number[][]
        ).map((r) => r[0]);
      } catch {
        lambda = undefined; // singular: a dependent subset, covered by a smaller one
      }
      if (lambda?.every(Number.isFinite)) {
        const w = new Array<number>(d).fill(0);
        subset.forEach((i, a) => {
          for (let j = 0; j < d; j++) w[j] += lambda![a] * z[i][j];
        });
        const feasible = z.every((zi) => zi.reduce((s, v, j) => s + v * w[j], 0) >= 1 - 1e-9);
        const norm = w.reduce((s, v) => s + v * v, 0);
        if (feasible && norm < bestNorm) {
          bestNorm = norm;
          best = w;
        }
      }
    }
    if (subset.length === d) return;
    for (let i = start; i < n; i++) {
      subset.push(i);
      visit(i + 1);
      subset.pop();
    }
  };
  visit(0);
  if (!best) throw new Error('oracle found no feasible point');
  return best;
}

describe('hardMarginSvm(x, y) against a brute-force active-set oracle', () => {
  it('agrees to 1e-9 on random small separable sets in 2 and 3 dimensions', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 9 }),
        fc.integer({ min: 2, max: 3 }),
        fc.nat(),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        (n, d, seed, margin) => {
          const ds = linearlySeparable(createRng(seed), { n, dim: d, margin });
          const rows: number[][] = [];
          for (let i = 0; i < n; i++) rows.push(Array.from(ds.x.data.subarray(i * d, (i + 1) * d)));
          const z = rows.map((r, i) => r.map((v) => (2 * ds.y[i] - 1) * v));
          const expected = oracle(z);
          const r = hardMarginSvm(fromRows(rows), ds.y);
          const scale = Math.sqrt(expected.reduce((s, v) => s + v * v, 0));
          for (let j = 0; j < d; j++)
            expect(Math.abs(r.w[j] - expected[j])).toBeLessThanOrEqual(1e-9 * scale);
        },
      ),
      { seed: 17, numRuns: 150 },
    );
  });
});
