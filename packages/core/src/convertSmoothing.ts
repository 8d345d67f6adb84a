import { SMOOTHING_CONVENTIONS, type SmoothingConvention } from './convention.js';
import { LslabError } from './errors.js';
import { checkAlpha, checkNumClasses, checkOption } from './validate/index.js';

/**
 * Converts a smoothing weight between conventions so that both give the same
 * targets: `others(α) = uniform(α·K/(K−1))`, `uniform(α) = others(α·(K−1)/K)`.
 *
 * @param alpha - α ∈ [0, 1] in the `from` convention
 * @param numClasses - K ≥ 2
 * @param from - the convention α is given in
 * @param to - the convention wanted
 * @returns the equivalent α in `to`
 * @throws LslabError `E_RANGE` when the equivalent α exceeds 1 (others α > (K−1)/K
 *   has no uniform equivalent in [0, 1])
 * @see [conventions.md](../../../docs/conventions.md): others(α) = uniform(α·K/(K − 1)), derived
 * @example
 * convertSmoothing(0.1, 10, 'uniform', 'others'); // 0.09
 * convertSmoothing(0.09, 10, 'others', 'uniform'); // 0.09999999999999999 (0.1 up to rounding)
 */
export function convertSmoothing(
  alpha: number,
  numClasses: number,
  from: SmoothingConvention,
  to: SmoothingConvention,
): number {
  const fn = 'convertSmoothing';
  checkAlpha(fn, alpha);
  checkNumClasses(fn, numClasses);
  checkOption(fn, 'from', from, SMOOTHING_CONVENTIONS);
  checkOption(fn, 'to', to, SMOOTHING_CONVENTIONS);
  if (from === to) return alpha;
  const k = numClasses;
  const out = from === 'others' ? (alpha * k) / (k - 1) : (alpha * (k - 1)) / k;
  if (out > 1) {
    throw new LslabError(
      'E_RANGE',
      fn,
      `the 'uniform' equivalent α·K/(K−1) = ${out} exceeds 1; 'others' α must be ≤ (K−1)/K = ${(k - 1) / k}`,
      { argument: 'alpha', value: alpha },
    );
  }
  return out;
}
