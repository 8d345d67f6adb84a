import {
  MAX_ELEMENTS,
  type Matrix,
  type SigmoidCrossEntropyOptions,
  sigmoidCrossEntropy,
} from '@lslab/core';
import { checkInteger, checkLabels } from '@lslab/core/validate';
import type { CsrMatrix } from '../data/dataset.js';
import { kroneckerHessian } from '../linalg/kroneckerHessian.js';
import { sparseHessian } from '../linalg/sparseHessian.js';
import { ModelBase } from '../model/base.js';
import { checkBatch, checkColumns, checkFeatures, isCsr } from '../model/features.js';
import { binaryTargetMass, checkLossOptions, coreSigmoidOptions } from '../model/lossOptions.js';
import { checkFlag, checkNonNegative, requiredOptions } from '../model/options.js';
import { backward, linear } from './internal/binaryLinear.js';
import type { Features, LossOptions, Model } from './model.js';
/** Options of {@link logisticRegression}. */
export interface LogisticRegressionOptions {
  /** d, the number of features (an integer ≥ 1). */
  inputDim: number;
  /** λ ≥ 0 of the penalty (λ/2)‖w‖²; the bias is not penalised. Default 0. */
  l2?: number;
  /** Whether the model has a bias b ∈ ℝ. Default true (claim C5 uses false). */
  bias?: boolean;
  /** Smoothing options of the loss, `sigmoidCrossEntropy` of `@lslab/core` (`weight`/`weightMode` do not apply). */
  loss?: LossOptions;
}

interface Buffers {
  z: Float64Array;
  y: Int32Array;
}

const FN = 'logisticRegression';

const FN_KEYS = ['inputDim', 'l2', 'bias', 'loss'] as const;

class LogisticRegression extends ModelBase<Buffers> {
  readonly kind = 'logistic-regression' as const;
  readonly #d: number;
  readonly #l2: number;
  readonly #bias: boolean;
  readonly #core: SigmoidCrossEntropyOptions<'mean'>;

  constructor(d: number, l2: number, bias: boolean, loss: LossOptions) {
    const views = (a: Float64Array): Record<string, Float64Array> =>
      bias ? { W: a.subarray(0, d), b: a.subarray(d) } : { W: a.subarray(0, d) };
    super(2, bias ? d + 1 : d, views, ['W'], loss);
    this.#d = d;
    this.#core = coreSigmoidOptions(loss);
    this.#l2 = l2;
    this.#bias = bias;
  }

  protected makeBuffers(rows: number): Buffers {
    return { z: new Float64Array(rows), y: new Int32Array(rows) };
  }

  #b(): number {
    return this.#bias ? this.params[this.#d] : 0;
  }

  checkInput(fn: string, x: Features): void {
    checkColumns(fn, x, this.#d, 'inputDim');
  }

  forward(x: Features): Matrix {
    checkFeatures(`${FN}.forward`, x);
    this.checkInput(`${FN}.forward`, x);
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
    const fn = `${FN}.lossAndGradient`;
    checkFeatures(fn, x, false);
    this.checkInput(fn, x);
    if (batch !== undefined) checkBatch(fn, batch, x.rows, y);
    const n = batch === undefined ? x.rows : batch.length;
    const buf = this.buffers.get(n);
    let ys = y;
    if (batch !== undefined) {
      for (let r = 0; r < n; r++) buf.y[r] = y[batch[r]];
      ys = buf.y;
    }
    checkLabels(fn, 'y', ys, n, 2);
    const W = this.tensors.W;
    linear(x, W, this.#b(), batch, buf.z);
    const r = sigmoidCrossEntropy(buf.z, ys, this.#core);
    const loss = r.loss;
    this.grad.fill(0);
    const gW = this.gradTensors.W;
    backward(x, r.grad, batch, gW);
    if (this.#bias) {
      let s = 0;
      for (let i = 0; i < n; i++) s += r.grad[i];
      this.grad[this.#d] = s;
    }
    return this.penalise(loss, this.#l2);
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
 * @throws LslabError `E_OPTION` for missing options or an unknown key (in
 *   `options` or `options.loss`), `E_RANGE` for d < 1, λ < 0 or α ∉ [0, 1]
 * @example
 * const m = logisticRegression({ inputDim: 1 });
 * m.params.set([Math.log(9), 0]);
 * m.predictProba(fromRows([[1]])).data; // [0.1, 0.9]
 */
export function logisticRegression(options: LogisticRegressionOptions): Model {
  const o = requiredOptions<LogisticRegressionOptions>(FN, options, FN_KEYS);
  const d = checkInteger(FN, 'options.inputDim', o.inputDim, { min: 1, max: MAX_ELEMENTS - 1 });
  const l2 = checkNonNegative(FN, 'options.l2', o.l2);
  const bias = checkFlag(FN, 'options.bias', o.bias, true);
  return new LogisticRegression(d, l2, bias, checkLossOptions(FN, o.loss, 2, true));
}
