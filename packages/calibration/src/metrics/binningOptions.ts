import type { BinEdges } from '../internal/binning.js';
import { checkBins, checkChoice } from '../internal/options.js';

/** What a binned calibration error scores. */
export type CalibrationScope = 'top-label' | 'classwise';

/** How bins are placed. */
export type BinningStrategy = 'equal-width' | 'equal-mass';

/** Binning options shared by the binned calibration errors. */
export interface BinningOptions {
  /** Number of bins, an integer ≥ 1. Default 15. */
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

/** @internal Reads and validates the binning options. */
export function readBinningOptions(fn: string, o: BinningOptions): ResolvedBinning {
  return {
    bins: checkBins(fn, o.bins, 15),
    binning: checkChoice(
      fn,
      'options.binning',
      o.binning,
      ['equal-width', 'equal-mass'],
      'equal-width',
    ),
    scope: checkChoice(fn, 'options.scope', o.scope, ['top-label', 'classwise'], 'top-label'),
    edges: checkChoice(fn, 'options.edges', o.edges, ['left', 'right'], 'left'),
  };
}
