import { LslabError, type Matrix } from '@lslab/core';
import { checkInteger, checkOptions } from '@lslab/core/validate';
import { equalWidthBinning } from '../internal/binning.js';
import { binRows } from '../internal/binStats.js';
import { checkProbabilities } from '../internal/probabilities.js';
import { type BinEdges, readBins, readEdges } from './binningOptions.js';
import type { CalibrationSummary } from './calibrationSummary.js';
import {
  type AccumulatorState,
  accumulateBatch,
  emptyState,
  mergeState,
} from './internal/accumulateBatch.js';
import { combineGaps } from './internal/gap.js';

/** The largest bins × numClasses of an accumulator (its per-class bins are allocated up front). */
export const MAX_ACCUMULATOR_CELLS = 10_000_000;

/** Options of {@link createCalibrationAccumulator}. */
export interface CalibrationAccumulatorOptions {
  /** Number of equal-width bins (edges exactly i/B), an integer ≥ 1. Default 15. */
  bins?: number;
  /** Number of classes K ≥ 2 (required); K = 2 also accepts vectors of p(y = 1). */
  numClasses: number;
  /** `'left'` [lo, hi) (default) or `'right'` (lo, hi]. */
  edges?: BinEdges;
}

/** A mergeable accumulator of calibration statistics; see {@link createCalibrationAccumulator}. */
export interface CalibrationAccumulator {
  /** Number of bins. */
  readonly bins: number;
  /** Number of classes. */
  readonly numClasses: number;
  /** Closed side of the bins. */
  readonly edges: BinEdges;
  /** Rows added so far (including merged ones). */
  readonly count: number;
  /** Adds a batch (same input rules as `expectedCalibrationError`); returns this accumulator. */
  add(probs: Matrix | ArrayLike<number>, labels: ArrayLike<number>): CalibrationAccumulator;
  /** Adds the statistics of another accumulator with the same settings; returns this one. */
  merge(other: CalibrationAccumulator): CalibrationAccumulator;
  /** The metrics of everything added so far. */
  result(): CalibrationSummary;
}

const STATE = new WeakMap<CalibrationAccumulator, AccumulatorState>();

/**
 * Creates a mergeable accumulator for equal-width ECE, MCE, RMSCE,
 * classwise ECE, Brier score and NLL. Feed it batches with `add`, or build one
 * per shard and `merge` them: the result equals one pass over all rows —
 * bin counts and outcome counts exactly (they are integers), and the float
 * sums (confidences, Brier, NLL) to a few ulps, because they are kept as
 * compensated (Neumaier) sums whose value does not depend on the order of
 * the terms beyond about one rounding. A single `add` of all rows gives
 * bitwise the numbers of `expectedCalibrationError` with the same `bins` and
 * `edges`.
 *
 * Rows follow the rules of the metrics: matrix rows are scored top-label;
 * with `numClasses: 2` a vector of p(y = 1) scores the positive class (and
 * Brier is then on the [0, 1] scale). One accumulator takes one kind of input.
 *
 * @param options - `{ bins = 15, numClasses, edges = 'left' }`
 * @returns an empty accumulator
 * @throws LslabError E_RANGE for bins or numClasses, E_OPTION for unknown options;
 *   `add` throws as the metrics do, plus E_SHAPE for a matrix with another K
 *   or a change of input kind; `merge` throws E_OPTION for other settings;
 *   `result` throws E_EMPTY before any row
 * @see [calibration.md](../../../../docs/calibration.md): the bin conventions the accumulator shares
 * @example
 * const acc = createCalibrationAccumulator({ bins: 2, numClasses: 2 });
 * acc.add([0.6], [1]).add([0.9], [0]);
 * acc.result().ece; // |0.5 − 0.75| = 0.25, as expectedCalibrationError([0.6, 0.9], [1, 0], { bins: 2 })
 */
export function createCalibrationAccumulator(
  options: CalibrationAccumulatorOptions,
): CalibrationAccumulator {
  const fn = 'createCalibrationAccumulator';
  const o = checkOptions<CalibrationAccumulatorOptions>(fn, options, [
    'bins',
    'numClasses',
    'edges',
  ]);
  const bins = readBins(fn, o.bins);
  const k = checkInteger(fn, 'options.numClasses', o.numClasses, { min: 2 });
  if (bins * k > MAX_ACCUMULATOR_CELLS) {
    throw new LslabError(
      'E_RANGE',
      fn,
      `bins × numClasses = ${bins * k} exceeds the limit ${MAX_ACCUMULATOR_CELLS}`,
      {
        argument: 'options.bins',
        value: bins,
      },
    );
  }
  const edges = readEdges(fn, o.edges);
  const binning = equalWidthBinning(bins, edges);
  const state: AccumulatorState = emptyState(bins, k);
  const acc: CalibrationAccumulator = {
    bins,
    numClasses: k,
    edges,
    get count() {
      return state.n;
    },
    add(probs, labels) {
      const v = checkProbabilities('CalibrationAccumulator.add', probs, labels);
      accumulateBatch(state, v, k, binning);
      return acc;
    },
    merge(other) {
      const o = STATE.get(other);
      if (
        o === undefined ||
        other.bins !== bins ||
        other.numClasses !== k ||
        other.edges !== edges
      ) {
        throw new LslabError(
          'E_OPTION',
          'CalibrationAccumulator.merge',
          `needs an accumulator with bins ${bins}, numClasses ${k}, edges '${edges}'`,
          { argument: 'other' },
        );
      }
      if (o.vector !== null && state.vector !== null && o.vector !== state.vector) {
        throw new LslabError(
          'E_SHAPE',
          'CalibrationAccumulator.merge',
          'mixes vector and matrix input',
          {
            argument: 'other',
          },
        );
      }
      mergeState(state, o, k);
      return acc;
    },
    result() {
      if (state.n === 0) {
        throw new LslabError('E_EMPTY', 'CalibrationAccumulator.result', 'has no rows yet', {
          argument: 'accumulator',
        });
      }
      let classwise = 0;
      for (let c = 0; c < k; c++) classwise += combineGaps(state.perClass[c], 'l1', false);
      return {
        n: state.n,
        ece: combineGaps(state.top, 'l1', false),
        mce: combineGaps(state.top, 'max', false),
        rmsce: combineGaps(state.top, 'l2', false),
        classwiseEce: classwise / k,
        brier: (state.sums[0] + state.errs[0]) / state.n,
        nll: (state.sums[1] + state.errs[1]) / state.n,
        bins: binRows(binning.edges, state.top),
      };
    },
  };
  STATE.set(acc, state);
  return acc;
}
