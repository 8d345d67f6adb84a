import type { SmoothingConvention } from './convention.js';
import { checkConvention } from './validate/checkOption.js';
import { checkAlpha, checkNumClasses } from './validate/numbers.js';

/**
 * The smoothing rule for a class index: the target mass `on` = q_y of the true
 * class and `off` = q_k of each other class, for K classes and smoothing α.
 * Every function of lslab that smooths index labels takes its masses from here.
 *
 * - `'uniform'` (default; Szegedy et al. 2016, PyTorch, Keras): q = (1−α)·e_y + α/K,
 *   so on = 1 − α + α/K, off = α/K.
 * - `'others'` (the source text's worked examples): on = 1 − α, off = α/(K−1).
 *
 * In both, on + (K−1)·off = 1 (up to rounding).
 *
 * @param alpha - smoothing α ∈ [0, 1]
 * @param numClasses - K, an integer ≥ 2
 * @param convention - `'uniform'` (default) or `'others'`
 * @returns `{ on, off }`
 * @throws LslabError `E_RANGE` (α ∉ [0, 1], K not an integer ≥ 2), `E_NOT_FINITE`
 *   (α NaN), `E_OPTION` (unknown convention)
 * @see [conventions.md](../../../docs/conventions.md): the two smoothing conventions
 * @example
 * smoothingMass(0.1, 3, 'others'); // { on: 0.9, off: 0.05 }
 * smoothingMass(0.1, 10);          // { on: 0.91, off: 0.01 }
 */
export function smoothingMass(
  alpha: number,
  numClasses: number,
  convention: SmoothingConvention = 'uniform',
): { on: number; off: number } {
  const fn = 'smoothingMass';
  checkAlpha(fn, alpha);
  checkNumClasses(fn, numClasses);
  const c = checkConvention(fn, convention, 'convention');
  if (c === 'uniform') {
    const off = alpha / numClasses;
    return { on: 1 - alpha + off, off };
  }
  return { on: 1 - alpha, off: alpha / (numClasses - 1) };
}
