import { createRng, type Matrix, type Rng, type SoftmaxCrossEntropyOptions } from '@lslab/core';
import { checkRng, checkSeed } from '@lslab/core/validate';
import { gatherLabels, gatherRows } from '../linalg/rows.js';
import { type Activation, countSaturated } from '../mlp/activation.js';
import { initialiseWeights } from '../mlp/init.js';
import { checkMlpOptions } from '../mlp/options.js';
import {
  backwardSweep,
  forwardSweep,
  type MlpLayers,
  type MlpScratch,
  mlpScratch,
} from '../mlp/pass.js';
import { ModelBase } from '../model/base.js';
import { checkBatch, checkColumns, checkFeatures, dense } from '../model/features.js';
import { coreSoftmaxOptions } from '../model/lossOptions.js';
import { softmaxLoss } from '../model/softmaxLoss.js';
import type { Features, LossOptions, Model } from './model.js';

export type { Activation } from '../mlp/activation.js';
/** Options of {@link mlp}. */
export interface MlpOptions {
  /** d, the number of features (an integer ≥ 1). */
  inputDim: number;
  /** Widths of the 1 or 2 hidden layers, each an integer ≥ 1. */
  hidden: readonly number[];
  /** K, the number of classes (an integer ≥ 2). */
  numClasses: number;
  /** Hidden nonlinearity: `'tanh'` (default), `'relu'` or `'sigmoid'`. */
  activation?: Activation;
  /** λ ≥ 0 of (λ/2)·Σ_l ‖W_l‖²_F over every weight matrix; biases are not penalised. Default 0. */
  l2?: number;
  /** Label-smoothing options of the loss, `softmaxCrossEntropy` of `@lslab/core`. */
  loss?: LossOptions;
  /** Seed of the initialisation (default 0); ignored when `rng` is given. */
  seed?: number;
  /** Generator to draw the initial weights from (advanced by the draws). */
  rng?: Rng;
}

interface Buffers extends MlpScratch {
  /** Gathered mini-batch rows. */
  x: Float64Array;
  y: Int32Array;
  logits: Matrix;
  /** The core loss options with `out`: the logit gradient is written here. */
  core: SoftmaxCrossEntropyOptions<'mean'>;
}

const FN = 'mlp';

class Mlp extends ModelBase<Buffers> {
  readonly kind = 'mlp' as const;
  readonly #sizes: number[];
  readonly #act: Activation;
  readonly #l2: number;
  readonly #layers: MlpLayers;
  readonly #core: SoftmaxCrossEntropyOptions<'mean'>;

