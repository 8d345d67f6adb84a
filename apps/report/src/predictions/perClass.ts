import type { Predictions } from './readPredictions.js';

/** One class of a predictions file: how often it is the label, the prediction, and its mean probability. */
export interface ClassRow {
  /** The class name, from the file's header. */
  class: string;
  /** Rows whose label is this class. */
  support: number;
  /** `support / N`: how often the class is the label. */
  frequency: number;
  /** Rows whose argmax is this class (ties go to the lowest index, as in @lslab/calibration). */
  predicted: number;
  /** Of the rows labelled with this class, the share predicted as it; `null` when `support` is 0. */
  recall: number | null;
  /** Mean predicted probability of the class over all rows; equals `frequency` for a model calibrated in the large. */
  meanProbability: number;
}

/**
 * The per-class table of a predictions file: support, label frequency,
 * predictions, recall and the mean probability of each class. For a model
 * calibrated in the large, mean p_k = frequency_k for every class k.
 *
 * mean p_k = (1/N) Σ_i p_ik; frequency_k = (1/N) Σ_i 1[y_i = k];
 * recall_k = Σ_i 1[y_i = k ∧ argmax_j p_ij = k] / support_k.
 *
 * @param p - from `readPredictions` (N ≥ 1 rows, K ≥ 2 classes)
 * @returns K rows, in the order of the file's score columns
 * @example
 * perClass(readPredictions('label,p_a,p_b\na,0.8,0.2\nb,0.6,0.4\n'))[0];
 * // { class: 'a', support: 1, frequency: 0.5, predicted: 2, recall: 1, meanProbability: 0.7 }
 */
export function perClass(p: Predictions): ClassRow[] {
  const { rows: n, cols: k, data } = p.probs;
  const support = new Array<number>(k).fill(0);
  const predicted = new Array<number>(k).fill(0);
  const hits = new Array<number>(k).fill(0);
  const sums = new Array<number>(k).fill(0);
  for (let i = 0; i < n; i++) {
    let top = 0;
    for (let j = 0; j < k; j++) {
      const v = data[i * k + j];
      sums[j] += v;
      if (v > data[i * k + top]) top = j;
    }
    const y = p.labels[i];
    support[y]++;
    predicted[top]++;
    if (top === y) hits[y]++;
  }
  return p.classes.map((name, j) => ({
    class: name,
    support: support[j],
    frequency: support[j] / n,
    predicted: predicted[j],
    recall: support[j] === 0 ? null : hits[j] / support[j],
    meanProbability: sums[j] / n,
  }));
}
