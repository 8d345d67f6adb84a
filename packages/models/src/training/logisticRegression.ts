import { type Matrix, type SigmoidCrossEntropyOptions, sigmoidCrossEntropy } from '@lslab/core';
import type { CsrMatrix } from '../data/dataset.js';
import { backward, linear } from './internal/binaryLinear.js';
import { binaryTargetMass } from './internal/binaryTarget.js';
import { BufferCache } from './internal/buffers.js';
import { checkAnyFeatures, isCsr } from './internal/features.js';
import { kroneckerHessian } from './internal/kroneckerHessian.js';
import { sumSquares } from './internal/linalg.js';
import { sparseHessian } from './internal/sparseHessian.js';
import {
  checkColumns,
  checkInteger,
  checkLossOptions,
  checkNonNegative,
} from './internal/validate.js';
import type { Features, LossOptions, Model } from './model.js';

/** Options of {@link logisticRegression}. */
export interface LogisticRegressionOptions {
  /** d, the number of features (an integer ≥ 1). */
  inputDim: number;
  /** λ ≥ 0 of the penalty (λ/2)‖w‖²; the bias is not penalised. Default 0. */
  l2?: number;
  /** Whether the model has a bias b ∈ ℝ. Default true (claim C5 uses false). */
  bias?: boolean;
  /** Smoothing options forwarded to the sigmoid cross-entropy (`weight`/`weightMode` do not apply). */
  loss?: LossOptions;
}

interface Buffers {
  z: Float64Array;
  y: Int32Array;
}

const FN = 'logisticRegression';

class LogisticRegression implements Model {
  readonly kind = 'logistic-regression' as const;
  readonly numClasses = 2;
  readonly params: Float64Array;
  readonly grad: Float64Array;
  readonly tensors: Readonly<Record<string, Float64Array>>;
  readonly gradTensors: Readonly<Record<string, Float64Array>>;
  readonly loss: Readonly<LossOptions>;
  readonly #d: number;
  readonly #l2: number;
  readonly #bias: boolean;
  readonly #buffers: BufferCache<Buffers>;
  readonly #core: SigmoidCrossEntropyOptions<'mean'>;

  constructor(d: number, l2: number, bias: boolean, loss: LossOptions) {
    this.#d = d;
    this.#core = { reduction: 'mean' };
    if (loss.labelSmoothing !== undefined) this.#core.labelSmoothing = loss.labelSmoothing;
    if (loss.convention !== undefined) this.#core.convention = loss.convention;
    if (loss.posWeight !== undefined) this.#core.posWeight = loss.posWeight;
    this.#l2 = l2;
    this.#bias = bias;
    this.loss = loss;
    const size = bias ? d + 1 : d;
    this.params = new Float64Array(size);
    this.grad = new Float64Array(size);
    const views = (a: Float64Array): Record<string, Float64Array> =>
      bias ? { W: a.subarray(0, d), b: a.subarray(d) } : { W: a.subarray(0, d) };
    this.tensors = views(this.params);
    this.gradTensors = views(this.grad);
    this.#buffers = new BufferCache((rows) => ({
      z: new Float64Array(rows),
      y: new Int32Array(rows),
    }));
  }

  #b(): number {
    return this.#bias ? this.params[this.#d] : 0;
  }

  forward(x: Features): Matrix {
    checkAnyFeatures(`${FN}.forward`, x);
    checkColumns(`${FN}.forward`, x, this.#d, 'inputDim');
    const z = new Float64Array(x.rows);
    linear(x, this.tensors.W, this.#b(), undefined, z);
    return { rows: x.rows, cols: 1, data: z };
  }

  predictProba(x: Features): Matrix {
    const z = this.forward(x).data;
    const out = new Float64Array(2 * z.length);
    for (let i = 0; i < z.length; i++) {
      const e = Math.exp(-Math.abs(z[i]));
      const p = z[i] >= 0 ? 1 / (1 + e) : e / (1 + e);
      out[2 * i] = z[i] >= 0 ? e / (1 + e) : 1 / (1 + e);
      out[2 * i + 1] = p;
    }
    return { rows: z.length, cols: 2, data: out };
  }

  lossAndGradient(x: Features, y: ArrayLike<number>, batch?: ArrayLike<number>): number {
    const n = batch === undefined ? x.rows : batch.length;
    const buf = this.#buffers.get(n);
    let ys = y;
    if (batch !== undefined) {
      for (let r = 0; r < n; r++) buf.y[r] = y[batch[r]];
      ys = buf.y;
    }
    const W = this.tensors.W;
    linear(x, W, this.#b(), batch, buf.z);
    const r = sigmoidCrossEntropy(buf.z, ys, this.#core);
    let loss = r.loss;
    this.grad.fill(0);
    const gW = this.gradTensors.W;
    backward(x, r.grad, batch, gW);
    if (this.#bias) {
      let s = 0;
      for (let i = 0; i < n; i++) s += r.grad[i];
      this.grad[this.#d] = s;
    }
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

  hessian(x: Features, y: ArrayLike<number>, out: Float64Array): void {
    const n = x.rows;
    const z = new Float64Array(n);
    linear(x, this.tensors.W, this.#b(), undefined, z);
    const curv = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const s = 1 / (1 + Math.exp(-z[i]));
      curv[i] = (binaryTargetMass(y[i], this.loss) * s * (1 - s)) / n;
    }
    if (isCsr(x)) sparseHessian(x as CsrMatrix, this.#bias, curv, this.#l2, out);
    else kroneckerHessian(x.data, n, this.#d, this.#bias, 1, curv, this.#l2, out);
  }
}

/**
 * Binary logistic regression: z = x·w + b, p(y = 1 | x) = σ(z), trained on
 * the mean of `sigmoidCrossEntropy` from `@lslab/core` (targets smoothed by
 * t(1−α) + α/2, or t(1−2α) + α with `'others'`) plus (λ/2)‖w‖² (the bias is
 * not penalised). Labels are 0/1. Parameters start at zero. Accepts
 * dense features or sparse CSR features (`CsrMatrix`), whose products cost
 * O(non-zeros).
 *
 * Convex; strictly convex on the span of the data when λ > 0 or α > 0.
 * Layout of `params`: w (d), then b.
 *
 * @param options - see {@link LogisticRegressionOptions}
 * @returns a {@link Model} with tensors `W` (d) and `b` (1); `forward` gives N×1
 *   logits and `predictProba` N×2 columns [1 − p, p]
 * @throws LslabError `E_RANGE` for d < 1 or λ < 0
 * @example
 * const m = logisticRegression({ inputDim: 1 });
 * m.params.set([Math.log(9), 0]);
 * m.predictProba(fromRows([[1]])).data; // [0.1, 0.9]
 */
export function logisticRegression(options: LogisticRegressionOptions): Model {
  checkLossOptions(FN, options.loss ?? {}, true);
  checkInteger(FN, 'options.inputDim', options.inputDim, 1);
  const l2 = options.l2 ?? 0;
  checkNonNegative(FN, 'options.l2', l2);
  return new LogisticRegression(options.inputDim, l2, options.bias ?? true, {
    ...(options.loss ?? {}),
  });
}
