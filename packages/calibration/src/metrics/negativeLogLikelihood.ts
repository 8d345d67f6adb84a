import type { Matrix } from '@lslab/core';
import { nllRows } from '../internal/fusedRows.js';
import { checkProbabilities, checkProbabilityMatrix, isMatrix } from '../internal/probabilities.js';

/**
 * Negative log-likelihood (log loss): (1/N) Σ_i −ln p_i,y_i.
 *
 * A vector of p(y = 1) uses p for y = 1 and 1 − p for y = 0 (computed as
 * −log1p(−p), accurate for small p). A probability of exactly 0 on the true
 * class makes the loss +Infinity — the correct value of the limit, returned on
 * purpose (never NaN); clip the probabilities first if a finite penalty is
 * wanted (scikit-learn's `log_loss` clips to [ε, 1 − ε]).
 *
 * @param probs - N×K probabilities (rows sum to 1 within 1e-6) or a vector of p(y = 1)
 * @param labels - class indices in [0, K) (0/1 for a vector)
 * @returns the mean NLL in nats, in [0, +∞]
 * @throws LslabError E_EMPTY, E_SHAPE, E_NOT_FINITE, E_NOT_DISTRIBUTION, E_RANGE, E_LABEL
 * @example
 * negativeLogLikelihood([0.5, 0.25], [1, 0]); // (ln 2 + ln(4/3)) / 2 ≈ 0.4904
 * negativeLogLikelihood([0], [1]);            // Infinity
 */
export function negativeLogLikelihood(
  probs: Matrix | ArrayLike<number>,
  labels: ArrayLike<number>,
): number {
  if (isMatrix(probs)) {
    checkProbabilityMatrix('negativeLogLikelihood', probs);
    return nllRows('negativeLogLikelihood', probs, labels);
  }
  // a vector of p(y = 1): binary
  const v = checkProbabilities('negativeLogLikelihood', probs, labels);
  const { n, data } = v;
  let s = 0;
  for (let i = 0; i < n; i++) s -= labels[i] === 1 ? Math.log(data[i]) : Math.log1p(-data[i]);
  return s / n;
}
