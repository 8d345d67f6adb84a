import { fromRows, optimalLogitGap, smoothLabels } from '@lslab/core';
import { describe, expect, it } from 'vitest';
import { MARGIN_QUANTILES, marginSummary } from '../src/index.ts';
import { thrown } from './helpers.ts';

describe('marginSummary(logits, labels)', () => {
  it('per sample: minimum, mean and population variance of the gaps', () => {
    const s = marginSummary(
      fromRows([
        [2, 0, -1, 1],
        [0, 3, 1, 3],
      ]),
      [0, 1],
    );
    // row 0 gaps (2, 3, 1): min 1, mean 2, variance ((0)² + 1² + 1²)/3 = 2/3
    // row 1 gaps (3, 2, 0): min 0, mean 5/3, variance (16/9 + 1/9 + 25/9)/3 = 14/9
    expect(Array.from(s.min)).toEqual([1, 0]);
    expect(s.mean[0]).toBe(2);
    expect(s.mean[1]).toBeCloseTo(5 / 3, 15);
    expect(s.variance[0]).toBeCloseTo(2 / 3, 15);
    expect(s.variance[1]).toBeCloseTo(14 / 9, 15);
  });

  it('quantiles interpolate linearly between order statistics (NumPy default)', () => {
    // minimum gaps 0, 1, 2, …, 10: the p-quantile is 10p
    const rows = Array.from({ length: 11 }, (_, i) => [i, 0]);
    const s = marginSummary(fromRows(rows), new Array(11).fill(0));
    expect(s.quantiles.levels).toEqual(MARGIN_QUANTILES);
    expect(s.quantiles.min).toEqual(MARGIN_QUANTILES.map((p) => 10 * p));
    // numpy.quantile([0, 1, 5], [0.05, 0.25, 0.75]) = [0.1, 0.5, 3]
    const t = marginSummary(
      fromRows([
        [0, 0],
        [1, 0],
        [5, 0],
      ]),
      [0, 0, 0],
    );
    expect(t.quantiles.min[1]).toBeCloseTo(0.1, 15);
    expect(t.quantiles.min[2]).toBeCloseTo(0.5, 15);
    expect(t.quantiles.min[4]).toBeCloseTo(3, 15);
  });

  it('at the smoothed optimum z = log q every gap is ln(q_y/q_k): variance 0, min = mean', () => {
    const q = smoothLabels([2], 10, 0.1).data;
    const z = fromRows([Array.from(q, Math.log)]);
    const s = marginSummary(z, [2]);
    expect(Math.abs(s.min[0] - optimalLogitGap(0.1, 10))).toBeLessThan(1e-14);
    expect(s.variance[0]).toBeLessThan(1e-28);
  });

  it('K = 2 has variance 0 and rejects what logitGaps rejects', () => {
    expect(marginSummary(fromRows([[3, 1]]), [0]).variance[0]).toBe(0);
    expect(thrown(() => marginSummary(fromRows([[3, 1]]), [5])).code).toBe('E_LABEL');
  });
});
