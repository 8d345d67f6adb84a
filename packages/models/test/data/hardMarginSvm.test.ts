import { fromRows, type LslabError } from '@lslab/core';
import { EPS, expectArraysClose, expectClose } from '@lslab/test-utils';
import { describe, expect, it } from 'vitest';
import { createRng, hardMarginSvm, linearlySeparable } from '../../src/index.ts';

describe('hardMarginSvm(x, y)', () => {
  it('solves a 2-D case in closed form', () => {
    // Support vectors z_i = s_i x_i: z1 = (2, 1), z2 = −(1, −2) = (−1, 2). They are
    // orthogonal with ‖z‖² = 5, so the equations z_i·w = 1 with w = α1 z1 + α2 z2 give
    // 5α1 = 1 and 5α2 = 1: α = (1/5, 1/5), ŵ = (2 − 1, 1 + 2)/5 = (1/5, 3/5),
    // ‖ŵ‖² = 10/25 and margin 1/‖ŵ‖ = √(5/2).
    // The other points are strictly outside the margin: (3, 3)+ → 12/5, (0, −3)− → 9/5,
    // (−1, 4)+ → 11/5; so ŵ is optimal for the full problem too.
    const x = fromRows([
      [2, 1],
      [1, -2],
      [3, 3],
      [0, -3],
      [-1, 4],
    ]);
    const r = hardMarginSvm(x, [1, 0, 1, 0, 1]);
    expectArraysClose(r.w, [1 / 5, 3 / 5], { rtol: 16 });
    expectArraysClose(r.alpha, [1 / 5, 1 / 5, 0, 0, 0], { rtol: 16, atol: 0 });
    expect(Array.from(r.supportVectors)).toEqual([0, 1]);
    expectClose(r.margin, Math.sqrt(5 / 2), { rtol: 16 });
  });

  it('handles parallel support vectors, where α is not unique but ŵ is', () => {
    // z1 = z2 = (1, 1): ŵ = (1/2, 1/2) is the least-norm w with w1 + w2 = 1; α1 + α2 = 1/2
    const r = hardMarginSvm(
      fromRows([
        [1, 1],
        [-1, -1],
      ]),
      [1, 0],
    );
    expectArraysClose(r.w, [0.5, 0.5], { rtol: 4 });
    expectClose(r.alpha[0] + r.alpha[1], 0.5, { rtol: 4 });
  });

  for (const [n, d, seed] of [
    [60, 5, 11],
    [300, 10, 12],
    [30, 50, 13],
  ]) {
    it(`satisfies the KKT conditions on a random separable set (n=${n}, d=${d})`, () => {
      const ds = linearlySeparable(createRng(seed), { n, dim: d, margin: 0.2 });
      const r = hardMarginSvm(ds.x, ds.y);
      const X = ds.x.data;
      let maxAlpha = 0;
      for (let i = 0; i < n; i++) maxAlpha = Math.max(maxAlpha, r.alpha[i]);
      // stationarity: w = Σ α_i s_i x_i, recomputed here
      const w = new Float64Array(d);
      for (let i = 0; i < n; i++)
        for (let j = 0; j < d; j++) w[j] += r.alpha[i] * (2 * ds.y[i] - 1) * X[i * d + j];
      expectArraysClose(r.w, w, { rtol: 1e-12 / EPS, atol: 1e-12 });
      let wNorm2 = 0;
      for (let j = 0; j < d; j++) wNorm2 += w[j] * w[j];
      let alphaSum = 0;
      for (let i = 0; i < n; i++) {
        const s = 2 * ds.y[i] - 1;
        let m = 0;
        for (let j = 0; j < d; j++) m += w[j] * X[i * d + j];
        const g = s * m - 1;
        // dual feasibility
        expect(r.alpha[i]).toBeGreaterThanOrEqual(0);
        // primal feasibility: s_i w·x_i ≥ 1 − 1e-10
        expect(g).toBeGreaterThanOrEqual(-1e-10);
        // complementary slackness: α_i > 0 ⇒ s_i w·x_i = 1 (to 1e-10)
        if (r.alpha[i] > 0) expect(Math.abs(g)).toBeLessThanOrEqual(1e-10);
        alphaSum += r.alpha[i];
      }
      // zero duality gap: Σα = Σ α_i s_i w·x_i = ‖w‖² when the support vectors sit on the margin
      expectClose(alphaSum, wNorm2, { rtol: 1e-9 / EPS });
      // the max-margin separator beats the generating direction's margin
      expect(r.margin).toBeGreaterThanOrEqual(ds.truth.margin - 1e-12);
      expect(r.supportVectors.length).toBeGreaterThan(0);
      expect(r.kktResidual).toBeLessThanOrEqual(1e-10);
      expect(maxAlpha).toBeGreaterThan(0);
    });
  }

  it('throws E_CONVERGENCE on data not separable through the origin', () => {
    const e = (() => {
      try {
        hardMarginSvm(fromRows([[1], [1]]), [1, 0], { maxSweeps: 1000 });
      } catch (err) {
        return err as LslabError;
      }
      return undefined;
    })();
    expect(e?.code).toBe('E_CONVERGENCE');
  });

  it('rejects bad input with typed errors', () => {
    const codeOf = (f: () => unknown) => {
      try {
        f();
      } catch (err) {
        return (err as LslabError).code;
      }
      return 'none';
    };
    expect(codeOf(() => hardMarginSvm(fromRows([]), []))).toBe('E_EMPTY');
    expect(codeOf(() => hardMarginSvm(fromRows([[1]]), [1, 0]))).toBe('E_SHAPE');
    expect(codeOf(() => hardMarginSvm(fromRows([[Number.NaN]]), [1]))).toBe('E_NOT_FINITE');
    expect(codeOf(() => hardMarginSvm(fromRows([[1]]), [2]))).toBe('E_LABEL');
    expect(codeOf(() => hardMarginSvm(fromRows([[0, 0]]), [1]))).toBe('E_RANGE');
  });
});
