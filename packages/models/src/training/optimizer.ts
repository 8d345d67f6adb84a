/**
 * An update rule acting in place on a flat parameter vector. An optimiser is
 * stateful (momentum, moment estimates); `train` calls `reset` once before the
 * first step. Mini-batching is chosen by `train` (`batchSize`), not here.
 */
export interface Optimizer {
  /** The rule: `'gradient-descent'`, `'sgd'` (with momentum) or `'adam'`. */
  readonly name: 'gradient-descent' | 'sgd' | 'adam';
  /** Step size η > 0. */
  readonly learningRate: number;
  /** Clears the state and sizes it for `size` parameters (allocates once). */
  reset(size: number): void;
  /** One update of `params` from `grad`, in place; allocates nothing. */
  step(params: Float64Array, grad: Float64Array): void;
}
