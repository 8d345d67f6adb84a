import {
  createRng,
  type Matrix,
  type Rng,
  type SoftmaxCrossEntropyOptions,
  softmax,
} from '@lslab/core';
import { BufferCache, gatherLabels } from './internal/buffers.js';
import {
  addColumnSums,
  addTransposeProduct,
  gatherRows,
  matmul,
  sumSquares,
  transpose,
} from './internal/linalg.js';
import { coreSoftmaxOptions, softmaxLoss } from './internal/softmaxLoss.js';
import {
  checkInteger,
  checkLossOptions,
  checkNonNegative,
  checkRows,
} from './internal/validate.js';
import type { Features, LossOptions, Model } from './model.js';

/** Options of {@link unconstrainedFeatures}. */
export interface UnconstrainedFeaturesOptions {
  /** N, the number of samples (an integer ≥ 1). */
  numSamples: number;
  /** p, the feature dimension (an integer ≥ 1). */
  featureDim: number;
  /** K, the number of classes (an integer ≥ 2). */
  numClasses: number;
  /** λ_H ≥ 0: penalty (λ_H/2)·mean_i ‖h_i‖² on the features. Default 0. */
  l2Features?: number;
  /** λ_W ≥ 0: penalty (λ_W/2)‖W‖²_F on the classifier (bias not penalised). Default 0. */
  l2Weights?: number;
  /** Whether the classifier has a bias b ∈ ℝ^K. Default true. */
  bias?: boolean;
  /** Label-smoothing options forwarded to `softmaxCrossEntropy`. */
  loss?: LossOptions;
  /** Seed of the initialisation (default 0); ignored when `rng` is given. */
  seed?: number;
  /** Generator to draw the initial H and W from. */
  rng?: Rng;
}

interface Buffers {
  h: Float64Array;
  dh: Float64Array;
  y: Int32Array;
  logits: Matrix;
  /** The core loss options with `out`: the logit gradient is written here. */
  core: SoftmaxCrossEntropyOptions<'mean'>;
}

const FN = 'unconstrainedFeatures';

class UnconstrainedFeatures implements Model {
  readonly kind = 'unconstrained-features' as const;
  readonly numClasses: number;
  readonly params: Float64Array;
  readonly grad: Float64Array;
  readonly tensors: Readonly<Record<string, Float64Array>>;
  readonly gradTensors: Readonly<Record<string, Float64Array>>;
  readonly loss: Readonly<LossOptions>;
  readonly #n: number;
  readonly #p: number;
  readonly #lh: number;
  readonly #lw: number;
  readonly #core: SoftmaxCrossEntropyOptions<'mean'>;
  readonly #buffers: BufferCache<Buffers>;
  readonly #wt: Float64Array;

