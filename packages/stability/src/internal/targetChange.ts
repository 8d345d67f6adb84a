import { type SmoothingConvention, smoothBinaryTarget, smoothingMass } from '@lslab/core';

/**
 * @internal ‖Δq‖₂ when one label changes: for K = 2 (one sigmoid logit) the
 * change of the smoothed binary target, |t(1) − t(0)| (1 − α uniform,
 * |1 − 2α| others); for K ≥ 3 the two entries that swap, √2·|on − off|
 * ((1 − α)√2 uniform).
 */
export function targetChange(alpha: number, k: number, convention: SmoothingConvention): number {
  if (k === 2) {
    return Math.abs(
      smoothBinaryTarget(1, alpha, convention) - smoothBinaryTarget(0, alpha, convention),
    );
  }
  const { on, off } = smoothingMass(alpha, k, convention);
  return Math.SQRT2 * Math.abs(on - off);
}
