import {
  type CrossEntropyResult,
  type Matrix,
  type SoftmaxCrossEntropyOptions,
  softmaxCrossEntropy,
} from '@lslab/core';
import type { LossOptions } from '../model.js';

/** @internal The core options object for a model's loss, built once per model. */
export function coreSoftmaxOptions(loss: LossOptions): SoftmaxCrossEntropyOptions<'mean'> {
  const o: SoftmaxCrossEntropyOptions<'mean'> = { reduction: 'mean' };
  if (loss.labelSmoothing !== undefined) o.labelSmoothing = loss.labelSmoothing;
  if (loss.convention !== undefined) o.convention = loss.convention;
  if (loss.weight !== undefined) o.weight = loss.weight;
  if (loss.weightMode !== undefined) o.weightMode = loss.weightMode;
  return o;
}

/**
 * @internal Mean softmax cross-entropy from `@lslab/core` and its gradient
 * with respect to the logits (core's own result object; the N×K gradient is
 * written to `options.out` when given, else core allocates it on each call).
 */
export function softmaxLoss(
  logits: Matrix,
  y: ArrayLike<number>,
  options: SoftmaxCrossEntropyOptions<'mean'>,
): CrossEntropyResult<'mean'> {
  return softmaxCrossEntropy(logits, y, options);
}

/**
 * @internal Per-row curvature scale of the mean softmax cross-entropy: the
 * Hessian of the objective with respect to logit row i is
 * s_i·(diag(p_i) − p_i p_iᵀ), with s_i = (Σ_c a_ic)/D where a_ic is the
 * weighted target mass (see `softmaxCrossEntropy`) and D the 'mean' divisor.
 * Without weights s_i = 1/N.
 */
export function rowCurvature(
  y: ArrayLike<number>,
  k: number,
  loss: LossOptions,
  out: Float64Array,
): void {
  const n = y.length;
  const w = loss.weight;
  if (w === undefined) {
    out.fill(1 / n, 0, n);
    return;
  }
  const alpha = loss.labelSmoothing ?? 0;
  const uniform = (loss.convention ?? 'uniform') === 'uniform';
  const off = uniform ? alpha / k : alpha / (k - 1);
  const on = uniform ? 1 - alpha + off : 1 - alpha;
  let wSum = 0;
  for (let c = 0; c < k; c++) wSum += w[c];
  let denom = 0;
  for (let i = 0; i < n; i++) {
    const wy = w[y[i]];
    denom += wy;
    out[i] = loss.weightMode === 'sample' ? wy : off * wSum + (on - off) * wy;
  }
  for (let i = 0; i < n; i++) out[i] /= denom;
}
