import type { SmoothingConvention } from './convention.js';
import { LslabError } from './errors.js';
import { smoothBinaryTarget } from './smoothBinaryTarget.js';
import { checkAlpha, checkConvention, checkOptions } from './validate/index.js';

/**
 * Smooths binary targets t ∈ [0, 1] (hard 0/1 or soft).
 *
 * - `'uniform'` (default; Keras/TF.js `label_smoothing`): t·(1−α) + α/2,
 *   the K = 2 case of the uniform rule.
 * - `'others'`: t·(1−2α) + α, which maps {0, 1} to {α, 1 − α}.
 *
 * @param targets - values in [0, 1]
 * @param alpha - smoothing α ∈ [0, 1]
 * @param options.convention - `'uniform'` (default) or `'others'`
 * @returns a new Float64Array
 * @throws LslabError `E_RANGE` for α or a target outside [0, 1], `E_NOT_FINITE`
 * @see [conventions.md](../../../docs/conventions.md): binary targets in both conventions
 * @example
 * smoothBinaryTargets([0, 1], 0.1, { convention: 'others' }); // [0.1, 0.9]
 * smoothBinaryTargets([0, 1], 0.1);                           // [0.05, 0.9500000000000001]
 */
export function smoothBinaryTargets(
  targets: ArrayLike<number>,
  alpha: number,
  options?: { convention?: SmoothingConvention },
): Float64Array {
  const fn = 'smoothBinaryTargets';
  const o = checkOptions<{ convention?: SmoothingConvention }>(fn, options, ['convention']);
  checkAlpha(fn, alpha);
  const convention = checkConvention(fn, o.convention);
  const out = new Float64Array(targets.length);
  for (let i = 0; i < targets.length; i++) {
    const t = targets[i];
    if (!(t > -Infinity && t < Infinity)) {
      throw new LslabError('E_NOT_FINITE', fn, 'is not finite', {
        argument: 'targets',
        row: i,
        value: t,
      });
    }
    if (t < 0 || t > 1) {
      throw new LslabError('E_RANGE', fn, 'must lie in [0, 1]', {
        argument: 'targets',
        row: i,
        value: t,
      });
    }
    out[i] = smoothBinaryTarget(t, alpha, convention);
  }
  return out;
}
