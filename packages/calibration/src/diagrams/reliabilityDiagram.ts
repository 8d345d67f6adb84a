import { LslabError, type Matrix } from '@lslab/core';
import { checkOptions } from '@lslab/core/validate';
import { edgesIndex } from '../internal/binning.js';
import { binRows } from '../internal/binStats.js';
import { checkProbabilities } from '../internal/probabilities.js';
import { scoredEvents } from '../internal/topLabel.js';
import {
  type BinEdges,
  type BinningStrategy,
  readBinningOptions,
} from '../metrics/binningOptions.js';
import { binEvents } from '../metrics/internal/binEvents.js';
import { combineGaps } from '../metrics/internal/gap.js';
import { type ResampleOptions, readResampleOptions } from '../resampling/bootstrapOptions.js';
import { binBands } from './internal/binBands.js';

/** Options of {@link reliabilityDiagram}. */
export interface ReliabilityDiagramOptions extends ResampleOptions {
  /** Number of bins, an integer in [1, 10⁶]. Default 15. */
  bins?: number;
  /** `'equal-width'` (default) or `'equal-mass'`, as in `expectedCalibrationError`. */
  binning?: BinningStrategy;
  /** `'left'` [lo, hi) (default) or `'right'` (lo, hi], as in `expectedCalibrationError`. */
  edges?: BinEdges;
}

/** The largest resamples × bins of the bands (8 bytes each, allocated up front). */
const MAX_BAND_VALUES = 100_000_000;

/** One bin of a reliability diagram; the statistics are `null` for an empty bin. */
export interface ReliabilityRow {
  /** Lower edge. */
  lo: number;
  /** Upper edge. */
  hi: number;
  /** (lo + hi)/2. */
  center: number;
  /** Number of scored events in the bin. */
  count: number;
  /** Mean score (confidence) in the bin. */
  confidence: number | null;
  /** Mean outcome (accuracy, or frequency of the positive class) in the bin. */
  accuracy: number | null;
  /** confidence − accuracy: > 0 over-confident, < 0 under-confident. */
  gap: number | null;
  /** Lower end of the bootstrap band of `accuracy`. */
  lower: number | null;
  /** Upper end of the bootstrap band of `accuracy`. */
  upper: number | null;
}

/** Result of {@link reliabilityDiagram}. */
export interface ReliabilityDiagram {
  /** One row per bin, in order. Plain objects, ready for Vega-Lite `data.values`. */
  rows: ReliabilityRow[];
  /** ECE (l1, top-label) with the same bins: Σ_b (n_b/N)·|accuracy_b − confidence_b|. */
  ece: number;
  /** Number of rows of the input. */
  n: number;
  /** Coverage of the bands. */
  level: number;
  /** Resamples behind the bands. */
  resamples: number;
}

const FN = 'reliabilityDiagram';
const KNOWN = ['bins', 'binning', 'edges', 'level', 'resamples', 'seed', 'rng'] as const;

/**
 * The data of a reliability diagram: per bin the mean confidence, the
 * accuracy, their gap, the count and a bootstrap band of the accuracy, plus
 * the ECE — as plain rows for a Vega-Lite chart.
 *
 * Bins, edges and scores are exactly those of `expectedCalibrationError` with
 * the same `bins`, `binning` and `edges` (top-label for a matrix; the positive
 * class for a vector of p(y = 1)), and `ece` is its value. Bands: the N rows
 * are resampled with replacement (seeded, drawn as in `bootstrap`), each row keeps
 * the bin it has in the full data (equal-mass edges are not recomputed), and
 * the band is the percentile interval of the bin's accuracy over the resamples
 * in which the bin is not empty.
 *
 * @param probs - N×K Matrix of probabilities or a vector of p(y = 1)
 * @param labels - N class indices (0/1 for a vector)
 * @param options - `bins` (15), `binning`, `edges`, `level` (0.95), `resamples` (1000), `seed` (0), `rng`
 * @returns `{ rows, ece, n, level, resamples }`
 * @throws LslabError as `expectedCalibrationError`, plus `E_RANGE` for `level`, `resamples`, `seed`
 * @see [calibration.md](../../../../docs/calibration.md): bin edges and empty bins
 * @example
 * const d = reliabilityDiagram([0.6, 0.9], [1, 0], { bins: 2, resamples: 100 });
 * d.rows[1]; // { lo: 0.5, hi: 1, center: 0.75, count: 2, confidence: 0.75, accuracy: 0.5, gap: 0.25, lower: 0, upper: 1 }
 * d.ece;     // 0.25
 */
export function reliabilityDiagram(
  probs: Matrix | ArrayLike<number>,
  labels: ArrayLike<number>,
  options?: ReliabilityDiagramOptions,
): ReliabilityDiagram {
  const o = checkOptions<ReliabilityDiagramOptions>(FN, options, KNOWN);
  const { resamples, level, rng } = readResampleOptions(FN, o);
  const binOptions = readBinningOptions(FN, { bins: o.bins, binning: o.binning, edges: o.edges });
  if (resamples * binOptions.bins > MAX_BAND_VALUES) {
    throw new LslabError(
      'E_RANGE',
      FN,
      `resamples × bins = ${resamples * binOptions.bins} exceeds the limit ${MAX_BAND_VALUES}`,
      {
        argument: 'options.resamples',
        value: resamples,
      },
    );
  }
  const v = checkProbabilities(FN, probs, labels);
  const { binning, stats } = binEvents(v, null, binOptions);
  const bins = binRows(binning.edges, stats);
  const { score, outcome } = scoredEvents(v);
  const bin = new Uint32Array(v.n);
  for (let i = 0; i < v.n; i++) bin[i] = edgesIndex(score[i], binning.edges, binning.side);
  const bands = binBands(bin, outcome, binning.count, resamples, level, rng);
  const rows = bins.map((b, i): ReliabilityRow => {
    const gap = b.confidence === null || b.accuracy === null ? null : b.confidence - b.accuracy;
    return {
      lo: b.lo,
      hi: b.hi,
      center: (b.lo + b.hi) / 2,
      count: b.count,
      confidence: b.confidence,
      accuracy: b.accuracy,
      gap,
      lower: bands.lower[i],
      upper: bands.upper[i],
    };
  });
  return { rows, ece: combineGaps(stats, 'l1', false), n: v.n, level, resamples };
}
