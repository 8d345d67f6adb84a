import { LslabError } from '@lslab/core';
import { REAL_DATASETS, type RealDatasetName } from './internal/realData.js';

/** Parameters of claim C8 (`smoothingCalibrationClaim`). */
export type SmoothingCalibrationParams = {
  /** Seed of data, splits and bootstrap. */
  seed: number;
  /** The α sweep; must start with 0 (the hard-label model). */
  alphas: number[];
  /** The α of the checks; one of `alphas`, > 0. */
  alpha: number;
  /** Bootstrap resamples behind every interval. */
  resamples: number;
  /** Coverage of every interval, in (0, 1). */
  level: number;
  /** Equal-width bins of the ECE. */
  bins: number;
  /** K of the synthetic regimes. */
  numClasses: number;
  /** Training rows of the over-confident regime. */
  overN: number;
  /** Features of the over-confident regime (> overN: over-parameterised). */
  overDim: number;
  /** Gradient-descent steps of the over-confident regime. */
  overSteps: number;
  /** Training rows of the well-specified regime. */
  wellN: number;
  /** Features of the well-specified regime. */
  wellDim: number;
  /** Validation rows (fitting T) of each synthetic regime. */
  validationN: number;
  /** Test rows (every metric) of each synthetic regime. */
  testN: number;
  /** Bundled real data sets to sweep (read from disk: Node only). */
  datasets: RealDatasetName[];
};

const FN = 'smoothingCalibrationClaim';

/** @internal Throws `E_RANGE` / `E_OPTION` for parameters the claim cannot run with. */
export function validateParams(p: SmoothingCalibrationParams): void {
  if (!Array.isArray(p.alphas) || p.alphas[0] !== 0 || p.alphas.length < 2) {
    throw new LslabError('E_RANGE', FN, 'must start with 0 and hold at least one α > 0', {
      argument: 'params.alphas',
      value: p.alphas,
    });
  }
  for (const a of p.alphas) {
    if (!(a >= 0 && a < 1)) {
      throw new LslabError('E_RANGE', FN, 'every α must lie in [0, 1)', {
        argument: 'params.alphas',
        value: a,
      });
    }
  }
  if (!(p.alpha > 0) || !p.alphas.includes(p.alpha)) {
    throw new LslabError('E_RANGE', FN, 'must be one of params.alphas and > 0', {
      argument: 'params.alpha',
      value: p.alpha,
    });
  }
  for (const d of p.datasets) {
    if (!REAL_DATASETS.includes(d)) {
      throw new LslabError('E_OPTION', FN, `is not one of ${REAL_DATASETS.join(', ')}`, {
        argument: 'params.datasets',
        value: d,
      });
    }
  }
}
