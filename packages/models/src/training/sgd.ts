import { checkPositive } from '@lslab/core/validate';
import { checkHalfOpen, requiredOptions } from '../model/options.js';
import type { Optimizer } from './optimizer.js';

/** Options of {@link sgd}. */
export interface SgdOptions {
  /** η > 0. */
  learningRate: number;
  /** μ ∈ [0, 1), default 0.9. */
  momentum?: number;
}

/**
 * Stochastic gradient descent with heavy-ball momentum, in PyTorch's form
 * (no dampening): v ← μ·v + ∇, θ ← θ − η·v, with v = 0 at the start. Pair it
 * with `train(…, { batchSize, seed })` for seeded mini-batches (a fresh
 * permutation of the rows every epoch).
 *
 * @param options - see {@link SgdOptions}
 * @returns an {@link Optimizer}
 * @throws LslabError `E_RANGE` for η ≤ 0 or μ ∉ [0, 1), `E_OPTION` for
 *   missing options or an unknown key
 * @example
 * const opt = sgd({ learningRate: 1, momentum: 0.5 });
 * const p = Float64Array.of(0);
 * opt.reset(1);
 * opt.step(p, Float64Array.of(1)); // v = 1,   p = [-1]
 * opt.step(p, Float64Array.of(1)); // v = 1.5, p = [-2.5]
 */
export function sgd(options: SgdOptions): Optimizer {
  const o = requiredOptions<SgdOptions>('sgd', options, ['learningRate', 'momentum']);
  const lr = checkPositive('sgd', 'options.learningRate', o.learningRate);
  const mu = checkHalfOpen('sgd', 'options.momentum', o.momentum ?? 0.9, 0, 1);
  let v = new Float64Array(0);
  return {
    name: 'sgd',
    learningRate: lr,
    reset(size) {
      v = new Float64Array(size);
    },
    step(params, grad) {
      for (let j = 0; j < params.length; j++) {
        const vj = mu * v[j] + grad[j];
        v[j] = vj;
        params[j] -= lr * vj;
      }
    },
  };
}
