import { LslabError, type Matrix } from '@lslab/core';
import { gapsFor } from './internal/gaps.js';
import { quantileSorted } from './internal/quantile.js';

/** The quantile levels of {@link marginSummary}. */
export const MARGIN_QUANTILES: readonly number[] = [0, 0.05, 0.25, 0.5, 0.75, 0.95, 1];

/** Per-sample margin statistics and their quantiles over the data set. */
export interface MarginSummary {
  /** Per sample: the smallest gap min_k (z_y − z_k), the classification margin. */
  min: Float64Array;
  /** Per sample: the mean gap over the K − 1 wrong classes, z_y − mean_{k≠y} z_k. */
  mean: Float64Array;
  /** Per sample: the variance of the gaps over the wrong classes (divisor K − 1; 0 when K = 2). */
  variance: Float64Array;
  /** Quantiles over samples at {@link MARGIN_QUANTILES}, one array per statistic. */
  quantiles: {
    levels: readonly number[];
    min: number[];
    mean: number[];
    variance: number[];
  };
}

/**
 * Summarises the logit gaps (see {@link logitGaps}) of every sample: the
 * minimum gap, the mean gap and the variance of the gaps across the K − 1
 * wrong classes (population variance, (1/(K−1))Σ_k (g_k − ḡ)², computed in two
 * passes), then the quantiles 0, 0.05, 0.25, 0.5, 0.75, 0.95 and 1 of each over
 * the data set (linear interpolation between order statistics, NumPy's default).
 *
 * At the smoothed optimum every gap equals ln(q_y/q_k): minimum = mean and
 * variance 0. Hard labels leave the wrong classes free, so their gaps spread.
 *
 * @param logits - N×K logits (N ≥ 1, K ≥ 2, finite)
 * @param labels - N class indices in [0, K)
 * @returns per-sample statistics and their quantiles
 * @throws LslabError as {@link logitGaps} (naming marginSummary), and `E_RANGE` when
 *   a row's variance is beyond the double range
 * @example
 * const s = marginSummary(fromRows([[2, 0, -1], [0, 3, 1]]), [0, 1]);
 * [...s.min];            // [2, 2]
 * [...s.mean];           // [2.5, 2.5]
 * [...s.variance];       // [0.25, 0.25]
 * s.quantiles.min[3];   // 2, the median of the minimum gaps
 */
export function marginSummary(logits: Matrix, labels: ArrayLike<number>): MarginSummary {
  const g = gapsFor('marginSummary', logits, labels);
  const { rows: n, cols: m, data } = g;
  const min = new Float64Array(n);
  const mean = new Float64Array(n);
  const variance = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let lo = Infinity;
    let s = 0;
    for (let c = 0; c < m; c++) {
      const v = data[i * m + c];
      lo = Math.min(lo, v);
      s += v;
    }
    const mu = s / m;
    let v2 = 0;
    for (let c = 0; c < m; c++) v2 += (data[i * m + c] - mu) ** 2;
    min[i] = lo;
    mean[i] = mu;
    variance[i] = v2 / m;
    if (!(Number.isFinite(mu) && Number.isFinite(variance[i]))) {
      [mean[i], variance[i]] = spreadApart(data, i * m, m, i);
    }
  }
  const q = (v: Float64Array) => {
    const sorted = Float64Array.from(v).sort();
    return MARGIN_QUANTILES.map((p) => quantileSorted(sorted, p));
  };
  return {
    min,
    mean,
    variance,
    quantiles: { levels: MARGIN_QUANTILES, min: q(min), mean: q(mean), variance: q(variance) },
  };
}

/**
 * Mean and variance of one row of gaps near ±1.8e308, where Σ v or (v − μ)²
 * overflows: μ = Σ v/m (each term at most 1.8e308/m), and the variance scaled
 * by the largest deviation M, M²·Σ((v − μ)/M)²/m. Throws E_RANGE when the
 * variance itself is beyond the double range.
 */
function spreadApart(data: ArrayLike<number>, o: number, m: number, row: number): [number, number] {
  let mu = 0;
  for (let c = 0; c < m; c++) mu += data[o + c] / m;
  let big = 0;
  for (let c = 0; c < m; c++) big = Math.max(big, Math.abs(data[o + c] - mu));
  let s = 0;
  for (let c = 0; c < m; c++) s += ((data[o + c] - mu) / big) ** 2;
  const variance = big === 0 ? 0 : big * big * (s / m);
  if (!(Number.isFinite(mu) && Number.isFinite(variance))) {
    throw new LslabError(
      'E_RANGE',
      'marginSummary',
      'has gaps whose variance is beyond the double range; rescale the logits',
      { argument: 'logits', row },
    );
  }
  return [mu, variance];
}