  constructor(sizes: number[], act: Activation, l2: number, loss: LossOptions, rng: Rng) {
    const layers = sizes.length - 1;
    let size = 0;
    for (let l = 0; l < layers; l++) size += (sizes[l] + 1) * sizes[l + 1];
    const views = (a: Float64Array): Record<string, Float64Array> => {
      const v: Record<string, Float64Array> = {};
      let o = 0;
      for (let l = 0; l < layers; l++) {
        const nw = sizes[l] * sizes[l + 1];
        const nb = sizes[l + 1];
        v[`W${l + 1}`] = a.subarray(o, o + nw);
        v[`b${l + 1}`] = a.subarray(o + nw, o + nw + nb);
        o += nw + nb;
      }
      return v;
    };
    const names = Array.from({ length: layers }, (_, l) => `W${l + 1}`);
    super(sizes[layers], size, views, names, loss);
    this.#sizes = sizes;
    this.#act = act;
    this.#l2 = l2;
    this.#core = coreSoftmaxOptions(loss);
    const t = this.tensors;
    const g = this.gradTensors;
    const W = names.map((n) => t[n]);
    initialiseWeights(W, sizes, act, rng);
    this.#layers = {
      sizes,
      act,
      W,
      b: names.map((_, l) => t[`b${l + 1}`]),
      gW: names.map((n) => g[n]),
      gb: names.map((_, l) => g[`b${l + 1}`]),
      Wt: W.map((w) => new Float64Array(w.length)),
    };
  }

  protected makeBuffers(rows: number): Buffers {
    const k = this.numClasses;
    return {
      ...mlpScratch(this.#sizes, rows),
      x: new Float64Array(rows * this.#sizes[0]),
      y: new Int32Array(rows),
      logits: { rows, cols: k, data: new Float64Array(rows * k) },
      core: { ...this.#core, out: new Float64Array(rows * k) },
    };
  }

  /** Forward pass of n rows of `xs` into the buffers. */
  #run(xs: Float64Array | Float32Array, n: number, buf: Buffers): void {
    forwardSweep(this.#layers, xs, n, buf, buf.logits.data as Float64Array);
  }

  checkInput(fn: string, x: Features): void {
    checkColumns(fn, dense(fn, x), this.#sizes[0], 'inputDim');
  }

  #dense(fn: string, features: Features): Matrix {
    const x = dense(fn, features);
    checkFeatures(fn, x);
    this.checkInput(fn, x);
    return x;
  }

  forward(features: Features): Matrix {
    const x = this.#dense(`${FN}.forward`, features);
    const buf = this.buffers.get(x.rows);
    this.#run(x.data, x.rows, buf);
    return { rows: x.rows, cols: this.numClasses, data: Float64Array.from(buf.logits.data) };
  }

  lossAndGradient(features: Features, y: ArrayLike<number>, batch?: ArrayLike<number>): number {
    const fn = `${FN}.lossAndGradient`;
    const x = dense(fn, features);
    this.checkInput(fn, x);
    if (batch !== undefined) checkBatch(fn, batch, x.rows, y);
    const n = batch === undefined ? x.rows : batch.length;
    const buf = this.buffers.get(n);
    let xs: Float64Array | Float32Array;
    let ys = y;
    if (batch === undefined) xs = x.data;
    else {
      gatherRows(x.data, this.#sizes[0], batch, buf.x);
      gatherLabels(y, batch, buf.y);
      xs = buf.x;
      ys = buf.y;
    }
    this.#run(xs, n, buf);
    const r = softmaxLoss(fn, buf.logits, ys, buf.core);
    this.grad.fill(0);
    backwardSweep(this.#layers, xs, n, buf, r.grad.data as Float64Array);
    return this.penalise(r.loss, this.#l2);
  }

  saturation(features: Features): number {
    const x = this.#dense(`${FN}.saturation`, features);
    const buf = this.buffers.get(x.rows);
    this.#run(x.data, x.rows, buf);
    let count = 0;
    let total = 0;
    for (let l = 0; l < buf.act.length; l++) {
      const [c, t] = countSaturated(this.#act, buf.act[l], x.rows, this.#sizes[l + 1]);
      count += c;
      total += t;
    }
    return count / total;
  }
}

/**
 * A multilayer perceptron with one or two hidden layers: h₁ = f(xW₁ + b₁),
 * [h₂ = f(h₁W₂ + b₂)], logits z = h_L W_out + b_out, trained on the mean of
 * `softmaxCrossEntropy` from `@lslab/core` plus (λ/2)Σ‖W_l‖²_F.
 *
 * Initialisation (seeded, layer by layer, row-major): hidden layers with tanh
 * or sigmoid and the output layer draw W ~ U(−a, a), a = √(6/(fan_in + fan_out))
 * (Glorot); ReLU hidden layers draw W ~ N(0, 2/fan_in) (He); biases are 0.
 *
 * tanh is evaluated from a reduced expm1 polynomial, tanh x = t/(t + 2) with
 * t = e^{2x} − 1, within 3 ulps of the correctly rounded value (measured),
 * rather than with `Math.tanh`, whose call per unit dominated a step.
 *
 * Saturation (`model.saturation(x)`): the share of (sample, hidden unit) pairs
 * with |tanh| > 0.99 or σ ∉ [0.01, 0.99]; for ReLU, the share of hidden units
 * that are dead (output 0 on every row of x). These are the units whose local
 * derivative is (nearly) zero, so they stop learning.
 *
 * Tensors `W1, b1, …`: W_l is fan_in×fan_out row-major, the last pair is the
 * output layer.
 *
 * @param options - see {@link MlpOptions}
 * @returns a {@link Model}
 * @throws LslabError `E_RANGE` for a width < 1, d < 1, K < 2, λ < 0, α ∉ [0, 1],
 *   a bad seed or a hidden-layer count other than 1 or 2; `E_OPTION` for
 *   missing options, an unknown key (in `options` or `options.loss`), an
 *   unknown activation or an `rng` that is not one
 * @example
 * const net = mlp({ inputDim: 20, hidden: [64], numClasses: 5, activation: 'relu', seed: 1 });
 * net.tensors.W1.length; // 1280 (20 × 64)
 */
export function mlp(options: MlpOptions): Model {
  const o = checkMlpOptions(options);
  const rng =
    o.rng === undefined
      ? createRng(checkSeed(FN, 'options.seed', o.seed ?? 0))
      : checkRng(FN, 'options.rng', o.rng);
  return new Mlp(o.sizes, o.act, o.l2, o.loss, rng);
}
