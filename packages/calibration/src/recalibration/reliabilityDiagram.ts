import type { Matrix } from '@lslab/core';
import { type BinEdges, edgesIndex } from '../internal/binning.js';
import { normalizeInput } from '../internal/input.js';
import { checkKnownOptions } from '../internal/options.js';
import { scoredEvents } from '../internal/topLabel.js';
import type { BinningStrategy } from '../metrics/binningOptions.js';
import { expectedCalibrationError } from '../metrics/expectedCalibrationError.js';
import type { UniformSource } from './bootstrapTypes.js';
import { binBands } from './internal/binBands.js';
import { resampleSettings } from './internal/resample.js';

/** Options of {@link reliabilityDiagram}. */
export interface ReliabilityDiagramOptions {
  /** Number of bins, an integer ≥ 1. Default 15. */
  bins?: number;
  /** `'equal-width'` (default) or `'equal-mass'`, as in `expectedCalibrationError`. */
  binning?: BinningStrategy;
  /** `'left'` [lo, hi) (default) or `'right'` (lo, hi], as in `expectedCalibrationError`. */
  edges?: BinEdges;
  /** Coverage of the per-bin bands, in (0, 1). Default 0.95. */
  level?: number;
  /** Bootstrap resamples for the bands, an integer ≥ 1. Default 1000. */
  resamples?: number;
  /** Seed of the built-in generator (a safe integer). Default 0. */
  seed?: number;
  /** A source of uniforms in [0, 1) to use instead of the seed. */
  rng?: UniformSource;
}

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
 * are resampled with replacement (seeded, as in `bootstrap`), each row keeps
 * the bin it has in the full data (equal-mass edges are not recomputed), and
 * the band is the percentile interval of the bin's accuracy over the resamples
 * in which the bin is not empty.
 *
 * @param probs - N×K Matrix of probabilities or a vector of p(y = 1)
 * @param labels - N class indices (0/1 for a vector)
 * @param options - `bins` (15), `binning`, `edges`, `level` (0.95), `resamples` (1000), `seed` (0), `rng`
 * @returns `{ rows, ece, n, level, resamples }`
 * @throws LslabError as `expectedCalibrationError`, plus `E_RANGE` for `level`, `resamples`, `seed`
 * @example
 * const d = reliabilityDiagram([0.6, 0.9], [1, 0], { bins: 2, resamples: 100 });
 * d.rows[1]; // { lo: 0.5, hi: 1, center: 0.75, count: 2, confidence: 0.75, accuracy: 0.5, gap: 0.25, lower: 0, upper: 1 }
 * d.ece;     // 0.25
 */
export function reliabilityDiagram(
  probs: Matrix | ArrayLike<number>,
  labels: ArrayLike<number>,
  options: ReliabilityDiagramOptions = {},
): ReliabilityDiagram {
  checkKnownOptions(FN, options, KNOWN);
  const { resamples, level, source } = resampleSettings(FN, options);
  const side = options.edges ?? 'left';
  const ece = expectedCalibrationError(probs, labels, {
    bins: options.bins,
    binning: options.binning,
    edges: side,
  });
  const v = normalizeInput(FN, probs, labels);
  const { score, outcome } = scoredEvents(v);
  const count = ece.bins.length;
  const edges = new Float64Array(count + 1);
  for (let b = 0; b < count; b++) edges[b] = ece.bins[b].lo;
  edges[count] = ece.bins[count - 1].hi;
  const bin = new Uint32Array(v.n);
  for (let i = 0; i < v.n; i++) bin[i] = edgesIndex(score[i], edges, side);
  const bands = binBands(FN, bin, outcome, count, resamples, level, source);
  const rows = ece.bins.map((b, i): ReliabilityRow => {
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
  return { rows, ece: ece.value, n: v.n, level, resamples };
}
