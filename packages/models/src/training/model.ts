import type { Matrix, SmoothingConvention } from '@lslab/core';
import type { CsrMatrix } from '../data/dataset.js';

/**
 * Model input: a dense N×d `Matrix`, or a sparse `CsrMatrix` (accepted by
 * logistic regression; the other models throw `E_SHAPE` for sparse input).
 */
export type Features = Matrix | CsrMatrix;

/**
 * The label-smoothing options of a model's loss, checked when the model is
 * built (unknown keys → `E_OPTION` naming `options.loss.<key>`) and then
 * passed to the loss of `@lslab/core` (`softmaxCrossEntropy` for multiclass
 * models, `sigmoidCrossEntropy` for logistic regression). The reduction is always
 * `'mean'`: for index targets it divides by the number of rows, or by
 * Σ w_{y_i} when class weights are given (PyTorch's rule).
 */
export interface LossOptions {
  /** Smoothing α ∈ [0, 1]; default 0 (hard labels). */
  labelSmoothing?: number;
  /** `'uniform'` (default): q = (1−α)e_y + α/K; `'others'`: q_y = 1−α, q_k = α/(K−1). */
  convention?: SmoothingConvention;
  /** Class weights w ∈ [0, ∞)^K (multiclass models). */
  weight?: ArrayLike<number>;
  /** `'target'` (default, PyTorch) or `'sample'`; see `softmaxCrossEntropy`. */
  weightMode?: 'target' | 'sample';
  /** Weight of the positive class in the binary loss (logistic regression only). */
  posWeight?: number;
}

/** The model families of this package. */
export type ModelKind =
  | 'logistic-regression'
  | 'softmax-regression'
  | 'mlp'
  | 'free-logits'
  | 'unconstrained-features';

/**
 * A trainable classifier. All parameters live in one `Float64Array`
 * (`params`); `tensors` holds named views into it (`W`, `b`, `W1`, …), and
 * `grad` is a preallocated buffer of the same layout that
 * {@link Model.lossAndGradient} overwrites. Optimisers act on `params` and
 * `grad` as flat vectors.
 *
 * Sample-indexed models (free logits, unconstrained features) have one
 * parameter block per training sample: row i of `x` stands for sample i and
 * its values are not read (pass the data set's features, or `matrix(n, 0)`).
 */
export interface Model {
  /** Which family the model belongs to. */
  readonly kind: ModelKind;
  /** K, the number of classes (2 for logistic regression). */
  readonly numClasses: number;
  /** Every parameter, in the layout described by `tensors`. */
  readonly params: Float64Array;
  /** ∂objective/∂params from the last {@link Model.lossAndGradient} call. */
  readonly grad: Float64Array;
  /**
   * Named views into `params` (same names index `gradTensors` into `grad`).
   * A tensor the model does not have (`b` with `bias: false`) is undefined.
   */
  readonly tensors: Readonly<Record<string, Float64Array>>;
  /** Named views into `grad`. */
  readonly gradTensors: Readonly<Record<string, Float64Array>>;
  /** The loss options forwarded to `@lslab/core`. */
  readonly loss: Readonly<LossOptions>;
  /** Logits of every row of x: N×K (N×1 for logistic regression). */
  forward(x: Features): Matrix;
  /** Class probabilities, N×K (N×2 with columns [1 − p, p] for logistic regression). */
  predictProba(x: Features): Matrix;
  /**
   * The training objective — mean loss over the rows (or the rows listed in
   * `batch`) plus the L2 penalty — with its gradient written into `grad`.
   * Reuses preallocated buffers. Checks the shape of x (`E_SHAPE`), the labels
   * (`E_LABEL`) and the batch indices (integers in [0, N): `E_RANGE`), naming
   * the call (`softmaxRegression.lossAndGradient`); the finiteness of x is
   * left to the caller (`train` and `newton` check it once), to keep the step
   * free of an extra pass over the data.
   */
  lossAndGradient(x: Features, y: ArrayLike<number>, batch?: ArrayLike<number>): number;
  /**
   * Throws `E_SHAPE` naming `fn` unless x fits the model: d columns, or one
   * row per sample for the sample-indexed models. `train` and `newton` call it
   * with their own name.
   */
  checkInput(fn: string, x: Features): void;
  /**
   * ‖W‖_F, biases excluded: the weights of a linear model, all weight
   * matrices of an MLP taken together, the logits of the free-logit model, the
   * classifier W (not the features) of the unconstrained-features model.
   */
  weightNorm(): number;
  /**
   * Fraction of saturated hidden units on x (MLP only; see `mlp`).
   * Undefined for models without hidden units.
   */
  saturation?(x: Features): number;
  /**
   * Writes the Hessian of the full-data objective (P×P, row-major, P =
   * params.length) into `out`. Present on the convex models (logistic and
   * softmax regression), used by `newton`.
   */
  hessian?(x: Features, y: ArrayLike<number>, out: Float64Array): void;
}
