import type { Matrix } from '@lslab/core';
import { checkOptions } from '@lslab/core/validate';
import { type BinStats, binConfidence } from '../internal/binStats.js';
import { checkProbabilities } from '../internal/probabilities.js';
import { type BinningOptions, readBinningOptions } from './binningOptions.js';
import { binEvents } from './internal/binEvents.js';

/** Result of {@link overUnderConfidence}. */
export interface OverUnderConfidence {
  /** Σ over bins with conf_b > acc_b of (n_b/N)(conf_b − acc_b). */
  overconfidence: number;
  /** Σ over bins with acc_b > conf_b of (n_b/N)(acc_b − conf_b). */
  underconfidence: number;
}

const KNOWN = ['bins', 'binning', 'scope', 'edges'] as const;

function split(stats: BinStats): OverUnderConfidence {
  let total = 0;
  for (let b = 0; b < stats.count.length; b++) total += stats.count[b];
  let over = 0;
  let under = 0;
  for (let b = 0; b < stats.count.length; b++) {
    const nb = stats.count[b];
    if (nb === 0) continue;
    const d = binConfidence(stats, b) - stats.sumOutcome[b] / nb;
    if (d > 0) over += (nb / total) * d;
    else under -= (nb / total) * d;
  }
  return { overconfidence: over, underconfidence: under };
}

/**
 * Splits the l1 ECE into its over-confident and under-confident parts:
 * overconfidence = Σ_{b: conf_b > acc_b} (n_b/N)(conf_b − acc_b) and
 * underconfidence = Σ_{b: acc_b > conf_b} (n_b/N)(acc_b − conf_b), so that
 * overconfidence + underconfidence = `expectedCalibrationError(…, { norm: 'l1' })`
 * with the same binning options (to rounding). For the classwise scope each
 * part is the mean over classes.
 *
 * @param probs - N×K probabilities (rows sum to 1 within 1e-6) or a vector of p(y = 1)
 * @param labels - class indices in [0, K) (0/1 for a vector)
 * @param options - `bins`, `binning`, `scope`, `edges` as in `expectedCalibrationError`
 * @returns `{ overconfidence, underconfidence }`, each in [0, 1]
 * @throws LslabError as `expectedCalibrationError`
 * @example
 * // bins [0, 0.5): conf 0.2, acc 1 (under 0.8); [0.5, 1]: conf 0.9, acc 0 (over 0.9)
 * overUnderConfidence([0.2, 0.9], [1, 0], { bins: 2 }); // { overconfidence: 0.45, underconfidence: 0.4 }
 */
export function overUnderConfidence(
  probs: Matrix | ArrayLike<number>,
  labels: ArrayLike<number>,
  options?: BinningOptions,
): OverUnderConfidence {
  const fn = 'overUnderConfidence';
  const o = readBinningOptions(fn, checkOptions<BinningOptions>(fn, options, KNOWN));
  const v = checkProbabilities(fn, probs, labels);
  if (o.scope === 'top-label') return split(binEvents(v, null, o).stats);
  let over = 0;
  let under = 0;
  for (let c = 0; c < v.k; c++) {
    const part = split(binEvents(v, c, o).stats);
    over += part.overconfidence;
    under += part.underconfidence;
  }
  return { overconfidence: over / v.k, underconfidence: under / v.k };
}
