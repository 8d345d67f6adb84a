import type { Matrix } from '@lslab/core';
import { checkProbabilities } from '../internal/probabilities.js';
import { scoredEvents } from '../internal/topLabel.js';

/**
 * Kolmogorov–Smirnov calibration error (Gupta et al. 2021), bin-free.
 *
 * Sort the N scored events by score s (top-label confidence for a matrix,
 * p(y = 1) for a vector) and let S_j = (1/N) Σ_{i ≤ j} s_(i) and
 * O_j = (1/N) Σ_{i ≤ j} o_(i) be the cumulative mean score and outcome. Then
 * KS = max_j |S_j − O_j|. The maximum is taken only at the end of each block
 * of tied scores (ties sorted by outcome), so the value does not depend on
 * the order of the rows.
 * Exactly calibrated predictions give KS → 0 as N grows.
 *
 * @param probs - N×K probabilities (rows sum to 1 within 1e-6) or a vector of p(y = 1)
 * @param labels - class indices in [0, K) (0/1 for a vector)
 * @returns KS in [0, 1]
 * @throws LslabError E_EMPTY, E_SHAPE, E_NOT_FINITE, E_NOT_DISTRIBUTION, E_RANGE, E_LABEL
 * @example
 * // sorted (0.2, 0), (0.6, 1), (0.9, 0): N·(S − O) = 0.2, −0.2, 0.7 → 0.7/3
 * ksCalibrationError([0.9, 0.2, 0.6], [0, 0, 1]); // 0.2333…
 */
export function ksCalibrationError(
  probs: Matrix | ArrayLike<number>,
  labels: ArrayLike<number>,
): number {
  const v = checkProbabilities('ksCalibrationError', probs, labels);
  const { score, outcome } = scoredEvents(v);
  const n = v.n;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => score[a] - score[b] || outcome[a] - outcome[b]);
  let cumScore = 0;
  let cumOutcome = 0;
  let best = 0;
  for (let j = 0; j < n; j++) {
    const i = order[j];
    cumScore += score[i];
    cumOutcome += outcome[i];
    if (j + 1 < n && score[order[j + 1]] === score[i]) continue;
    const d = Math.abs(cumScore - cumOutcome) / n;
    if (d > best) best = d;
  }
  return best;
}
