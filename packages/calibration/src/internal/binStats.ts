import type { Binning } from './binning.js';
import { addCompensated, mergeCompensated } from './compensated.js';

/**
 * @internal Per-bin sums of scored events. `count` holds integer counts and
 * `sumOutcome` the number of outcomes equal to 1 (both exact in Float64 up to
 * 2^53); `sumScore + sumScoreErr` is a compensated Σ score.
 */
export interface BinStats {
  readonly count: Float64Array;
  readonly sumScore: Float64Array;
  readonly sumScoreErr: Float64Array;
  readonly sumOutcome: Float64Array;
}

/** @internal Zeroed sums for `bins` bins. */
export function emptyBinStats(bins: number): BinStats {
  return {
    count: new Float64Array(bins),
    sumScore: new Float64Array(bins),
    sumScoreErr: new Float64Array(bins),
    sumOutcome: new Float64Array(bins),
  };
}

/** @internal Adds one (score, outcome) pair to bin b. */
export function addToBin(stats: BinStats, b: number, score: number, outcome: number): void {
  stats.count[b] += 1;
  addCompensated(stats.sumScore, stats.sumScoreErr, b, score);
  stats.sumOutcome[b] += outcome;
}

/** @internal Adds each (score, outcome) pair to its bin. */
export function addToBins(
  stats: BinStats,
  binning: Binning,
  score: ArrayLike<number>,
  outcome: ArrayLike<number>,
): BinStats {
  for (let i = 0; i < score.length; i++)
    addToBin(stats, binning.index(score[i]), score[i], outcome[i]);
  return stats;
}

/** @internal Adds the sums of `b` into `a` (same number of bins). */
export function mergeBinStats(a: BinStats, b: BinStats): void {
  for (let i = 0; i < a.count.length; i++) {
    a.count[i] += b.count[i];
    a.sumOutcome[i] += b.sumOutcome[i];
  }
  mergeCompensated(a.sumScore, a.sumScoreErr, b.sumScore, b.sumScoreErr);
}

/** @internal Mean score of bin b (its confidence); call only when count > 0. */
export function binConfidence(stats: BinStats, b: number): number {
  return (stats.sumScore[b] + stats.sumScoreErr[b]) / stats.count[b];
}

/**
 * One bin of a calibration result. `confidence` is the mean score in the
 * bin and `accuracy` the mean outcome; both are `null` for an empty bin.
 */
export interface CalibrationBin {
  /** Lower edge of the bin. */
  lo: number;
  /** Upper edge of the bin. */
  hi: number;
  /** Number of scored events in the bin. */
  count: number;
  /** Mean score (confidence) of the bin, `null` when empty. */
  confidence: number | null;
  /** Mean outcome (accuracy, or frequency of the positive class), `null` when empty. */
  accuracy: number | null;
}

/** @internal Plain rows {lo, hi, count, confidence, accuracy} from sums and edges. */
export function binRows(edges: ArrayLike<number>, stats: BinStats): CalibrationBin[] {
  const rows: CalibrationBin[] = [];
  for (let b = 0; b < stats.count.length; b++) {
    const c = stats.count[b];
    rows.push({
      lo: edges[b],
      hi: edges[b + 1],
      count: c,
      confidence: c > 0 ? binConfidence(stats, b) : null,
      accuracy: c > 0 ? stats.sumOutcome[b] / c : null,
    });
  }
  return rows;
}
