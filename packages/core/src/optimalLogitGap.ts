import type { SmoothingConvention } from './convention.js';
import { checkClosedForm, logMassRatio } from './internal/closedForm.js';
import { checkOptions } from './validate/index.js';

/**
 * The logit gap z_y − z_k between the true class and any wrong class at the
 * minimiser of the label-smoothed cross-entropy over free logits.
 *
 * The loss ℓ(z) = logSumExp(z) − ⟨q, z⟩ is minimised where softmax(z) = q, so
 * z = log q + c and z_y − z_k = ln(q_y / q_k), the same for every k ≠ y:
 *
 * - `'uniform'` (default): q_y = 1 − α + α/K, q_k = α/K, gap = ln(1 + K(1−α)/α)
 *   (ln 91 ≈ 4.5109 at K = 10, α = 0.1).
 * - `'others'`: q_y = 1 − α, q_k = α/(K−1), gap = ln((1−α)(K−1)/α).
 *
 * Edge cases, all returned rather than thrown:
 * - α = 0 (hard labels): `+Infinity`. There is no finite minimiser; the loss
 *   keeps falling as the gap grows.
 * - The gap is 0 where q_y = q_k, i.e. the target is uniform: α = 1 under
 *   `'uniform'`, α = (K−1)/K under `'others'`.
 * - Under `'others'` with α > (K−1)/K the true class gets less mass than each
 *   other class and the gap is negative; at α = 1 it is `-Infinity`.
 *
 * @param alpha - smoothing α ∈ [0, 1]
 * @param numClasses - K, an integer ≥ 2
 * @param options.convention - `'uniform'` (default) or `'others'`
 * @returns ln(q_y / q_k), in (−∞, +∞] (never NaN)
 * @throws LslabError `E_RANGE` for α ∉ [0, 1] or a bad K, `E_NOT_FINITE` for
 *   α = NaN, `E_OPTION` for an unknown convention
 * @see [C3.finite-optimum.md](../../../docs/theory/C3.finite-optimum.md): the finite optimum and its logit gap
 * @example
 * optimalLogitGap(0.1, 10);                           // 4.51085950651685  = ln 91
 * optimalLogitGap(0.1, 10, { convention: 'others' }); // 4.394449154672438 ≈ ln 81
 * optimalLogitGap(0, 10);                             // Infinity
 */
export function optimalLogitGap(
  alpha: number,
  numClasses: number,
  options?: { convention?: SmoothingConvention },
): number {
  const o = checkOptions<{ convention?: SmoothingConvention }>('optimalLogitGap', options, [
    'convention',
  ]);
  const convention = checkClosedForm('optimalLogitGap', alpha, numClasses, o.convention);
  return logMassRatio(alpha, numClasses, convention);
}
