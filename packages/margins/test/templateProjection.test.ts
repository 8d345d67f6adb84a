import { createRng, fromRows, matrix } from '@lslab/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { templateProjection } from '../src/index.ts';
import { thrown } from './helpers.ts';

/** Logits xW + b computed directly, one row. */
function logits(x: number[], w: number[][], b: number[]): number[] {
  return b.map((bk, k) => x.reduce((s, xj, j) => s + xj * w[j][k], bk));
}

describe('templateProjection(features, weights, bias, [a, b, c])', () => {
  it('the worked example: d = 2, K = 3', () => {
    const w = fromRows([
      [1, 0, 0],
      [0, 1, 0],
    ]);
    const { points, basis } = templateProjection(fromRows([[3, 4]]), w, [0, 0, 0], [0, 1, 2]);
    const r = Math.SQRT1_2;
    expect(Array.from(basis.data)).toEqual([-r, r, 0, -r, -r, 0].map((v) => expect.closeTo(v, 15)));
    expect(points.data[0]).toBeCloseTo(r, 15);
    expect(points.data[1]).toBeCloseTo(-7 * r, 14);
  });

  it('keeps the three pairwise logit differences to 1e-12 and has an orthonormal basis (property)', () => {
    fc.assert(
      fc.property(
        fc.nat(1e6),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 3, max: 8 }),
        (seed, d, k) => {
          const rng = createRng(seed);
          const draw = (r: number, c: number) =>
            Array.from({ length: r }, () => Array.from({ length: c }, () => 3 * rng.normal()));
          const w = draw(d, k);
          const b = draw(1, k)[0];
          const xs = draw(5, d);
          const cls = [0, 1, 2].map((i) => (i + (seed % k)) % k) as [number, number, number];
          const { points, basis } = templateProjection(fromRows(xs), fromRows(w), b, cls);
          const D = d + 1;
          const e = (r: number, j: number) => basis.data[r * D + j];
          for (const [r, s] of [
            [0, 0],
            [0, 1],
            [1, 1],
          ]) {
            let dot = 0;
            for (let j = 0; j < D; j++) dot += e(r, j) * e(s, j);
            expect(Math.abs(dot - (r === s ? 1 : 0))).toBeLessThan(1e-13);
          }
          const wt = (k2: number) => [...w.map((row) => row[k2]), b[k2]];
          for (let i = 0; i < xs.length; i++) {
            const z = logits(xs[i], w, b);
            for (const [p, q] of [
              [0, 1],
              [0, 2],
              [1, 2],
            ]) {
              const dw = wt(cls[q]).map((v, j) => v - wt(cls[p])[j]);
              let fromPlane = 0;
              for (let r = 0; r < 2; r++) {
                let c = 0;
                for (let j = 0; j < D; j++) c += e(r, j) * dw[j];
                fromPlane += points.data[2 * i + r] * c;
              }
              const direct = z[cls[q]] - z[cls[p]];
              // relative to the size of the terms: logits of ~d products of N(0, 9) values
              expect(Math.abs(fromPlane - direct)).toBeLessThan(
                1e-12 * (1 + Math.abs(direct)) * Math.sqrt(D) * 10,
              );
            }
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('rejects fewer than 3 classes, bad class indices, collinear templates and mismatched shapes', () => {
    const x = fromRows([[1, 2]]);
    const w3 = fromRows([
      [1, 0, 2],
      [0, 1, 0],
    ]);
    expect(
      thrown(() =>
        templateProjection(
          x,
          fromRows([
            [1, 0],
            [0, 1],
          ]),
          [0, 0],
          [0, 1, 1],
        ),
      ).code,
    ).toBe('E_RANGE');
    expect(thrown(() => templateProjection(x, w3, [0, 0, 0], [0, 1, 3])).code).toBe('E_RANGE');
    expect(thrown(() => templateProjection(x, w3, [0, 0, 0], [0, 1, 1])).code).toBe('E_RANGE');
    // w_k = (k + 1)(1, 1) with zero biases: the three augmented templates lie on a line
    expect(
      thrown(() =>
        templateProjection(
          x,
          fromRows([
            [1, 2, 3],
            [1, 2, 3],
          ]),
          [0, 0, 0],
          [0, 1, 2],
        ),
      ).message,
    ).toContain('line');
    expect(thrown(() => templateProjection(x, matrix(3, 3), [0, 0, 0], [0, 1, 2])).code).toBe(
      'E_SHAPE',
    );
    expect(thrown(() => templateProjection(x, w3, [0, 0], [0, 1, 2])).code).toBe('E_SHAPE');
    expect(
      thrown(() => templateProjection(fromRows([[1, Infinity]]), w3, [0, 0, 0], [0, 1, 2])).code,
    ).toBe('E_NOT_FINITE');
  });
});
