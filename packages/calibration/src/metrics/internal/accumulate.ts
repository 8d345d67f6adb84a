import type { Binning } from '../../internal/binning.js';
import { addToBin, type BinStats } from '../../internal/binStats.js';
import { argmaxRow, type ProbabilityView } from '../../internal/probabilities.js';

/**
 * @internal Adds the scored event of every row to `stats` in one O(N·K) pass
 * with no allocation: for a matrix the top label (argmax, ties to the lowest
 * index; outcome 1[y = argmax]), for a vector the positive class (score p,
 * outcome y).
 */
export function accumulateScored(v: ProbabilityView, binning: Binning, stats: BinStats): void {
  const { n, k, data, labels } = v;
  if (v.vector) {
    for (let i = 0; i < n; i++) addToBin(stats, binning.index(data[i]), data[i], labels[i]);
    return;
  }
  for (let i = 0; i < n; i++) {
    const best = argmaxRow(data, i * k, k);
    const m = data[i * k + best];
    addToBin(stats, binning.index(m), m, labels[i] === best ? 1 : 0);
  }
}

/**
 * @internal Adds p(class c) of every row with outcome 1[y = c] to `stats`
 * (one class of the classwise scope). For a vector, class 0 is scored 1 − p.
 */
export function accumulateClass(
  v: ProbabilityView,
  c: number,
  binning: Binning,
  stats: BinStats,
): void {
  const { n, k, data, labels } = v;
  for (let i = 0; i < n; i++) {
    const p = v.vector ? (c === 1 ? data[i] : 1 - data[i]) : data[i * k + c];
    addToBin(stats, binning.index(p), p, labels[i] === c ? 1 : 0);
  }
}
