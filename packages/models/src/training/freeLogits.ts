import { type Matrix, type SoftmaxCrossEntropyOptions, softmax } from '@lslab/core';
import { BufferCache, gatherLabels } from './internal/buffers.js';
import { gatherRows, sumSquares } from './internal/linalg.js';
import { coreSoftmaxOptions, softmaxLoss } from './internal/softmaxLoss.js';
import { checkInteger, checkLossOptions, checkRows } from './internal/validate.js';
import type { Features, LossOptions, Model } from './model.js';

/** Options of {@link freeLogits}. */
export interface FreeLogitsOptions {
  /** N, the number of samples (an integer ≥ 1). */
  numSamples: number;
  /** K, the number of classes (an integer ≥ 2). */
  numClasses: number;
  /** Label-smoothing options forwarded to `softmaxCrossEntropy`. */
  loss?: LossOptions;
}

interface Buffers {
  y: Int32Array;
  logits: Matrix;
  /** The core loss options with `out`: the logit gradient is written here. */
  core: SoftmaxCrossEntropyOptions<'mean'>;
}

const FN = 'freeLogits';

class FreeLogits implements Model {
  readonly kind = 'free-logits' as const;
  readonly numClasses: number;
  readonly params: Float64Array;
  readonly grad: Float64Array;
  readonly tensors: Readonly<Record<string, Float64Array>>;
  readonly gradTensors: Readonly<Record<string, Float64Array>>;
  readonly loss: Readonly<LossOptions>;
  readonly #n: number;
  readonly #core: SoftmaxCrossEntropyOptions<'mean'>;
  readonly #fullBatch: SoftmaxCrossEntropyOptions<'mean'>;
  readonly #all: Matrix;
  readonly #buffers: BufferCache<Buffers>;

  constructor(n: number, k: number, loss: LossOptions) {
    this.#n = n;
    this.numClasses = k;
    this.loss = loss;
    this.#core = coreSoftmaxOptions(loss);
    this.params = new Float64Array(n * k);
    this.grad = new Float64Array(n * k);
    this.tensors = { Z: this.params };
    this.gradTensors = { Z: this.grad };
    this.#all = { rows: n, cols: k, data: this.params };
    this.#fullBatch = { ...this.#core, out: this.grad };
    this.#buffers = new BufferCache((rows) => ({
      y: new Int32Array(rows),
      logits: { rows, cols: k, data: new Float64Array(rows * k) },
      core: { ...this.#core, out: new Float64Array(rows * k) },
    }));
  }

  forward(x: Features): Matrix {
    checkRows(`${FN}.forward`, x, this.#n, 'one row per sample');
    return { rows: this.#n, cols: this.numClasses, data: Float64Array.from(this.params) };
  }

  predictProba(x: Features): Matrix {
    return softmax(this.forward(x));
  }

  lossAndGradient(_x: Features, y: ArrayLike<number>, batch?: ArrayLike<number>): number {
    const k = this.numClasses;
    if (batch === undefined) {
      // the gradient of the full batch is the parameters' gradient: core writes it in place
      return softmaxLoss(this.#all, y, this.#fullBatch).loss;
    }
    const buf = this.#buffers.get(batch.length);
    gatherRows(this.params, k, batch, buf.logits.data as Float64Array);
    gatherLabels(y, batch, buf.y);
    const r = softmaxLoss(buf.logits, buf.y, buf.core);
    const g = r.grad.data as Float64Array;
    this.grad.fill(0);
    for (let b = 0; b < batch.length; b++) {
      const o = batch[b] * k;
      for (let c = 0; c < k; c++) this.grad[o + c] += g[b * k + c];
    }
    return r.loss;
  }

  weightNorm(): number {
    return Math.sqrt(sumSquares(this.params));
  }
}

/**
 * Free logits: one logit vector z_i ∈ ℝ^K per training sample, and the
 * parameters are the logits themselves (Z, N×K, starting at 0). The
 * objective is the mean `softmaxCrossEntropy` of `@lslab/core`; it separates
 * over samples, so with every smoothed q_k > 0 its minimiser is
 * z_i = log q_i + c (claim C3), and with hard labels it has none.
 *
 * Row i of the `x` passed to the model stands for sample i; its values are
 * not read (pass the data set's x or `matrix(N, 0)`).
 *
 * @param options - see {@link FreeLogitsOptions}
 * @returns a {@link Model} with the tensor `Z`
 * @throws LslabError `E_RANGE` for N < 1 or K < 2
 * @example
 * const m = freeLogits({ numSamples: 1, numClasses: 2, loss: { labelSmoothing: 0.2 } });
 * m.params.set([Math.log(0.9), Math.log(0.1)]);
 * m.lossAndGradient(matrix(1, 0), [0]); // H(0.9, 0.1) = 0.3250829733914482; m.grad ≈ [0, 0]
 */
export function freeLogits(options: FreeLogitsOptions): Model {
  checkLossOptions(FN, options.loss ?? {}, false);
  checkInteger(FN, 'options.numSamples', options.numSamples, 1);
  checkInteger(FN, 'options.numClasses', options.numClasses, 2);
  return new FreeLogits(options.numSamples, options.numClasses, { ...(options.loss ?? {}) });
}
