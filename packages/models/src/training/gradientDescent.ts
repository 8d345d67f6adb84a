import { checkPositive } from '@lslab/core/validate';
import { requiredOptions } from '../model/options.js';
import type { Optimizer } from './optimizer.js';

/**
 * Plain gradient descent, θ ← θ − η·∇. With `train` and no `batchSize` this is
 * full-batch gradient descent; with a `batchSize` it is plain SGD.
 *
 * @param options.learningRate - η > 0
 * @returns an {@link Optimizer}
 * @throws LslabError `E_RANGE` for η ≤ 0, `E_NOT_FINITE` for a non-finite η,
 *   `E_OPTION` for missing options or an unknown key
 * @example
 * const opt = gradientDescent({ learningRate: 0.5 });
 * const p = Float64Array.of(1);
 * opt.reset(1);
 * opt.step(p, Float64Array.of(2)); // p = [0]
 */
export function gradientDescent(options: { learningRate: number }): Optimizer {
  const fn = 'gradientDescent';
  const o = requiredOptions<{ learningRate: number }>(fn, options, ['learningRate']);
  const lr = checkPositive(fn, 'options.learningRate', o.learningRate);
  return {
    name: 'gradient-descent',
    learningRate: lr,
    reset() {},
    step(params, grad) {
      for (let j = 0; j < params.length; j++) params[j] -= lr * grad[j];
    },
  };
}
