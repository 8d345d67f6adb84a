import type { Claim } from '@lslab/core';
import { c8SmoothingCalibration } from './C8.smoothing-calibration/index.js';

export {
  c8SmoothingCalibration,
  type RealDatasetName,
  type SmoothingCalibrationParams,
} from './C8.smoothing-calibration/index.js';

/**
 * Every claim of `@lslab/calibration` (C8), for a claim runner to execute at
 * its defaults. Runs train models and read the bundled data sets: Node only.
 *
 * @example
 * claims.map((c) => c.id); // ['C8.smoothing-calibration']
 */
export const claims: readonly Claim[] = [c8SmoothingCalibration];
