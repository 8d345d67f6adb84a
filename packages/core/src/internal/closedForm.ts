import { SMOOTHING_CONVENTIONS, type SmoothingConvention } from '../convention.js';
import { checkAlpha, checkNumClasses, checkOption } from '../validate/index.js';

/**
 * @internal Validates the arguments shared by the closed forms (α ∈ [0, 1],
 * K an integer ≥ 2, a known convention) and returns the convention.
 */
export function checkClosedForm(
  fn: string,
  alpha: number,
  numClasses: number,
  convention: unknown,
): SmoothingConvention {
  checkAlpha(fn, alpha);
  checkNumClasses(fn, numClasses);
  return checkOption(fn, 'options.convention', convention ?? 'uniform', SMOOTHING_CONVENTIONS);
}

/**
 * @internal log(q_y / q_k) of a smoothed one-hot target, accurate over the
 * whole range and ±∞ at the ends (never NaN):
 * - α = 0, either sign of zero: +∞ (the hard target has no finite optimum).
 * - `'uniform'`: log1p(K(1−α)/α); the ratio is ≥ 1, so log1p never loses digits.
 * - `'others'`: the ratio r = (1−α)(K−1)/α may be anywhere in [0, ∞]. Near
 *   r = 1 (gap near 0) use log1p((K − 1 − Kα)/α), which keeps the small
 *   difference; elsewhere log r, whose factors are each rounded once (log1p of
 *   an argument near −1 would amplify its rounding error by 1/r).
 * - A ratio that overflows (α below about K·1e−308, subnormal α) is taken in
 *   the log domain, log(numerator) − log α, which is finite (≈ 739.1 at
 *   α = 1e−320, K = 10); the ratio is then above 1e308, where α added to the
 *   numerator is far below its last digit.
 */
export function logMassRatio(alpha: number, k: number, convention: SmoothingConvention): number {
  if (alpha === 0) return Number.POSITIVE_INFINITY;
  if (convention === 'uniform') {
    const ratio = (k * (1 - alpha)) / alpha;
    return ratio < Number.POSITIVE_INFINITY
      ? Math.log1p(ratio)
      : Math.log(k * (1 - alpha)) - Math.log(alpha);
  }
  const r = ((1 - alpha) * (k - 1)) / alpha;
  if (r > 0.5 && r < 2) return Math.log1p((k - 1 - k * alpha) / alpha);
  if (r === Number.POSITIVE_INFINITY) return Math.log((1 - alpha) * (k - 1)) - Math.log(alpha);
  return Math.log(r);
}
