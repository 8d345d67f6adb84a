import { type SmoothingConvention, smoothBinaryTarget } from '@lslab/core';
import { checkAlpha, checkConvention, checkOptions } from '@lslab/core/validate';

/**
 * The Lipschitz constant of the label-smoothed binary (sigmoid) cross-entropy
 * in its logit: ℓ(z; t) = softplus(z) − t·z has ℓ′(z) = σ(z) − t, and
 * sup over σ ∈ (0, 1) of |σ − t| = max(t, 1 − t), with t the smoothed target
 * of a positive label (a negative label gives 1 − t, the same constant).
 *
 * - `'uniform'` (default, Keras): t = 1 − α/2, constant 1 − α/2;
 * - `'others'`: t = 1 − α, constant max(1 − α, α).
 *
 * @param alpha - smoothing α ∈ [0, 1]
 * @param options.convention - `'uniform'` (default) or `'others'`
 * @returns sup_z |σ(z) − t|, in [1/2, 1]
 * @throws LslabError `E_RANGE` (α ∉ [0, 1]), `E_NOT_FINITE` (α NaN),
 *   `E_OPTION` (unknown option or convention)
 * @see [C11.lipschitz.md](../../../docs/theory/C11.lipschitz.md): the closed form, derived
 * @example
 * binaryLossLipschitz(0.1);                           // 0.95
 * binaryLossLipschitz(0.1, { convention: 'others' }); // 0.9
 * binaryLossLipschitz(0);                             // 1
 */
export function binaryLossLipschitz(
  alpha: number,
  options?: { convention?: SmoothingConvention },
): number {
  const fn = 'binaryLossLipschitz';
  const o = checkOptions<{ convention?: SmoothingConvention }>(fn, options, ['convention']);
  checkAlpha(fn, alpha);
  const convention = checkConvention(fn, o.convention);
  const t = smoothBinaryTarget(1, alpha, convention);
  return Math.max(t, 1 - t);
}
