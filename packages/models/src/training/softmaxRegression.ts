import type { Matrix, SoftmaxCrossEntropyOptions } from '@lslab/core';
import { MAX_ELEMENTS } from '@lslab/core';
import { addTransposeProductRows, productRows } from '@lslab/core/kernels';
import { checkInteger, checkNumClasses } from '@lslab/core/validate';
import { kroneckerHessian } from '../linalg/kroneckerHessian.js';
import { gatherLabels, gatherRows } from '../linalg/rows.js';
import { ModelBase } from '../model/base.js';
import { checkBatch, checkColumns, checkFeatures, dense } from '../model/features.js';
import { checkLossOptions, coreSoftmaxOptions, rowCurvature } from '../model/lossOptions.js';
import { checkFlag, checkNonNegative, requiredOptions } from '../model/options.js';
import { type LossBuffers, lossBuffers, softmaxLoss } from '../model/softmaxLoss.js';
import type { Features, LossOptions, Model } from './model.js';

/** Options of {@link softmaxRegression}. */
export interface SoftmaxRegressionOptions {
  /** d, the number of features (an integer ≥ 1). */
  inputDim: number;
  /** K, the number of classes (an integer ≥ 2). */
  numClasses: number;
  /** λ ≥ 0 of the penalty (λ/2)‖W‖²_F; the bias is not penalised. Default 0. */
  l2?: number;
  /** Whether the model has a bias b ∈ ℝ^K. Default true. */
  bias?: boolean;
  /** Label-smoothing options of the loss, `softmaxCrossEntropy` of `@lslab/core`. */
  loss?: LossOptions;
}

interface Buffers extends LossBuffers {
  x: Float64Array;
}

const FN = 'softmaxRegression';
const KEYS = ['inputDim', 'numClasses', 'l2', 'bias', 'loss'] as const;

class SoftmaxRegression extends ModelBase<Buffers> {
  readonly kind = 'softmax-regression' as const;
  readonly #d: number;
  readonly #l2: number;
  readonly #bias: boolean;
  readonly #core: SoftmaxCrossEntropyOptions<'mean'>;

  constructor(d: number, k: number, l2: number, bias: boolean, loss: LossOptions) {
    const views = (a: Float64Array): Record<string, Float64Array> =>
      bias ? { W: a.subarray(0, d * k), b: a.subarray(d * k) } : { W: a.subarray(0, d * k) };
    super(k, (bias ? d + 1 : d) * k, views, ['W'], loss);
    this.#d = d;
    this.#l2 = l2;
    this.#bias = bias;
    this.#core = coreSoftmaxOptions(loss);
  }

  protected makeBuffers(rows: number): Buffers {
    const k = this.numClasses;
    return {
      x: new Float64Array(rows * this.#d),
      ...lossBuffers(rows, k, this.#core),
    };
  }

  checkInput(fn: string, x: Features): void {
    checkColumns(fn, dense(fn, x), this.#d, 'inputDim');
  }

  forward(features: Features): Matrix {
    const fn = `${FN}.forward`;
    const x = dense(fn, features);
    checkFeatures(fn, x);
    this.checkInput(fn, x);
    const k = this.numClasses;
    const out = new Float64Array(x.rows * k);
    productRows(x.data, 0, x.rows, this.#d, this.tensors.W, k, this.tensors.b, out, 0);
    return { rows: x.rows, cols: k, data: out };
  }

  lossAndGradient(features: Features, y: ArrayLike<number>, batch?: ArrayLike<number>): number {
    const fn = `${FN}.lossAndGradient`;
    const x = dense(fn, features);
    this.checkInput(fn, x);
    const d = this.#d;
    const k = this.numClasses;
    const rows = batch === undefined ? x.rows : batch.length;
    if (batch !== undefined) checkBatch(fn, batch, x.rows, y);
    const buf = this.buffers.get(rows);
    let xs = x.data;
    let ys = y;
    if (batch !== undefined) {
      gatherRows(x.data, d, batch, buf.x);
      gatherLabels(y, batch, buf.y);
      xs = buf.x;
      ys = buf.y;
    }
    const { W, b } = this.tensors;
    productRows(xs, 0, rows, d, W, k, b, buf.logits.data as Float64Array, 0);
    const r = softmaxLoss(fn, buf.logits, ys, buf.core);
    this.grad.fill(0);
    const g = r.grad.data as Float64Array;
    addTransposeProductRows(xs, 0, rows, d, g, 0, k, this.gradTensors.W, this.gradTensors.b);
    return this.penalise(r.loss, this.#l2);
  }

  hessian(features: Features, y: ArrayLike<number>, out: Float64Array): void {
    const x = dense(FN, features);
    const n = x.rows;
    const k = this.numClasses;
    const p = this.predictProba(x).data;
    const s = new Float64Array(n);
    rowCurvature(y, k, this.loss, s);
    const curv = new Float64Array(n * k * k);
    for (let i = 0; i < n; i++) {
      const o = i * k * k;
      for (let c = 0; c < k; c++) {
        const pc = p[i * k + c];
        for (let e = 0; e < k; e++) curv[o + c * k + e] = -s[i] * (pc * p[i * k + e]);
        curv[o + c * k + c] += s[i] * pc;
      }
    }
    kroneckerHessian(x.data, n, this.#d, this.#bias, k, curv, this.#l2, out);
  }
}

/**
 * Softmax (multinomial logistic) regression: logits z = xW + b with W ∈ ℝ^{d×K}
 * and b ∈ ℝ^K, trained on the mean of `softmaxCrossEntropy` from `@lslab/core`
 * plus (λ/2)‖W‖²_F (the bias is not penalised). Parameters start at zero.
 *
 * The objective is convex; it is strictly convex on the span of the data when
 * λ > 0, or when every smoothed target is inside the simplex (α > 0), up to
 * the shift W_k· + c·1 that leaves softmax unchanged when λ = 0 (see `newton`).
 * Layout of `params`: W row-major (entry (j, c) at j·K + c), then b.
 *
 * `forward`, `predictProba` and `lossAndGradient` check that x has d columns
 * and that batch indices are integers in [0, N) (`E_SHAPE`, `E_RANGE`, named
 * as `softmaxRegression.forward` …).
 *
 * @param options - see {@link SoftmaxRegressionOptions}
 * @returns a {@link Model} with tensors `W` (d×K) and `b` (K)
 * @throws LslabError `E_OPTION` for missing options or an unknown key (in
 *   `options` or `options.loss`), `E_RANGE` for d < 1, K < 2, λ < 0 or α ∉ [0, 1]
 * @example
 * const m = softmaxRegression({ inputDim: 2, numClasses: 3, l2: 1e-2 });
 * m.predictProba(fromRows([[1, 2]])).data; // [1/3, 1/3, 1/3] at the zero start
 */
export function softmaxRegression(options: SoftmaxRegressionOptions): Model {
  const o = requiredOptions<SoftmaxRegressionOptions>(FN, options, KEYS);
  const d = checkInteger(FN, 'options.inputDim', o.inputDim, { min: 1 });
  const k = checkNumClasses(FN, o.numClasses, 'options.numClasses');
  checkInteger(FN, '(options.inputDim + 1) × options.numClasses', (d + 1) * k, {
    max: MAX_ELEMENTS,
  });
  const l2 = checkNonNegative(FN, 'options.l2', o.l2);
  const bias = checkFlag(FN, 'options.bias', o.bias, true);
  return new SoftmaxRegression(d, k, l2, bias, checkLossOptions(FN, o.loss, k, false));
}
