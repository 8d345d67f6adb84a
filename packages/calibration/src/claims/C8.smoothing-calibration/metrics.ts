import type { Matrix } from '@lslab/core';
import { equalWidthBinning } from '../../internal/binning.js';
import { addToBin, emptyBinStats } from '../../internal/binStats.js';
import { argmaxRow } from '../../internal/probabilities.js';
import { combineGaps } from '../../metrics/internal/gap.js';
import type { ResampleMetric } from '../../resampling/bootstrap.js';

/** @internal Names of the metrics of {@link claimMetrics}, in order. */
export const METRIC_NAMES = ['ECE', 'debiased ECE', 'Brier', 'confidence − accuracy'] as const;

/** @internal Index of each metric in {@link METRIC_NAMES}. */
export const [ECE, DEBIASED_ECE, BRIER, GAP] = [0, 1, 2, 3];

/** @internal Accuracy of the argmax (ties to the lowest index). */
export function accuracy(p: Matrix, y: ArrayLike<number>): number {
  let hits = 0;
  for (let i = 0; i < p.rows; i++) if (argmaxRow(p.data, i * p.cols, p.cols) === y[i]) hits++;
  return hits / p.rows;
}

/**
 * @internal The metrics of claim C8, in the order of {@link METRIC_NAMES}:
 * the plug-in l1 ECE and Kumar et al.'s debiased one (top label, equal-width
 * bins [lo, hi)), the Brier score, and mean confidence − accuracy (> 0:
 * over-confident). The rows the bootstrap hands over were validated once, so
 * the four are computed together in one pass by the first function — with
 * the bins, sums and order of `expectedCalibrationError` and `brierScore`,
 * hence the same bits — and the other three return its values (`bootstrap`
 * calls the metrics of a model in order on every resample).
 */
export function claimMetrics(bins: number): ResampleMetric<Matrix>[] {
  const binning = equalWidthBinning(bins, 'left');
  const values = new Float64Array(4);
  const all = (p: Matrix, y: Float64Array) => {
    const { rows: n, cols: k, data } = p;
    const stats = emptyBinStats(bins);
    let brier = 0;
    let gap = 0;
    for (let i = 0; i < n; i++) {
      const off = i * k;
      const best = argmaxRow(data, off, k);
      const conf = data[off + best];
      const hit = y[i] === best ? 1 : 0;
      addToBin(stats, binning.index(conf), conf, hit);
      let r = 0;
      for (let c = 0; c < k; c++) {
        const d = (c === y[i] ? 1 : 0) - data[off + c];
        r += d * d;
      }
      brier += r;
      gap += conf - hit;
    }
    values[ECE] = combineGaps(stats, 'l1', false);
    values[DEBIASED_ECE] = combineGaps(stats, 'l1', true);
    values[BRIER] = brier / n;
    values[GAP] = gap / n;
    return values[ECE];
  };
  return [all, () => values[DEBIASED_ECE], () => values[BRIER], () => values[GAP]];
}
