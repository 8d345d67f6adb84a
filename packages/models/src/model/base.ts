import { type Matrix, softmax } from '@lslab/core';
import { sumSquares } from '../linalg/rows.js';
import type { Features, LossOptions, Model, ModelKind } from '../training/model.js';
import { BufferCache } from './bufferCache.js';

/**
 * @internal The opening every model shares: one parameter vector and one
 * gradient vector of the same layout with named views into both, the loss
 * options, per-batch-size buffers, and the L2 penalty on the weight tensors
 * (biases and features excluded), which is also what `weightNorm` measures.
 */
export abstract class ModelBase<B> implements Model {
  abstract readonly kind: ModelKind;
  readonly numClasses: number;
  readonly params: Float64Array;
  readonly grad: Float64Array;
  readonly tensors: Readonly<Record<string, Float64Array>>;
  readonly gradTensors: Readonly<Record<string, Float64Array>>;
  readonly loss: Readonly<LossOptions>;
  /** Buffers for a batch of `rows` rows, made by {@link ModelBase.makeBuffers} on first use. */
  protected readonly buffers: BufferCache<B>;
  /** Names of the penalised weight tensors, in `tensors` and `gradTensors`. */
  readonly #weights: readonly string[];

  /**
   * @param numClasses - K
   * @param size - the number of parameters
   * @param layout - named views of a parameter-sized array
   * @param weights - the names of the weight tensors (penalised, measured by `weightNorm`)
   * @param loss - the checked loss options
   */
  constructor(
    numClasses: number,
    size: number,
    layout: (a: Float64Array) => Record<string, Float64Array>,
    weights: readonly string[],
    loss: LossOptions,
  ) {
    this.numClasses = numClasses;
    this.params = new Float64Array(size);
    this.grad = new Float64Array(size);
    this.tensors = layout(this.params);
    this.gradTensors = layout(this.grad);
    this.#weights = weights;
    this.loss = loss;
    this.buffers = new BufferCache((rows) => this.makeBuffers(rows));
  }

  /** Scratch for one batch size. */
  protected abstract makeBuffers(rows: number): B;

  abstract forward(x: Features): Matrix;

  abstract checkInput(fn: string, x: Features): void;

  abstract lossAndGradient(x: Features, y: ArrayLike<number>, batch?: ArrayLike<number>): number;

  predictProba(x: Features): Matrix {
    return softmax(this.forward(x));
  }

  /**
   * Adds the penalty (λ/2)‖W‖²_F of each weight tensor in turn to `objective`
   * and λ·W to its gradient; returns the new objective (unchanged for λ = 0).
   */
  protected penalise(objective: number, l2: number): number {
    if (!(l2 > 0)) return objective;
    let f = objective;
    for (const name of this.#weights) {
      const W = this.tensors[name];
      const gW = this.gradTensors[name];
      f += 0.5 * l2 * sumSquares(W);
      for (let j = 0; j < W.length; j++) gW[j] += l2 * W[j];
    }
    return f;
  }

  weightNorm(): number {
    let s = 0;
    for (const name of this.#weights) s += sumSquares(this.tensors[name]);
    return Math.sqrt(s);
  }
}
