import type { Matrix } from '@lslab/core';
import { brierScore } from '../../metrics/brierScore.js';
import { expectedCalibrationError } from '../../metrics/expectedCalibrationError.js';
import type { ResampleMetric } from '../../resampling/bootstrap.js';

/** @internal The argmax of row i (ties to the lowest index). */
function argmax(p: Matrix, i: number): number {
  const off = i * p.cols;
  let best = 0;
  for (let j = 1; j < p.cols; j++) if (p.data[off + j] > p.data[off + best]) best = j;
  return best;
}

/** @internal Mean top-label confidence minus accuracy (> 0: over-confident). */
export function confidenceGap(p: Matrix, y: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < p.rows; i++) {
    const best = argmax(p, i);
    s += p.data[i * p.cols + best] - (y[i] === best ? 1 : 0);
  }
  return s / p.rows;
}

/** @internal Accuracy of the argmax. */
export function accuracy(p: Matrix, y: ArrayLike<number>): number {
  let hits = 0;
  for (let i = 0; i < p.rows; i++) if (argmax(p, i) === y[i]) hits++;
  return hits / p.rows;
}

/** @internal Names of the metrics of {@link claimMetrics}, in order. */
export const METRIC_NAMES = ['ECE', 'debiased ECE', 'Brier', 'confidence − accuracy'] as const;

/** @internal Index of each metric in {@link METRIC_NAMES}. */
export const [ECE, DEBIASED_ECE, BRIER, GAP] = [0, 1, 2, 3];

/**
 * @internal The metrics of claim C8, in the order of {@link METRIC_NAMES}:
 * the plug-in l1 ECE and Kumar et al.'s debiased one (equal-width bins),
 * the Brier score, and confidence − accuracy.
 */
export function claimMetrics(bins: number): ResampleMetric<Matrix>[] {
  return [
    (p, y) => expectedCalibrationError(p, y, { bins }).value,
    (p, y) => expectedCalibrationError(p, y, { bins, debias: true }).value,
    (p, y) => brierScore(p, y),
    (p, y) => confidenceGap(p, y),
  ];
}
