import { checkOptions, checkPositive } from '@lslab/core/validate';
import { checkHalfOpen } from '../model/options.js';
import type { Optimizer } from './optimizer.js';

/** Options of {@link adam}. */
export interface AdamOptions {
  /** η > 0 (default 1e-3). */
  learningRate?: number;
  /** β₁ ∈ [0, 1), default 0.9. */
  beta1?: number;
  /** β₂ ∈ [0, 1), default 0.999. */
  beta2?: number;
  /** ε > 0, default 1e-8. */
  epsilon?: number;
}

/**
 * Adam (Kingma & Ba 2015) with bias correction: m ← β₁m + (1−β₁)∇,
 * v ← β₂v + (1−β₂)∇², θ ← θ − η·m̂/(√v̂ + ε) with m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ).
 *
 * @param options - see {@link AdamOptions}
 * @returns an {@link Optimizer}
 * @throws LslabError `E_RANGE` for η ≤ 0, ε ≤ 0 or β ∉ [0, 1), `E_OPTION`
 *   for an unknown key
 * @example
 * const opt = adam({ learningRate: 0.1 });
 * const p = Float64Array.of(0);
 * opt.reset(1);
 * opt.step(p, Float64Array.of(3)); // p ≈ [-0.0999999996667] = −η·g/(|g| + ε): about η
 */
export function adam(options?: AdamOptions): Optimizer {
  const fn = 'adam';
  const o = checkOptions<AdamOptions>(fn, options, ['learningRate', 'beta1', 'beta2', 'epsilon']);
  const lr = checkPositive(fn, 'options.learningRate', o.learningRate ?? 1e-3);
  const b1 = checkHalfOpen(fn, 'options.beta1', o.beta1 ?? 0.9, 0, 1);
  const b2 = checkHalfOpen(fn, 'options.beta2', o.beta2 ?? 0.999, 0, 1);
  const eps = checkPositive(fn, 'options.epsilon', o.epsilon ?? 1e-8);
  let m = new Float64Array(0);
  let v = new Float64Array(0);
  let t = 0;
  return {
    name: 'adam',
    learningRate: lr,
    reset(size) {
      m = new Float64Array(size);
      v = new Float64Array(size);
      t = 0;
    },
    step(params, grad) {
      t++;
      const c1 = 1 / (1 - b1 ** t);
      const c2 = 1 / (1 - b2 ** t);
      for (let j = 0; j < params.length; j++) {
        const g = grad[j];
        const mj = b1 * m[j] + (1 - b1) * g;
        const vj = b2 * v[j] + (1 - b2) * g * g;
        m[j] = mj;
        v[j] = vj;
        params[j] -= (lr * (mj * c1)) / (Math.sqrt(vj * c2) + eps);
      }
    },
  };
}
