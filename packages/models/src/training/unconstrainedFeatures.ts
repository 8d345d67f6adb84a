import {
  createRng,
  MAX_ELEMENTS,
  type Matrix,
  type Rng,
  type SoftmaxCrossEntropyOptions,
} from '@lslab/core';
import { addTransposeProductRows, productRows } from '@lslab/core/kernels';
import { checkInteger, checkNumClasses, checkRng, checkSeed } from '@lslab/core/validate';
import { gatherLabels, gatherRows, sumSquares, transpose } from '../linalg/rows.js';
import { ModelBase } from '../model/base.js';
import { checkBatch, checkRows } from '../model/features.js';
import { checkLossOptions, coreSoftmaxOptions } from '../model/lossOptions.js';
import { checkFlag, checkNonNegative, requiredOptions } from '../model/options.js';
import { type LossBuffers, lossBuffers, softmaxLoss } from '../model/softmaxLoss.js';
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
  /** Label-smoothing options of the loss, `softmaxCrossEntropy` of `@lslab/core`. */
  loss?: LossOptions;
  /** Seed of the initialisation (default 0); ignored when `rng` is given. */
  seed?: number;
  /** Generator to draw the initial H and W from. */
  rng?: Rng;
}

interface Buffers extends LossBuffers {
  h: Float64Array;
  dh: Float64Array;
}

const FN = 'unconstrainedFeatures';

const KEYS = [
  'numSamples',
  'featureDim',
  'numClasses',
  'l2Features',
  'l2Weights',
  'bias',
  'loss',
  'seed',
  'rng',
] as const;

interface Shape {
  n: number;
  p: number;
  k: number;
  bias: boolean;
  lh: number;
  lw: number;
}

class UnconstrainedFeatures extends ModelBase<Buffers> {
  readonly kind = 'unconstrained-features' as const;
  readonly #n: number;
  readonly #p: number;
  readonly #lh: number;
  readonly #lw: number;
  readonly #core: SoftmaxCrossEntropyOptions<'mean'>;
  readonly #wt: Float64Array;

  constructor(shape: Shape, loss: LossOptions, rng: Rng) {
    const { n, p, k, bias } = shape;
    const views = (a: Float64Array): Record<string, Float64Array> => {
      const v: Record<string, Float64Array> = {
        H: a.subarray(0, n * p),
        W: a.subarray(n * p, n * p + p * k),
      };
      if (bias) v.b = a.subarray(n * p + p * k);
      return v;
    };
    super(k, n * p + p * k + (bias ? k : 0), views, ['W'], loss);
    this.#n = n;
    this.#p = p;
    this.#lh = shape.lh;
    this.#lw = shape.lw;
    this.#core = coreSoftmaxOptions(loss);
    this.#wt = new Float64Array(p * k);
    const { H, W } = this.tensors;
    for (let j = 0; j < H.length; j++) H[j] = rng.normal();
    const sd = 1 / Math.sqrt(p);
    for (let j = 0; j < W.length; j++) W[j] = sd * rng.normal();
  }

  protected makeBuffers(rows: number): Buffers {
    const p = this.#p;
    const k = this.numClasses;
    return {
      h: new Float64Array(rows * p),
      dh: new Float64Array(rows * p),
      ...lossBuffers(rows, k, this.#core),
    };
  }

  checkInput(fn: string, x: Features): void {
    checkRows(fn, x, this.#n, 'one row per sample');
  }

  forward(x: Features): Matrix {
    this.checkInput(`${FN}.forward`, x);
    const k = this.numClasses;
    const out = new Float64Array(this.#n * k);
    productRows(this.tensors.H, 0, this.#n, this.#p, this.tensors.W, k, this.tensors.b, out, 0);
    return { rows: this.#n, cols: k, data: out };
  }

  lossAndGradient(x: Features, y: ArrayLike<number>, batch?: ArrayLike<number>): number {
    const fn = `${FN}.lossAndGradient`;
    this.checkInput(fn, x);
    if (batch !== undefined) checkBatch(fn, batch, this.#n, y);
    const p = this.#p;
    const k = this.numClasses;
    const { H, W, b } = this.tensors;
    const { H: gH, W: gW, b: gb } = this.gradTensors;
    const rows = batch === undefined ? this.#n : batch.length;
    const buf = this.buffers.get(rows);
    let hs: Float64Array = H;
    let ys = y;
    if (batch !== undefined) {
      gatherRows(H, p, batch, buf.h);
      gatherLabels(y, batch, buf.y);
      hs = buf.h;
      ys = buf.y;
    }
    productRows(hs, 0, rows, p, W, k, b, buf.logits.data as Float64Array, 0);
    const r = softmaxLoss(fn, buf.logits, ys, buf.core);
    const g = r.grad.data as Float64Array;
    this.grad.fill(0);
    addTransposeProductRows(hs, 0, rows, p, g, 0, k, gW, gb);
    // ∂/∂h_i = G_i Wᵀ + (λ_H/rows)·h_i
    const dh = batch === undefined ? gH : buf.dh;
    transpose(W, p, k, this.#wt);
    productRows(g, 0, rows, k, this.#wt, p, undefined, dh, 0);
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
    return this.penalise(loss, this.#lw);
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
 * @throws LslabError `E_OPTION` for missing options, an unknown key (in
 *   `options` or `options.loss`) or an `rng` that is not one; `E_RANGE` for
 *   N, p < 1, K < 2, a negative penalty, a bad seed or α ∉ [0, 1]
 * @example
 * const m = unconstrainedFeatures({ numSamples: 30, featureDim: 4, numClasses: 3, seed: 2 });
 * m.tensors.H.length; // 120
 */
export function unconstrainedFeatures(options: UnconstrainedFeaturesOptions): Model {
  const o = requiredOptions<UnconstrainedFeaturesOptions>(FN, options, KEYS);
  const k = checkNumClasses(FN, o.numClasses, 'options.numClasses');
  const shape: Shape = {
    n: checkInteger(FN, 'options.numSamples', o.numSamples, { min: 1 }),
    p: checkInteger(FN, 'options.featureDim', o.featureDim, { min: 1 }),
    k,
    bias: checkFlag(FN, 'options.bias', o.bias, true),
    lh: checkNonNegative(FN, 'options.l2Features', o.l2Features),
    lw: checkNonNegative(FN, 'options.l2Weights', o.l2Weights),
  };
  checkInteger(
    FN,
    '(options.numSamples + options.numClasses) × (options.featureDim + 1)',
    (shape.n + k) * (shape.p + 1),
    { max: MAX_ELEMENTS },
  );
  const loss = checkLossOptions(FN, o.loss, k, false);
  const rng =
    o.rng === undefined
      ? createRng(checkSeed(FN, 'options.seed', o.seed ?? 0))
      : checkRng(FN, 'options.rng', o.rng);
  return new UnconstrainedFeatures(shape, loss, rng);
}
