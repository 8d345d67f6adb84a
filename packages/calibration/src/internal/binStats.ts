import type { Binning } from './binning.js';

/**
 * @internal Per-bin sums of scored events. `count` holds integer counts
 * (exact in Float64 up to 2^53), `sumScore` Σ score and `sumOutcome` Σ outcome
 * (an integer count of outcomes equal to 1, also exact).
 */
export interface BinStats {
  readonly count: Float64Array;
  readonly sumScore: Float64Array;
  readonly sumOutcome: Float64Array;
}

/** @internal Zeroed sums for `bins` bins. */
export function emptyBinStats(bins: number): BinStats {
  return {
    count: new Float64Array(bins),
    sumScore: new Float64Array(bins),
    sumOutcome: new Float64Array(bins),
  };
}

/** @internal Adds each (score, outcome) pair to its bin. */
export function addToBins(
  stats: BinStats,
  binning: Binning,
  score: ArrayLike<number>,
  outcome: ArrayLike<number>,
): BinStats {
  const { count, sumScore, sumOutcome } = stats;
  for (let i = 0; i < score.length; i++) {
    const b = binning.index(score[i]);
    count[b] += 1;
    sumScore[b] += score[i];
    sumOutcome[b] += outcome[i];
  }
  return stats;
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
      confidence: c > 0 ? stats.sumScore[b] / c : null,
      accuracy: c > 0 ? stats.sumOutcome[b] / c : null,
    });
  }
  return rows;
}
