import type { SmoothingConvention } from './convention.js';
import { LslabError } from './errors.js';
import { checkAlpha } from './validate/numbers.js';

/**
 * The smoothing rule for one binary target t ∈ [0, 1] (hard 0/1 or soft).
 * Every function of lslab that smooths binary targets takes them from here.
 *
 * - `'uniform'` (default; Keras/TF.js `label_smoothing`): t·(1−α) + α/2,
 *   the K = 2 case of the uniform rule.
 * - `'others'`: t·(1−2α) + α, which maps {0, 1} to {α, 1 − α}.
 *
 * @param t - the target, in [0, 1]
 * @param alpha - smoothing α ∈ [0, 1]
 * @param convention - `'uniform'` (default) or `'others'`
 * @returns the smoothed target, in [0, 1]
 * @throws LslabError `E_RANGE` (t or α outside [0, 1]), `E_NOT_FINITE` (NaN, a
 *   non-number), `E_OPTION` (unknown convention)
 * @see [conventions.md](../../../docs/conventions.md): binary targets in both conventions
 * @example
 * smoothBinaryTarget(1, 0.1);           // 0.9500000000000001 = 0.9 + 0.05
 * smoothBinaryTarget(0, 0.1, 'others'); // 0.1
 */
export function smoothBinaryTarget(
  t: number,
  alpha: number,
  convention: SmoothingConvention = 'uniform',
): number {
  const fn = 'smoothBinaryTarget';
  if (typeof t !== 'number' || !(t > -Infinity && t < Infinity)) {
    const problem = typeof t === 'number' ? 'is not finite' : 'is not a number';
    throw new LslabError('E_NOT_FINITE', fn, problem, { argument: 't', value: t });
  }
  if (t < 0 || t > 1) {
    throw new LslabError('E_RANGE', fn, 'must lie in [0, 1]', { argument: 't', value: t });
  }
  checkAlpha(fn, alpha);
  if (convention === 'uniform') return t * (1 - alpha) + alpha / 2;
  if (convention === 'others') return t * (1 - 2 * alpha) + alpha;
  throw new LslabError('E_OPTION', fn, "must be one of 'uniform', 'others'", {
    argument: 'convention',
    value: convention,
  });
}
