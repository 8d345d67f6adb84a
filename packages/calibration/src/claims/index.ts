import type { Claim } from '@lslab/core';
import { smoothingCalibrationClaim } from './smoothingCalibration.js';

export {
  type RealDatasetName,
  type SmoothingCalibrationParams,
  smoothingCalibrationClaim,
} from './smoothingCalibration.js';

/**
 * Every claim of `@lslab/calibration` (C8), for a claim runner to execute at
 * its defaults. Runs train models and read the bundled data sets: Node only.
 *
 * @example
 * calibrationClaims.map((c) => c.id); // ['C8.smoothing-calibration']
 */
export const calibrationClaims: readonly Claim[] = [smoothingCalibrationClaim];
