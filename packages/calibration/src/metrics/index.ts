export type { BinEdges } from '../internal/binning.js';
export type { CalibrationBin } from '../internal/binStats.js';
export type { CalibrationNorm } from '../internal/gap.js';
export type { BinningOptions, BinningStrategy, CalibrationScope } from './binningOptions.js';
export {
  type BrierDecomposition,
  type BrierTerms,
  brierDecomposition,
} from './brierDecomposition.js';
export { brierScore } from './brierScore.js';
export type { CalibrationSummary } from './calibrationSummary.js';
export {
  type CalibrationAccumulator,
  type CalibrationAccumulatorOptions,
  createCalibrationAccumulator,
} from './createCalibrationAccumulator.js';
export {
  type CalibrationErrorResult,
  type ClassCalibration,
  type ExpectedCalibrationErrorOptions,
  expectedCalibrationError,
} from './expectedCalibrationError.js';
export { ksCalibrationError } from './ksCalibrationError.js';
export { negativeLogLikelihood } from './negativeLogLikelihood.js';
export { type OverUnderConfidence, overUnderConfidence } from './overUnderConfidence.js';
export {
  type SmoothCalibrationResult,
  type SmoothCurvePoint,
  smoothCalibrationError,
} from './smoothCalibrationError.js';
