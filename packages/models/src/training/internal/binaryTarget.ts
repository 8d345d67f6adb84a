import type { LossOptions } from '../model.js';

/**
 * @internal The curvature factor of the sigmoid cross-entropy of one row:
 * with t′ the smoothed target ('uniform' t(1−α) + α/2, 'others' t(1−2α) + α)
 * and w₊ the positive weight, l(z) = (1−t′)·softplus(z) + w₊t′·softplus(−z)
 * has l″(z) = (w₊t′ + 1 − t′)·σ(z)(1 − σ(z)); this returns w₊t′ + 1 − t′.
 */
export function binaryTargetMass(y: number, loss: LossOptions): number {
  const alpha = loss.labelSmoothing ?? 0;
  const t =
    loss.convention === 'others' ? y * (1 - 2 * alpha) + alpha : y * (1 - alpha) + alpha / 2;
  return (loss.posWeight ?? 1) * t + 1 - t;
}
