import { checkInteger, checkPositive } from '@lslab/core/validate';

/**
 * The uniform-stability bound of Bousquet & Elisseeff (2002, Theorem 22) for
 * L2-regularised ERM, written for lslab's objective (1/n)Σℓ + (λ/2)‖W‖²: if
 * the loss is σ-Lipschitz in the prediction and ‖x‖ ≤ κ, replacing one sample
 * changes the loss at any point by at most
 *
 *   β = σ²κ² / (λ n),
 *
 * which is their σ²κ²/(2λ′n) with λ′ = λ/2 (their penalty is λ′‖f‖²). With
 * smoothing σ is `lossLipschitz` or `binaryLossLipschitz`; for the binary
 * `'uniform'` rule σ = 1 − α/2, so the bound shrinks only by (1 − α/2)²,
 * against the (1 − α) of the label-flip bound.
 *
 * @param sigma - σ > 0, the Lipschitz constant of the loss
 * @param kappa - κ > 0, a bound on ‖x‖
 * @param lambda - λ > 0 of the penalty (λ/2)‖W‖²
 * @param n - the number of samples, an integer ≥ 1
 * @returns β = σ²κ²/(λn)
 * @throws LslabError `E_RANGE` for σ, κ, λ ≤ 0 or n < 1, `E_NOT_FINITE` for NaN or ±∞
 * @see [C10.stability.md](../../../docs/theory/C10.stability.md): how this bound compares
 * @example
 * bousquetElisseeffBound(1, 2, 0.5, 100);    // 0.08
 * bousquetElisseeffBound(0.95, 2, 0.5, 100); // 0.0722 = 0.08 × 0.95²
 */
export function bousquetElisseeffBound(
  sigma: number,
  kappa: number,
  lambda: number,
  n: number,
): number {
  const fn = 'bousquetElisseeffBound';
  checkPositive(fn, 'sigma', sigma);
  checkPositive(fn, 'kappa', kappa);
  checkPositive(fn, 'lambda', lambda);
  checkInteger(fn, 'n', n, { min: 1 });
  return (sigma * sigma * kappa * kappa) / (lambda * n);
}
