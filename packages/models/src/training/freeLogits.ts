import type { Matrix, SoftmaxCrossEntropyOptions } from '@lslab/core';
import { MAX_ELEMENTS } from '@lslab/core';
import { checkInteger, checkNumClasses } from '@lslab/core/validate';
import { gatherLabels, gatherRows } from '../linalg/rows.js';
import { ModelBase } from '../model/base.js';
import { checkBatch, checkRows } from '../model/features.js';
import { checkLossOptions, coreSoftmaxOptions } from '../model/lossOptions.js';
import { requiredOptions } from '../model/options.js';
import { type LossBuffers, lossBuffers, softmaxLoss } from '../model/softmaxLoss.js';
import type { Features, LossOptions, Model } from './model.js';
/** Options of {@link freeLogits}. */
export interface FreeLogitsOptions {
  /** N, the number of samples (an integer ≥ 1). */
  numSamples: number;
  /** K, the number of classes (an integer ≥ 2). */
  numClasses: number;
  /** Label-smoothing options of the loss, `softmaxCrossEntropy` of `@lslab/core`. */
  loss?: LossOptions;
}

const FN = 'freeLogits';

const KEYS = ['numSamples', 'numClasses', 'loss'] as const;

class FreeLogits extends ModelBase<LossBuffers> {
  readonly kind = 'free-logits' as const;
  readonly #n: number;
  readonly #core: SoftmaxCrossEntropyOptions<'mean'>;
  readonly #fullBatch: SoftmaxCrossEntropyOptions<'mean'>;
  readonly #all: Matrix;

  constructor(n: number, k: number, loss: LossOptions) {
    super(k, n * k, (a) => ({ Z: a }), ['Z'], loss);
    this.#n = n;
    this.#core = coreSoftmaxOptions(loss);
    this.#all = { rows: n, cols: k, data: this.params };
    this.#fullBatch = { ...this.#core, out: this.grad };
  }

  protected makeBuffers(rows: number): LossBuffers {
    return lossBuffers(rows, this.numClasses, this.#core);
  }

  checkInput(fn: string, x: Features): void {
    checkRows(fn, x, this.#n, 'one row per sample');
  }

  forward(x: Features): Matrix {
    this.checkInput(`${FN}.forward`, x);
    return { rows: this.#n, cols: this.numClasses, data: Float64Array.from(this.params) };
  }

  lossAndGradient(x: Features, y: ArrayLike<number>, batch?: ArrayLike<number>): number {
    const fn = `${FN}.lossAndGradient`;
    this.checkInput(fn, x);
    const k = this.numClasses;
    if (batch === undefined) {
      // the gradient of the full batch is the parameters' gradient: core writes it in place
      return softmaxLoss(fn, this.#all, y, this.#fullBatch).loss;
    }
    checkBatch(fn, batch, this.#n, y);
    const buf = this.buffers.get(batch.length);
    gatherRows(this.params, k, batch, buf.logits.data as Float64Array);
    gatherLabels(y, batch, buf.y);
    const r = softmaxLoss(fn, buf.logits, buf.y, buf.core);
    const g = r.grad.data as Float64Array;
    this.grad.fill(0);
    for (let b = 0; b < batch.length; b++) {
      const o = batch[b] * k;
      for (let c = 0; c < k; c++) this.grad[o + c] += g[b * k + c];
    }
    return r.loss;
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
 * @throws LslabError `E_OPTION` for missing options or an unknown key (in
 *   `options` or `options.loss`), `E_RANGE` for N < 1, K < 2 or α ∉ [0, 1]
 * @example
 * const m = freeLogits({ numSamples: 1, numClasses: 2, loss: { labelSmoothing: 0.2 } });
 * m.params.set([Math.log(0.9), Math.log(0.1)]);
 * m.lossAndGradient(matrix(1, 0), [0]); // H(0.9, 0.1) = 0.3250829733914482; m.grad ≈ [0, 0]
 */
export function freeLogits(options: FreeLogitsOptions): Model {
  const o = requiredOptions<FreeLogitsOptions>(FN, options, KEYS);
  const n = checkInteger(FN, 'options.numSamples', o.numSamples, { min: 1 });
  const k = checkNumClasses(FN, o.numClasses, 'options.numClasses');
  checkInteger(FN, 'options.numSamples × options.numClasses', n * k, { max: MAX_ELEMENTS });
  return new FreeLogits(n, k, checkLossOptions(FN, o.loss, k, false));
}
