import type { Matrix } from '@lslab/core';
import { brierScore } from '../../metrics/brierScore.js';
import { expectedCalibrationError } from '../../metrics/expectedCalibrationError.js';
import type { ClaimMetric } from './jointBootstrap.js';

/** @internal Mean top-label confidence minus accuracy (> 0: over-confident). Ties to the lowest index. */
export function confidenceGap(p: Matrix, y: ArrayLike<number>): number {
  const { rows, cols, data } = p;
  let s = 0;
  for (let i = 0; i < rows; i++) {
    const off = i * cols;
    let best = 0;
    for (let j = 1; j < cols; j++) if (data[off + j] > data[off + best]) best = j;
    s += data[off + best] - (y[i] === best ? 1 : 0);
  }
  return s / rows;
}

/** @internal The metrics of claim C8, in the order of {@link METRIC_NAMES}. */
export function claimMetrics(bins: number): ClaimMetric[] {
  return [
    (p, y) => expectedCalibrationError(p, y, { bins }).value,
    (p, y) => brierScore(p, y),
    (p, y) => confidenceGap(p, y),
  ];
}

/** @internal Names of the metrics of {@link claimMetrics}. */
export const METRIC_NAMES = ['ECE', 'Brier', 'confidence − accuracy'] as const;
