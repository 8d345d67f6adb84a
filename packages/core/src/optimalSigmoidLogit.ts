import type { SmoothingConvention } from './convention.js';
import { logMassRatio } from './internal/closedForm.js';
import { checkAlpha, checkConvention, checkOptions } from './validate/index.js';

/**
 * The logit z* that minimises the sigmoid cross-entropy of a positive example
 * (t = 1) under binary label smoothing: the logit of the smoothed target t',
 * z* = ln(t' / (1 − t')), since the loss −t'·log σ(z) − (1−t')·log(1−σ(z)) has
 * derivative σ(z) − t'.
 *
 * - `'uniform'` (default; Keras/TF.js): t' = 1 − α/2, z* = ln((1 − α/2)/(α/2))
 *   (ln 19 ≈ 2.9444 at α = 0.1); this is the K = 2 case of
 *   {@link optimalLogitGap}.
 * - `'others'`: t' = 1 − α, z* = ln((1−α)/α) (ln 9 ≈ 2.1972 at α = 0.1).
 *
 * A negative example has the optimum −z*. α = 0 gives `+Infinity` (no finite
 * minimiser); `'uniform'` α = 1 and `'others'` α = 1/2 give 0; `'others'`
 * α > 1/2 gives a negative logit and α = 1 gives `-Infinity`.
 *
 * @param alpha - smoothing α ∈ [0, 1]
 * @param options.convention - `'uniform'` (default) or `'others'`
 * @returns the optimal logit, in (−∞, +∞] (never NaN)
 * @throws LslabError `E_RANGE`, `E_NOT_FINITE`, `E_OPTION`
 * @see [C3.finite-optimum.md](../../../docs/theory/C3.finite-optimum.md): the finite optimum, binary case
 * @example
 * optimalSigmoidLogit(0.1, { convention: 'others' }); // 2.1972245773362196 = ln 9
 * optimalSigmoidLogit(0.1);                           // 2.9444389791664403 = ln 19
 */
export function optimalSigmoidLogit(
  alpha: number,
  options?: { convention?: SmoothingConvention },
): number {
  const fn = 'optimalSigmoidLogit';
  const o = checkOptions<{ convention?: SmoothingConvention }>(fn, options, ['convention']);
  checkAlpha(fn, alpha);
  const convention = checkConvention(fn, o.convention);
  // Binary smoothing is the K = 2 case of both conventions.
  return logMassRatio(alpha, 2, convention);
}
