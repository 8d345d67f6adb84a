import { argmaxAt, type ProbabilityView } from './probabilities.js';

/**
 * @internal The scored event of each row, as one set of flat arrays.
 *
 * - Matrix input (top-label): `score[i] = max_c p_ic`, `scoredClass[i]` = the
 *   argmax (ties to the lowest index), `outcome[i] = 1[y_i = argmax]`.
 * - Vector input (positive class): `score[i] = p_i`, `scoredClass[i] = 1`,
 *   `outcome[i] = y_i`.
 */
export interface ScoredEvents {
  readonly score: Float64Array;
  readonly outcome: Uint8Array;
  readonly scoredClass: Int32Array;
}

/** @internal Builds {@link ScoredEvents} in one O(N·K) pass. */
export function scoredEvents(v: ProbabilityView): ScoredEvents {
  const { n, data, labels } = v;
  const score = new Float64Array(n);
  const outcome = new Uint8Array(n);
  const scoredClass = new Int32Array(n);
  if (v.vector) {
    for (let i = 0; i < n; i++) {
      score[i] = data[i];
      outcome[i] = labels[i];
      scoredClass[i] = 1;
    }
    return { score, outcome, scoredClass };
  }
  for (let i = 0; i < n; i++) {
    const j = argmaxAt(v, i);
    score[i] = data[i * v.k + j];
    scoredClass[i] = j;
    outcome[i] = labels[i] === j ? 1 : 0;
  }
  return { score, outcome, scoredClass };
}

/**
 * @internal The column of class c as scores with outcomes 1[y = c] (for the
 * classwise scope). For a vector, class 0 is scored as 1 − p.
 */
export function classEvents(v: ProbabilityView, c: number): ScoredEvents {
  const { n, labels } = v;
  const score = new Float64Array(n);
  const outcome = new Uint8Array(n);
  const scoredClass = new Int32Array(n).fill(c);
  for (let i = 0; i < n; i++) {
    score[i] = v.vector ? (c === 1 ? v.data[i] : 1 - v.data[i]) : v.data[i * v.k + c];
    outcome[i] = labels[i] === c ? 1 : 0;
  }
  return { score, outcome, scoredClass };
}
