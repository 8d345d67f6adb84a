import { type Matrix, type SoftmaxCrossEntropyOptions, softmax } from '@lslab/core';
import { BufferCache, gatherLabels } from './internal/buffers.js';
import { dense } from './internal/features.js';
import { kroneckerHessian } from './internal/kroneckerHessian.js';
import {
  addColumnSums,
  addTransposeProduct,
  gatherRows,
  matmul,
  sumSquares,
} from './internal/linalg.js';
import { coreSoftmaxOptions, rowCurvature, softmaxLoss } from './internal/softmaxLoss.js';
import {
  checkColumns,
  checkFeatures,
  checkInteger,
  checkLossOptions,
  checkNonNegative,
} from './internal/validate.js';
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
  /** Label-smoothing options forwarded to `softmaxCrossEntropy`. */
  loss?: LossOptions;
}

interface Buffers {
  x: Float64Array;
  y: Int32Array;
  logits: Matrix;
  /** The core loss options with `out`: the logit gradient is written here. */
  core: SoftmaxCrossEntropyOptions<'mean'>;
}

const FN = 'softmaxRegression';

class SoftmaxRegression implements Model {
  readonly kind = 'softmax-regression' as const;
  readonly numClasses: number;
  readonly params: Float64Array;
  readonly grad: Float64Array;
  readonly tensors: Readonly<Record<string, Float64Array>>;
  readonly gradTensors: Readonly<Record<string, Float64Array>>;
  readonly loss: Readonly<LossOptions>;
  readonly #d: number;
  readonly #l2: number;
  readonly #bias: boolean;
  readonly #core: SoftmaxCrossEntropyOptions<'mean'>;
  readonly #buffers: BufferCache<Buffers>;

  constructor(d: number, k: number, l2: number, bias: boolean, loss: LossOptions) {
    this.#d = d;
    this.#l2 = l2;
    this.#bias = bias;
    this.numClasses = k;
    this.loss = loss;
    this.#core = coreSoftmaxOptions(loss);
    const size = (bias ? d + 1 : d) * k;
    this.params = new Float64Array(size);
    this.grad = new Float64Array(size);
    const views = (a: Float64Array): Record<string, Float64Array> =>
      bias ? { W: a.subarray(0, d * k), b: a.subarray(d * k) } : { W: a.subarray(0, d * k) };
    this.tensors = views(this.params);
    this.gradTensors = views(this.grad);
    this.#buffers = new BufferCache((rows) => ({
      x: new Float64Array(rows * d),
      y: new Int32Array(rows),
      logits: { rows, cols: k, data: new Float64Array(rows * k) },
      core: { ...this.#core, out: new Float64Array(rows * k) },
    }));
  }

  forward(features: Features): Matrix {
    const x = dense(`${FN}.forward`, features);
    checkFeatures(`${FN}.forward`, x);
    checkColumns(`${FN}.forward`, x, this.#d, 'inputDim');
    const k = this.numClasses;
    const out = new Float64Array(x.rows * k);
    matmul(x.data, x.rows, this.#d, this.tensors.W, k, out, this.tensors.b);
    return { rows: x.rows, cols: k, data: out };
  }

  predictProba(x: Features): Matrix {
    return softmax(this.forward(x));
  }

  lossAndGradient(features: Features, y: ArrayLike<number>, batch?: ArrayLike<number>): number {
    const x = dense(FN, features);
    const d = this.#d;
    const k = this.numClasses;
    const rows = batch === undefined ? x.rows : batch.length;
    const buf = this.#buffers.get(rows);
    let xs: ArrayLike<number> = x.data;
    let ys = y;
    if (batch !== undefined) {
      gatherRows(x.data, d, batch, buf.x);
      gatherLabels(y, batch, buf.y);
      xs = buf.x;
      ys = buf.y;
    }
    const { W, b } = this.tensors;
    matmul(xs, rows, d, W, k, buf.logits.data as Float64Array, b);
    const r = softmaxLoss(buf.logits, ys, buf.core);
    const g = r.grad.data as Float64Array;
    this.grad.fill(0);
    const gW = this.gradTensors.W;
    addTransposeProduct(xs, rows, d, g, k, gW);
    if (this.#bias) addColumnSums(g, rows, k, this.gradTensors.b);
    let loss = r.loss;
    const l2 = this.#l2;
    if (l2 > 0) {
      loss += 0.5 * l2 * sumSquares(W);
      for (let j = 0; j < W.length; j++) gW[j] += l2 * W[j];
    }
    return loss;
  }

  weightNorm(): number {
    return Math.sqrt(sumSquares(this.tensors.W));
  }

  hessian(features: Features, y: ArrayLike<number>, out: Float64Array): void {
    const x = dense(FN, features);
    const n = x.rows;
    const k = this.numClasses;
    const p = softmax(this.forward(x)).data;
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
 * @param options - see {@link SoftmaxRegressionOptions}
 * @returns a {@link Model} with tensors `W` (d×K) and `b` (K)
 * @throws LslabError `E_RANGE` for d < 1, K < 2 or λ < 0
 * @example
 * const m = softmaxRegression({ inputDim: 2, numClasses: 3, l2: 1e-2 });
 * m.predictProba(fromRows([[1, 2]])).data; // [1/3, 1/3, 1/3] at the zero start
 */
export function softmaxRegression(options: SoftmaxRegressionOptions): Model {
  checkLossOptions(FN, options.loss ?? {}, false);
  checkInteger(FN, 'options.inputDim', options.inputDim, 1);
  checkInteger(FN, 'options.numClasses', options.numClasses, 2);
  const l2 = options.l2 ?? 0;
  checkNonNegative(FN, 'options.l2', l2);
  return new SoftmaxRegression(options.inputDim, options.numClasses, l2, options.bias ?? true, {
    ...(options.loss ?? {}),
  });
}
