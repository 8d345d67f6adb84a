import { type SmoothingConvention, smoothingMass } from '@lslab/core';
import {
  checkAlpha,
  checkConvention,
  checkNumClasses,
  checkOption,
  checkOptions,
} from '@lslab/core/validate';
import { type LipschitzNorm, NORMS } from './internal/norms.js';

/** Options of {@link lossLipschitz}. */
export interface LossLipschitzOptions {
  /** `'l2'` (default), `'l1'` or `'linf'`: the norm in which ‖p − q‖ is measured. */
  norm?: LipschitzNorm;
  /** `'uniform'` (default) or `'others'`; see `smoothingMass` of `@lslab/core`. */
  convention?: SmoothingConvention;
}

/**
 * The Lipschitz constant of the label-smoothed softmax cross-entropy in the
 * logits: sup over the probability simplex of ‖p − q‖, for the smoothed target
 * q of one class. The gradient of ℓ(z; q) = logsumexp(z) − ⟨q, z⟩ is p − q,
 * so this is the largest gradient norm (‖·‖₂ is self-dual; ‖p − q‖₁ bounds the
 * change of ℓ per unit of ‖Δz‖∞, ‖p − q‖∞ per unit of ‖Δz‖₁).
 *
 * ‖p − q‖ is convex in p, so the supremum over the simplex is reached at a
 * vertex e_j (approached by softmax, never attained). With on = q_y and
 * off = q_k (k ≠ y) from `smoothingMass`, a wrong vertex j ≠ y gives the
 * entries (−on, 1 − off, off × (K − 2)) and the true vertex (1 − on, off ×
 * (K − 1)); the constant is the larger of the two norms. For `'uniform'`
 * (on = 1 − α + α/K, off = α/K) the wrong vertex wins:
 *
 * - ℓ2: √((1 − α/K)² + (1 − α + α/K)² + (K − 2)(α/K)²), against √2 at α = 0;
 * - ℓ∞: 1 − α/K; ℓ1: 2 − 2α/K.
 *
 * @param alpha - smoothing α ∈ [0, 1]
 * @param numClasses - K, an integer ≥ 2
 * @param options - norm and convention, see {@link LossLipschitzOptions}
 * @returns sup_p ‖p − q‖, in (0, 2]
 * @throws LslabError `E_RANGE` (α ∉ [0, 1], K not an integer ≥ 2), `E_NOT_FINITE`
 *   (α NaN), `E_OPTION` (unknown option, norm or convention)
 * @see [C11.lipschitz.md](../../../docs/theory/C11.lipschitz.md): the closed form, derived
 * @example
 * lossLipschitz(0.1, 10);                   // 1.3449907062875483 (√2 = 1.4142…: −4.9 %)
 * lossLipschitz(0.1, 10, { norm: 'linf' }); // 0.99
 * lossLipschitz(0, 10, { norm: 'l1' });     // 2
 */
export function lossLipschitz(
  alpha: number,
  numClasses: number,
  options?: LossLipschitzOptions,
): number {
  const fn = 'lossLipschitz';
  const o = checkOptions<LossLipschitzOptions>(fn, options, ['norm', 'convention']);
  checkAlpha(fn, alpha);
  const k = checkNumClasses(fn, numClasses);
  const norm = checkOption(fn, 'options.norm', o.norm ?? 'l2', NORMS);
  const convention = checkConvention(fn, o.convention ?? 'uniform', 'options.convention');
  const { on, off } = smoothingMass(alpha, k, convention);
  const a = Math.abs(1 - off);
  const b = Math.abs(on);
  const c = Math.abs(1 - on);
  const e = Math.abs(off);
  if (norm === 'l1') return Math.max(a + b + (k - 2) * e, c + (k - 1) * e);
  if (norm === 'linf') return Math.max(a, b, e, c);
  return Math.sqrt(Math.max(a * a + b * b + (k - 2) * e * e, c * c + (k - 1) * e * e));
}
