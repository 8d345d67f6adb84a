import type { SmoothingConvention } from './convention.js';
import { checkClosedForm } from './internal/closedForm.js';
import { checkOptions } from './validate/index.js';

/**
 * The smallest value of the label-smoothed cross-entropy over free logits:
 * the entropy of the smoothed target, H(q) = −Σ_c q_c·log q_c (0·log 0 = 0).
 *
 * Cross-entropy decomposes as H(q) + KL(q‖p), and KL ≥ 0 vanishes at p = q,
 * so the infimum is H(q); it is attained when every q_c > 0 (α > 0). With m
 * the total mass off the true class:
 *
 * - `'uniform'` (default): m = α(K−1)/K, each wrong class α/K.
 * - `'others'`: m = α, each wrong class α/(K−1).
 *
 * H(q) = −(1−m)·log(1−m) − m·log(m/(K−1)); it is 0 for α = 0 (hard labels:
 * the loss approaches 0 but never reaches it) and ln K for a uniform target.
 * log(1−m) is computed as log1p(−m) to keep small α accurate, and log(m/(K−1))
 * as log m − log(K−1) so that a subnormal α does not underflow.
 *
 * @param alpha - smoothing α ∈ [0, 1]
 * @param numClasses - K, an integer ≥ 2
 * @param options.convention - `'uniform'` (default) or `'others'`
 * @returns H(q) in nats, in [0, ln K] (clamped to ln K, which rounding could
 *   otherwise exceed by an ulp for a uniform target)
 * @throws LslabError `E_RANGE`, `E_NOT_FINITE`, `E_OPTION`
 * @see [C3.finite-optimum.md](../../../docs/theory/C3.finite-optimum.md): the minimum H(q)
 * @example
 * minimumSmoothedLoss(0.1, 3, { convention: 'others' }); // 0.39439769144744274
 *   // = −0.9·ln 0.9 − 0.1·ln 0.05
 * minimumSmoothedLoss(1, 10);                            // 2.302585092994046 = ln 10
 */
export function minimumSmoothedLoss(
  alpha: number,
  numClasses: number,
  options?: { convention?: SmoothingConvention },
): number {
  const o = checkOptions<{ convention?: SmoothingConvention }>('minimumSmoothedLoss', options, [
    'convention',
  ]);
  const convention = checkClosedForm('minimumSmoothedLoss', alpha, numClasses, o.convention);
  const k = numClasses;
  const m = convention === 'uniform' ? (alpha * (k - 1)) / k : alpha;
  const on = m === 1 ? 0 : -(1 - m) * Math.log1p(-m);
  // log(m/(K−1)) as a difference of logs: m/(K−1) may underflow for subnormal m
  const off = m === 0 ? 0 : m * (Math.log(k - 1) - Math.log(m));
  // H(q) ≤ ln K exactly; keep rounding from pushing a uniform target above it
  return Math.min(on + off, Math.log(k));
}
