import { LslabError, type Matrix } from '@lslab/core';
import { checkOption, checkOptions } from '@lslab/core/validate';
import { binRows, type CalibrationBin } from '../internal/binStats.js';
import { checkProbabilities } from '../internal/probabilities.js';
import { type BinningOptions, readBinningOptions } from './binningOptions.js';
import { type BinnedEvents, binEvents, poolStats } from './internal/binEvents.js';
import { type CalibrationNorm, combineGaps } from './internal/gap.js';

/** Options of {@link expectedCalibrationError}. */
export interface ExpectedCalibrationErrorOptions extends BinningOptions {
  /** `'l1'` (ECE, default), `'l2'` (RMSCE, square root taken) or `'max'` (MCE). */
  norm?: CalibrationNorm;
  /** Kumar et al. (2019) bias correction of the squared per-bin gaps. Default false. */
  debias?: boolean;
}

/** The calibration error of one class (classwise scope). */
export interface ClassCalibration {
  /** Class index. */
  class: number;
  /** The error of p(class) against 1[y = class]. */
  value: number;
  /** Its bins. */
  bins: CalibrationBin[];
}

/** Result of {@link expectedCalibrationError}. */
export interface CalibrationErrorResult {
  /** The calibration error, in [0, 1]. */
  value: number;
  /**
   * The bins. Top-label: one row per bin. Classwise: the bins of all classes
   * pooled (the marginal reliability diagram) when the classes share edges
   * (equal-width), otherwise empty (see `classes`).
   */
  bins: CalibrationBin[];
  /** Classwise only: each class's error and bins; `value` is the mean of their values. */
  classes?: ClassCalibration[];
}

const KNOWN = ['bins', 'binning', 'norm', 'scope', 'edges', 'debias'] as const;

/**
 * Binned calibration error: ECE (l1), RMSCE (l2) or MCE (max), top-label or
 * classwise, equal-width or equal-mass bins, optionally debiased.
 *
 * With bins b holding n_b of the N scored events, mean score conf_b and mean
 * outcome acc_b, and g_b = |acc_b − conf_b|:
 * l1 = Σ_b (n_b/N)·g_b (Guo et al. 2017), l2 = sqrt(Σ_b (n_b/N)·g_b²)
 * (torchmetrics' RMSCE, square root included), max = max_b g_b over non-empty
 * bins. Empty bins are skipped. `scope: 'classwise'` is the mean over classes
 * c of the error of p_c against 1[y = c] (Kull et al. 2019 classwise-ECE =
 * Nixon et al. 2019 SCE). `debias` applies Kumar et al. (2019): g_b² becomes
 * g_b² − acc_b(1 − acc_b)/(n_b − 1) (a one-sample bin contributes 0); l2 clips
 * the sum at 0 before the root, l1 and max use sqrt(max(0, ·)) per bin.
 *
 * Edges: equal-width edges are exactly i/B; `edges: 'left'` bins are
 * [lo, hi) with the last closed at 1 (no extra bin for confidence 1.0),
 * `'right'` bins are (lo, hi] with the first closed at 0 (scikit-learn).
 * Equal-width is one O(N·K) pass with no sort; equal-mass sorts and never
 * splits tied scores, so it may return fewer than B bins.
 *
 * @param probs - an N×K Matrix of probabilities (rows sum to 1 within 1e-6),
 *   or a vector of p(y = 1) scoring the positive class. Logits must go through
 *   `softmax` first.
 * @param labels - class indices in [0, K) (0/1 for a vector), one per row
 * @param options - see {@link ExpectedCalibrationErrorOptions}
 * @returns `{ value, bins }`, plus `classes` for the classwise scope
 * @throws LslabError E_EMPTY, E_SHAPE, E_NOT_FINITE, E_NOT_DISTRIBUTION
 *   (matrix entry outside [0, 1] or bad row sum), E_RANGE (vector entry outside
 *   [0, 1]; bins not an integer ≥ 1), E_LABEL, E_OPTION (unknown option or value)
 * @see [calibration.md](../../../../docs/calibration.md): bin edges, binary semantics, empty bins and the l2 root, peer by peer
 * @example
 * // bin [0.5, 1): confidences 0.6, 0.9, outcomes 1, 0 → |0.5 − 0.75| = 0.25
 * expectedCalibrationError([0.6, 0.9], [1, 0], { bins: 2 }).value; // 0.25
 */
export function expectedCalibrationError(
  probs: Matrix | ArrayLike<number>,
  labels: ArrayLike<number>,
  options?: ExpectedCalibrationErrorOptions,
): CalibrationErrorResult {
  const fn = 'expectedCalibrationError';
  const opts = checkOptions<ExpectedCalibrationErrorOptions>(fn, options, KNOWN);
  const o = readBinningOptions(fn, opts);
  const norm = checkOption(fn, 'options.norm', opts.norm ?? 'l1', ['l1', 'l2', 'max']);
  const debias = opts.debias ?? false;
  if (typeof debias !== 'boolean') {
    throw new LslabError('E_OPTION', fn, 'must be true or false', {
      argument: 'options.debias',
      value: debias,
    });
  }
  const v = checkProbabilities(fn, probs, labels);
  if (o.scope === 'top-label') {
    const { binning, stats } = binEvents(v, null, o);
    return { value: combineGaps(stats, norm, debias), bins: binRows(binning.edges, stats) };
  }
  const parts: BinnedEvents[] = [];
  const classes: ClassCalibration[] = [];
  let sum = 0;
  for (let c = 0; c < v.k; c++) {
    const part = binEvents(v, c, o);
    const value = combineGaps(part.stats, norm, debias);
    parts.push(part);
    classes.push({ class: c, value, bins: binRows(part.binning.edges, part.stats) });
    sum += value;
  }
  const pooled = poolStats(parts);
  const bins = pooled === null ? [] : binRows(parts[0].binning.edges, pooled);
  return { value: sum / v.k, bins, classes };
}
