import type { SmoothingConvention } from './convention.js';
import { elementPairs, positiveWeights } from './internal/elementPairs.js';
import { sigmoidCrossEntropyKernel } from './kernels/crossEntropy.js';
import type { Matrix } from './matrix.js';
import { smoothBinaryTarget } from './smoothBinaryTarget.js';
import type { Reduction } from './softmaxCrossEntropy.js';
import { checkAlpha, checkConvention, checkOption, checkOptions } from './validate/index.js';

/** Options of {@link sigmoidCrossEntropy}. */
export interface SigmoidCrossEntropyOptions<R extends Reduction = Reduction> {
  /** Smoothing α ∈ [0, 1]; default 0 (Keras/TF.js `label_smoothing`). */
  labelSmoothing?: number;
  /** `'uniform'` (default): t(1−α) + α/2. `'others'`: t(1−2α) + α. */
  convention?: SmoothingConvention;
  /**
   * Weight w ≥ 0 of the positive term (PyTorch `BCEWithLogitsLoss(pos_weight)`):
   * one number for every column, or one value per column. Default 1.
   */
  posWeight?: number | ArrayLike<number>;
  /** `'mean'` (default, over all elements), `'sum'` or `'none'` (per element). */
  reduction?: R;
}

/** Result of {@link sigmoidCrossEntropy}; `G` is the shape of the input. */
export interface SigmoidCrossEntropyResult<R extends Reduction, G> {
  /** A number for `'mean'`/`'sum'`; per-element losses (Float64Array, row-major) for `'none'`. */
  loss: R extends 'none' ? Float64Array : number;
  /** ∂loss/∂logits, shaped like the logits (for `'none'`, element e holds ∂loss_e/∂x_e). */
  grad: G;
}

const FN = 'sigmoidCrossEntropy';
const OPTIONS = ['labelSmoothing', 'convention', 'posWeight', 'reduction'] as const;

/**
 * Binary (1-D) or multi-label (N×C) sigmoid cross-entropy on logits, with
 * label smoothing and PyTorch's positive weight.
 *
 * Targets t ∈ [0, 1] are first smoothed: `'uniform'` (default; Keras and
 * TF.js `labelSmoothing`) t' = t(1−α) + α/2, `'others'` t' = t(1−2α) + α.
 * Per element, with x the logit and w the column's posWeight:
 *
 *   l = −[w·t'·log σ(x) + (1−t')·log(1 − σ(x))]
 *     = (1−t')·softplus(x) + w·t'·softplus(−x),
 *   ∂l/∂x = σ(x)·(w·t' + 1 − t') − w·t' = (1−t')·σ(x) − w·t'·σ(−x).
 *
 * With w = 1 this is TF.js's max(x, 0) − x·t' + log(1 + e^{−|x|}) and the
 * gradient is σ(x) − t' (claim C2). Both terms are computed as sums of
 * non-negative parts, softplus(±x) = max(±x, 0) + log1p(e^{−|x|}), so nothing
 * cancels and the loss is finite for any finite logit. One exponential
 * E = e^{−|x|} (the kernels' portable exp) gives log1p(E) and both σ(±x). `'mean'` divides by the
 * number of elements N·C (as TF.js and PyTorch do), so the gradient is divided
 * by it too.
 *
 * @param logits - finite logits: a 1-D array (binary) or an N×C Matrix (multi-label)
 * @param targets - values in [0, 1] of the same shape and kind as `logits`
 * @param options - see {@link SigmoidCrossEntropyOptions}
 * @returns `{ loss, grad }`; `grad` is a Float64Array for 1-D input, a Matrix for a Matrix
 * @throws LslabError `E_SHAPE` (kinds or shapes differ, posWeight length), `E_EMPTY`,
 *   `E_NOT_FINITE` (logit, target, posWeight), `E_RANGE` (target or α outside
 *   [0, 1], negative posWeight), `E_OPTION`
 * @see [conventions.md](../../../docs/conventions.md): binary targets in both conventions
 * @example
 * sigmoidCrossEntropy([0], [1]).loss;                       // 0.6931471805599453 = ln 2
 * sigmoidCrossEntropy([0], [1], { posWeight: 3 }).loss;     // 2.0794415416798357 = 3·ln 2
 * sigmoidCrossEntropy([2], [1], { labelSmoothing: 0.1 }).grad; // [σ(2) − 0.95] = [-0.06920292202211761]
 */
export function sigmoidCrossEntropy<R extends Reduction = 'mean'>(
  logits: Matrix,
  targets: Matrix,
  options?: SigmoidCrossEntropyOptions<R>,
): SigmoidCrossEntropyResult<R, Matrix>;
export function sigmoidCrossEntropy<R extends Reduction = 'mean'>(
  logits: ArrayLike<number>,
  targets: ArrayLike<number>,
  options?: SigmoidCrossEntropyOptions<R>,
): SigmoidCrossEntropyResult<R, Float64Array>;
export function sigmoidCrossEntropy<R extends Reduction = 'mean'>(
  logits: Matrix | ArrayLike<number>,
  targets: Matrix | ArrayLike<number>,
  options?: SigmoidCrossEntropyOptions<R>,
): SigmoidCrossEntropyResult<R, Matrix | Float64Array> {
  const o = checkOptions<SigmoidCrossEntropyOptions<R>>(FN, options, OPTIONS);
  const alpha = o.labelSmoothing ?? 0;
  checkAlpha(FN, alpha, 'options.labelSmoothing');
  const convention = checkConvention(FN, o.convention);
  const reduction = checkOption(FN, 'options.reduction', o.reduction ?? 'mean', [
    'mean',
    'sum',
    'none',
  ] as const);
  const { x, t, rows, cols, isMatrix } = elementPairs(FN, logits, targets);
  const w = positiveWeights(FN, 'options.posWeight', o.posWeight, cols);
  const n = x.length;
  // smoothed targets by the one rule (smoothBinaryTarget); the kernel takes them as they are
  const smoothed = new Float64Array(n);
  for (let e = 0; e < n; e++) smoothed[e] = smoothBinaryTarget(t[e], alpha, convention);
  const args = {
    x,
    t: smoothed,
    wpos: w,
    grad: new Float64Array(n),
    loss: new Float64Array(n),
    count: n,
    cols,
    keep: 1,
    shift: 0,
    div: reduction === 'mean' ? n : 1,
    total: 0,
  };
  sigmoidCrossEntropyKernel(args);
  const { grad, loss: losses, total } = args;
  let loss: number | Float64Array = losses;
  if (reduction !== 'none') {
    loss = total;
    if (reduction === 'mean') loss = total / n;
  }
  const g = isMatrix ? { rows, cols, data: grad } : grad;
  return { loss, grad: g } as SigmoidCrossEntropyResult<R, Matrix | Float64Array>;
}
