import type { Matrix } from '@lslab/core';
import { brierRows } from '../internal/fusedRows.js';
import { checkProbabilities, checkProbabilityMatrix, isMatrix } from '../internal/probabilities.js';

/**
 * Brier score: the mean squared distance between the predicted distribution
 * and the one-hot outcome.
 *
 * - Matrix (N×K): (1/N) Σ_i Σ_c (1[y_i = c] − p_ic)², in [0, 2].
 * - Vector of p(y = 1): (1/N) Σ_i (y_i − p_i)², in [0, 1] — scikit-learn's
 *   `brier_score_loss` for a binary problem. The same predictions written as
 *   an N×2 matrix give exactly twice this value.
 *
 * @param probs - N×K probabilities (rows sum to 1 within 1e-6) or a vector of p(y = 1)
 * @param labels - class indices in [0, K) (0/1 for a vector)
 * @returns the Brier score
 * @throws LslabError E_EMPTY, E_SHAPE, E_NOT_FINITE, E_NOT_DISTRIBUTION, E_RANGE, E_LABEL
 * @example
 * brierScore([0.1, 0.9, 0.8, 0.3], [0, 1, 1, 0]); // (0.01 + 0.01 + 0.04 + 0.09) / 4 = 0.0375
 */
export function brierScore(probs: Matrix | ArrayLike<number>, labels: ArrayLike<number>): number {
  if (isMatrix(probs)) {
    checkProbabilityMatrix('brierScore', probs);
    return brierRows('brierScore', probs, labels);
  }
  // a vector of p(y = 1): binary
  const v = checkProbabilities('brierScore', probs, labels);
  const { n, data } = v;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const d = labels[i] - data[i];
    s += d * d;
  }
  return s / n;
}
