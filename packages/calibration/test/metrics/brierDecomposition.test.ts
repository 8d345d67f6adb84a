import { fromRows } from '@lslab/core';
import { expectClose } from '@lslab/test-utils';
import { describe, expect, it } from 'vitest';
import { brierDecomposition, brierScore } from '../../src/index.ts';

describe('brierDecomposition(probs, labels, { bins })', () => {
  it("gives Murphy's terms with zero residual when each bin holds one forecast value", () => {
    // forecasts 0.2, 0.2 (outcomes 0, 1) and 0.8, 0.8 (1, 1); bins [0, .5), [.5, 1]
    // REL = (2·(0.2 − 0.5)² + 2·(0.8 − 1)²)/4 = 0.065
    // RES = (2·(0.5 − 0.75)² + 2·(1 − 0.75)²)/4 = 0.0625
    // UNC = 0.75·0.25 = 0.1875 → score 0.19 = (0.04 + 0.64 + 0.04 + 0.04)/4
    const d = brierDecomposition([0.2, 0.2, 0.8, 0.8], [0, 1, 1, 1], { bins: 2 });
    expectClose(d.reliability, 0.065, { rtol: 4 });
    expectClose(d.resolution, 0.0625, { rtol: 4 });
    expectClose(d.uncertainty, 0.1875);
    expect(d.residual).toBe(0);
    expectClose(d.score, 0.19, { rtol: 4 });
  });

  it('reports the within-bin residual so that the parts add up', () => {
    // one bin: forecasts 0.1 (y 0) and 0.3 (y 1): mean forecast 0.2, frequency 0.5
    // REL = 0.09, RES = 0, UNC = 0.25
    // residual = ((−0.1)² − 0 + (0.1)² − 2·0.1·1)/2 = (0.01 + 0.01 − 0.2)/2 = −0.09
    // score = (0.01 + 0.49)/2 = 0.25 = 0.09 − 0 + 0.25 − 0.09
    const d = brierDecomposition([0.1, 0.3], [0, 1], { bins: 1 });
    expectClose(d.reliability, 0.09, { rtol: 4 });
    expect(d.resolution).toBe(0);
    expectClose(d.uncertainty, 0.25);
    expectClose(d.residual, -0.09, { rtol: 8 });
    expectClose(d.score, 0.25, { rtol: 4 });
  });

  it('multiclass: per-class terms summed, matching the [0, 2] Brier score', () => {
    const m = fromRows([
      [0.7, 0.2, 0.1],
      [0.3, 0.3, 0.4],
      [0.1, 0.8, 0.1],
      [0.6, 0.3, 0.1],
    ]);
    const y = [0, 2, 1, 1];
    const d = brierDecomposition(m, y, { bins: 4 });
    expect(d.classes?.length).toBe(3);
    const sum = d.reliability - d.resolution + d.uncertainty + d.residual;
    expectClose(sum, brierScore(m, y), { atol: 64 });
    // uncertainty = Σ_c ō_c(1 − ō_c) with frequencies (1/4, 2/4, 1/4) = 3/16 + 1/4 + 3/16
    expectClose(d.uncertainty, 0.625, { rtol: 4 });
    expect(d.score).toBe(brierScore(m, y));
  });

  it("edges 'right' moves a forecast of exactly 0.5 to the lower bin", () => {
    // forecasts 0.5 (y 1) and 0.25 (y 0), 2 bins
    // left [0, .5), [.5, 1]: separate bins → REL = ((0.5 − 1)² + 0.25²)/2 = 0.15625
    // right [0, .5], (.5, 1]: one bin, mean 0.375, frequency 0.5 → REL = 0.125² = 0.015625
    const l = brierDecomposition([0.5, 0.25], [1, 0], { bins: 2 });
    const r = brierDecomposition([0.5, 0.25], [1, 0], { bins: 2, edges: 'right' });
    expectClose(l.reliability, 0.15625, { rtol: 4 });
    expectClose(r.reliability, 0.015625, { rtol: 4 });
  });
});
