import type { SmoothingConvention } from '../../convention.js';
import { softmaxCrossEntropy } from '../../softmaxCrossEntropy.js';
import { logOf, norm } from '../vectors.js';

/** @internal The true class throughout C9. */
const Y = 0;
/**
 * @internal Logits of the saturated point: z_y − z_k = 40 + ln(K − 1), so that
 * 1 − p_y = r = e^{−40}/(1 + e^{−40}) ≈ 4.2e-18 for every K (p_y rounds to 1).
 */
export function saturated(k: number): { z: Float64Array; r: number } {
  const z = new Float64Array(k);
  z[Y] = 40 + Math.log(k - 1);
  return { z, r: Math.exp(-40) / (1 + Math.exp(-40)) };
}

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

/**
 * @internal Rounding of a gradient p − q whose p went through logits: each p_k errs by
 * ≤ (K + 2 + |ln p_k|)·EPS/2·p_k (the normaliser, exp of a logit of size |ln p_k|),
 * so a norm or a difference of norms of such vectors errs by ≤ (2K + 8 + 2·L)·EPS
 * with L the largest |ln p_k|.
 */
export function normTol(K: number, L: number): number {
  return (2 * K + 8 + 2 * L) * Number.EPSILON;
}

/** @internal ‖∇_CE‖ and ‖∇_LS‖ (both conventions) along the path from u to e_y. */
export function normSeries(K: number, alpha: number): object[] {
  const rows: object[] = [];
  const steps = 80;
  for (let i = 0; i <= steps; i++) {
    // p_y from 1/K towards 1, denser near 1 where the curves part
    const p = 1 / K + (1 - 1e-4 - 1 / K) * (1 - (1 - i / steps) ** 2);
    const z = towardsOneHot(K, p);
    rows.push({ py: p, gradient: 'hard labels', norm: norm(grad(z, 0, 'uniform')) });
    for (const convention of ['uniform', 'others'] as const)
      rows.push({
        py: p,
        gradient: `smoothed (${convention})`,
        norm: norm(grad(z, alpha, convention)),
      });
  }
  return rows;
}
