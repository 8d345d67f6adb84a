export { c8SmoothingCalibration } from './claim.js';
export type { SmoothingCalibrationParams } from './params.js';
export type { RealDatasetName } from './realData.js';
