import type { SmoothingConvention } from '../../convention.js';
import { softmaxCrossEntropy } from '../../softmaxCrossEntropy.js';
import { logOf, norm } from './vectors.js';

/** @internal The true class throughout C9. */
const Y = 0;
/** @internal z_y − z_k at the saturated point. */
export const SATURATED = 40; // z_y − z_k: p_y = 1 − (K−1)e^{−40} rounds to 1

/** @internal ∂ℓ/∂z of one row with label Y, from the fused kernel; α = 0 is hard-label CE. */
export function grad(
  z: ArrayLike<number>,
  alpha: number,
  convention: SmoothingConvention,
): Float64Array {
  const logits = { rows: 1, cols: z.length, data: Float64Array.from(z) };
  return softmaxCrossEntropy(logits, [Y], { labelSmoothing: alpha, convention, reduction: 'sum' })
    .grad.data as Float64Array;
}

/** @internal Logits of p(s) = (1 − w)·u + w·e_y, written through p_y ∈ [1/K, 1). */
export function towardsOneHot(k: number, py: number): Float64Array {
  const p = new Float64Array(k).fill((1 - py) / (k - 1));
  p[Y] = py;
  return logOf(p);
}

/** @internal ‖∇_LS‖ − ‖∇_CE‖ at p_y along the path from u to e_y. */
function normGap(k: number, py: number, alpha: number, convention: SmoothingConvention): number {
  const z = towardsOneHot(k, py);
  return norm(grad(z, alpha, convention)) - norm(grad(z, 0, convention));
}

/** @internal The p_y where ‖∇_LS‖ = ‖∇_CE‖ on the path, by bisection (the gap is increasing in p_y). */
export function crossover(k: number, alpha: number, convention: SmoothingConvention): number {
  let lo = 1 / k;
  let hi = 1 - 1e-12;
  for (let i = 0; i < 200 && hi - lo > 1e-16; i++) {
    const mid = 0.5 * (lo + hi);
    if (normGap(k, mid, alpha, convention) < 0) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}
