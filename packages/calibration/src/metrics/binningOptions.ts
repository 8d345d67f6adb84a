import { checkInteger, checkOption } from '@lslab/core/validate';

/** What a binned calibration error scores. */
export type CalibrationScope = 'top-label' | 'classwise';

/** Which side of a bin is closed: `'left'` [lo, hi) (default), `'right'` (lo, hi]. */
export type BinEdges = 'left' | 'right';

/** How bins are placed. */
export type BinningStrategy = 'equal-width' | 'equal-mass';

/** The largest number of bins any function accepts: bins are allocated up front. */
export const MAX_BINS = 1_000_000;

/** Binning options shared by the binned calibration errors. */
export interface BinningOptions {
  /** Number of bins, an integer in [1, {@link MAX_BINS}]. Default 15. */
  bins?: number;
  /** `'equal-width'` (edges exactly i/B, default) or `'equal-mass'` (quantile bins, ties never split). */
  binning?: BinningStrategy;
  /**
   * `'top-label'` (default): the largest probability of each row against
   * 1[y = argmax]; a vector input always scores the positive class.
   * `'classwise'`: the mean over classes of the error of p_c against 1[y = c].
   */
  scope?: CalibrationScope;
  /** `'left'`: bins [lo, hi), the last closed at 1 (default). `'right'`: (lo, hi], the first closed at 0. */
  edges?: BinEdges;
}

/** @internal Validated binning options. */
export interface ResolvedBinning {
  bins: number;
  binning: BinningStrategy;
  scope: CalibrationScope;
  edges: BinEdges;
}

/**
 * @internal The number of bins: an integer in [1, MAX_BINS] (default 15),
 * checked before anything is allocated.
 */
export function readBins(fn: string, value: unknown): number {
  return checkInteger(fn, 'options.bins', value ?? 15, { min: 1, max: MAX_BINS });
}

/** @internal The closed side of the bins, `'left'` by default. */
export function readEdges(fn: string, value: unknown): BinEdges {
  return checkOption(fn, 'options.edges', value ?? 'left', ['left', 'right']);
}

/** @internal Reads and validates the binning options. */
export function readBinningOptions(fn: string, o: BinningOptions): ResolvedBinning {
  return {
    bins: readBins(fn, o.bins),
    binning: checkOption(fn, 'options.binning', o.binning ?? 'equal-width', [
      'equal-width',
      'equal-mass',
    ]),
    scope: checkOption(fn, 'options.scope', o.scope ?? 'top-label', ['top-label', 'classwise']),
    edges: readEdges(fn, o.edges),
  };
}
