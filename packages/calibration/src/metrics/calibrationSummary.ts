import type { CalibrationBin } from '../internal/binStats.js';

/** The metrics a calibration accumulator reports (equal-width bins). */
export interface CalibrationSummary {
  /** Number of rows. */
  n: number;
  /** l1 ECE (top-label, or positive class for vector input). */
  ece: number;
  /** Maximum calibration error over non-empty bins. */
  mce: number;
  /** Root-mean-square calibration error sqrt(Σ_b (n_b/N) gap_b²). */
  rmsce: number;
  /** Classwise ECE: mean over classes of the l1 ECE of p_c against 1[y = c]. */
  classwiseEce: number;
  /** Brier score ([0, 2] for matrices, [0, 1] for vectors of p(y = 1)). */
  brier: number;
  /** Mean negative log-likelihood (may be +Infinity). */
  nll: number;
  /** The top-label (or positive-class) bins. */
  bins: CalibrationBin[];
}
