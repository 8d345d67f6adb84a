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
 * - `'uniform'`: log1p(K(1−α)/α); the ratio is ≥ 1, so log1p never loses digits.
 * - `'others'`: the ratio r = (1−α)(K−1)/α may be anywhere in [0, ∞]. Near
 *   r = 1 (gap near 0) use log1p((K − 1 − Kα)/α), which keeps the small
 *   difference; elsewhere log r, whose factors are each rounded once (log1p of
 *   an argument near −1 would amplify its rounding error by 1/r).
 */
export function logMassRatio(alpha: number, k: number, convention: SmoothingConvention): number {
  if (convention === 'uniform') return Math.log1p((k * (1 - alpha)) / alpha);
  const r = ((1 - alpha) * (k - 1)) / alpha;
  if (r > 0.5 && r < 2) return Math.log1p((k - 1 - k * alpha) / alpha);
  return Math.log(r);
}