  constructor(o: UnconstrainedFeaturesOptions, rng: Rng) {
    const n = o.numSamples;
    const p = o.featureDim;
    const k = o.numClasses;
    const bias = o.bias ?? true;
    this.#n = n;
    this.#p = p;
    this.#lh = o.l2Features ?? 0;
    this.#lw = o.l2Weights ?? 0;
    this.numClasses = k;
    this.loss = { ...(o.loss ?? {}) };
    this.#core = coreSoftmaxOptions(this.loss);
    const size = n * p + p * k + (bias ? k : 0);
    this.params = new Float64Array(size);
    this.grad = new Float64Array(size);
    const views = (a: Float64Array): Record<string, Float64Array> => {
      const v: Record<string, Float64Array> = {
        H: a.subarray(0, n * p),
        W: a.subarray(n * p, n * p + p * k),
      };
      if (bias) v.b = a.subarray(n * p + p * k);
      return v;
    };
    this.tensors = views(this.params);
    this.gradTensors = views(this.grad);
    this.#wt = new Float64Array(p * k);
    const { H, W } = this.tensors;
    for (let j = 0; j < H.length; j++) H[j] = rng.normal();
    const sd = 1 / Math.sqrt(p);
    for (let j = 0; j < W.length; j++) W[j] = sd * rng.normal();
    this.#buffers = new BufferCache((rows) => ({
      h: new Float64Array(rows * p),
      dh: new Float64Array(rows * p),
      y: new Int32Array(rows),
      logits: { rows, cols: k, data: new Float64Array(rows * k) },
      core: { ...this.#core, out: new Float64Array(rows * k) },
    }));
  }

  forward(x: Features): Matrix {
    checkRows(`${FN}.forward`, x, this.#n, 'one row per sample');
    const k = this.numClasses;
    const out = new Float64Array(this.#n * k);
    matmul(this.tensors.H, this.#n, this.#p, this.tensors.W, k, out, this.tensors.b);
    return { rows: this.#n, cols: k, data: out };
  }

  predictProba(x: Features): Matrix {
    return softmax(this.forward(x));
  }

  lossAndGradient(_x: Features, y: ArrayLike<number>, batch?: ArrayLike<number>): number {
    const p = this.#p;
    const k = this.numClasses;
    const { H, W, b } = this.tensors;
    const { H: gH, W: gW, b: gb } = this.gradTensors;
    const rows = batch === undefined ? this.#n : batch.length;
    const buf = this.#buffers.get(rows);
    let hs: Float64Array = H;
    let ys = y;
    if (batch !== undefined) {
      gatherRows(H, p, batch, buf.h);
      gatherLabels(y, batch, buf.y);
      hs = buf.h;
      ys = buf.y;
    }
    matmul(hs, rows, p, W, k, buf.logits.data as Float64Array, b);
    const r = softmaxLoss(buf.logits, ys, buf.core);
    const g = r.grad.data as Float64Array;
    this.grad.fill(0);
    addTransposeProduct(hs, rows, p, g, k, gW);
    if (gb !== undefined) addColumnSums(g, rows, k, gb);
    // ∂/∂h_i = G_i Wᵀ + (λ_H/rows)·h_i
    const dh = batch === undefined ? gH : buf.dh;
    transpose(W, p, k, this.#wt);
    matmul(g, rows, k, this.#wt, p, dh);
    const lh = this.#lh;
    let loss = r.loss;
    if (lh > 0) {
      const c = lh / rows;
      for (let j = 0; j < rows * p; j++) dh[j] += c * hs[j];
      loss += 0.5 * c * sumSquares(hs, 0, rows * p);
    }
    if (batch !== undefined) {
      for (let r2 = 0; r2 < rows; r2++) {
        const o = batch[r2] * p;
        for (let j = 0; j < p; j++) gH[o + j] += dh[r2 * p + j];
      }
    }
    const lw = this.#lw;
    if (lw > 0) {
      loss += 0.5 * lw * sumSquares(W);
      for (let j = 0; j < W.length; j++) gW[j] += lw * W[j];
    }
    return loss;
  }

  weightNorm(): number {
    return Math.sqrt(sumSquares(this.tensors.W));
  }
}

/**
 * The unconstrained-features model: each sample i has a free feature vector
 * h_i ∈ ℝ^p (H, N×p) and a shared linear classifier z_i = h_i W + b
 * (W ∈ ℝ^{p×K}); both are trained on the mean `softmaxCrossEntropy` of
 * `@lslab/core` plus (λ_H/2)·(1/N)Σ_i‖h_i‖² + (λ_W/2)‖W‖²_F. The feature
 * penalty is a per-sample mean so that a mini-batch objective is an unbiased
 * estimate of the full one.
 *
 * Initialisation (seeded): H ~ N(0, 1) entrywise, W ~ N(0, 1/p), b = 0.
 * Row i of the `x` passed to the model stands for sample i; its values are not read.
 *
 * @param options - see {@link UnconstrainedFeaturesOptions}
 * @returns a {@link Model} with tensors `H` (N×p), `W` (p×K) and `b` (K)
 * @throws LslabError `E_RANGE` for N, p < 1, K < 2 or a negative penalty
 * @example
 * const m = unconstrainedFeatures({ numSamples: 30, featureDim: 4, numClasses: 3, seed: 2 });
 * m.tensors.H.length; // 120
 */
export function unconstrainedFeatures(options: UnconstrainedFeaturesOptions): Model {
  checkLossOptions(FN, options.loss ?? {}, false);
  checkInteger(FN, 'options.numSamples', options.numSamples, 1);
  checkInteger(FN, 'options.featureDim', options.featureDim, 1);
  checkInteger(FN, 'options.numClasses', options.numClasses, 2);
  checkNonNegative(FN, 'options.l2Features', options.l2Features ?? 0);
  checkNonNegative(FN, 'options.l2Weights', options.l2Weights ?? 0);
  return new UnconstrainedFeatures(options, options.rng ?? createRng(options.seed ?? 0));
}
