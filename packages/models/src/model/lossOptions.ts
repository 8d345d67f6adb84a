import {
  LslabError,
  type SigmoidCrossEntropyOptions,
  type SoftmaxCrossEntropyOptions,
  smoothBinaryTarget,
  smoothingMass,
} from '@lslab/core';
import {
  checkAlpha,
  checkConvention,
  checkOption,
  checkOptions,
  checkPositive,
  checkWeights,
} from '@lslab/core/validate';
import type { LossOptions } from '../training/model.js';

const MULTICLASS = ['labelSmoothing', 'convention', 'weight', 'weightMode'] as const;
const BINARY = ['labelSmoothing', 'convention', 'posWeight'] as const;

/**
 * @internal Checks the `loss` option of a model constructor at its door, with
 * `fn` the constructor the user called: unknown keys (including the options of
 * the other kind of loss) → E_OPTION naming `options.loss.<key>`; α ∈ [0, 1],
 * the convention, K class weights or a positive `posWeight`. Returns a copy.
 */
export function checkLossOptions(
  fn: string,
  loss: unknown,
  numClasses: number,
  binary: boolean,
): LossOptions {
  let o: Partial<LossOptions>;
  try {
    o = checkOptions<LossOptions>(fn, loss, binary ? BINARY : MULTICLASS, 'options.loss');
  } catch (e) {
    const key = e instanceof LslabError ? e.details.argument : undefined;
    const foreign = binary ? ['weight', 'weightMode'] : ['posWeight'];
    if (key !== undefined && foreign.some((f) => key === `options.loss.${f}`)) {
      const problem = binary
        ? 'applies to multiclass models; use posWeight for logistic regression'
        : 'applies to logistic regression only';
      throw new LslabError('E_OPTION', fn, problem, e instanceof LslabError ? e.details : {});
    }
    throw e;
  }
  if (o.labelSmoothing !== undefined)
    checkAlpha(fn, o.labelSmoothing, 'options.loss.labelSmoothing');
  if (o.convention !== undefined) checkConvention(fn, o.convention, 'options.loss.convention');
  if (o.weight !== undefined) checkWeights(fn, 'options.loss.weight', o.weight, numClasses);
  if (o.weightMode !== undefined) {
    checkOption(fn, 'options.loss.weightMode', o.weightMode, ['target', 'sample']);
  }
  if (o.posWeight !== undefined) checkPositive(fn, 'options.loss.posWeight', o.posWeight);
  return { ...o };
}

/** @internal The core options object of a softmax model's loss, built once per model. */
export function coreSoftmaxOptions(loss: LossOptions): SoftmaxCrossEntropyOptions<'mean'> {
  const o: SoftmaxCrossEntropyOptions<'mean'> = { reduction: 'mean' };
  if (loss.labelSmoothing !== undefined) o.labelSmoothing = loss.labelSmoothing;
  if (loss.convention !== undefined) o.convention = loss.convention;
  if (loss.weight !== undefined) o.weight = loss.weight;
  if (loss.weightMode !== undefined) o.weightMode = loss.weightMode;
  return o;
}

/** @internal The core options object of logistic regression's loss, built once per model. */
export function coreSigmoidOptions(loss: LossOptions): SigmoidCrossEntropyOptions<'mean'> {
  const o: SigmoidCrossEntropyOptions<'mean'> = { reduction: 'mean' };
  if (loss.labelSmoothing !== undefined) o.labelSmoothing = loss.labelSmoothing;
  if (loss.convention !== undefined) o.convention = loss.convention;
  if (loss.posWeight !== undefined) o.posWeight = loss.posWeight;
  return o;
}

/**
 * @internal Per-row curvature scale of the mean softmax cross-entropy: the
 * Hessian of the objective with respect to logit row i is
 * s_i·(diag(p_i) − p_i p_iᵀ), with s_i = (Σ_c a_ic)/D where a_ic is the
 * weighted target mass (see `softmaxCrossEntropy`; the masses q_y and q_k come
 * from core's `smoothingMass`) and D the 'mean' divisor Σ w_{y_i}. Without
 * weights s_i = 1/N.
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
  const { on, off } = smoothingMass(loss.labelSmoothing ?? 0, k, loss.convention);
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

/**
 * @internal The curvature factor of the sigmoid cross-entropy of one row:
 * with t′ the smoothed target (core's `smoothBinaryTarget`) and w₊ the
 * positive weight, l(z) = (1−t′)·softplus(z) + w₊t′·softplus(−z) has
 * l″(z) = (w₊t′ + 1 − t′)·σ(z)(1 − σ(z)); this returns w₊t′ + 1 − t′.
 */
export function binaryTargetMass(y: number, loss: LossOptions): number {
  const t = smoothBinaryTarget(y, loss.labelSmoothing ?? 0, loss.convention);
  return (loss.posWeight ?? 1) * t + 1 - t;
}
