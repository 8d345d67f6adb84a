export type { CalibrationBin } from '../internal/binStats.js';
export {
  type BinEdges,
  type BinningOptions,
  type BinningStrategy,
  type CalibrationScope,
  MAX_BINS,
} from './binningOptions.js';
export {
  type BrierDecomposition,
  type BrierDecompositionOptions,
  type BrierTerms,
  brierDecomposition,
} from './brierDecomposition.js';
export { brierScore } from './brierScore.js';
export type { CalibrationSummary } from './calibrationSummary.js';
export {
  type CalibrationAccumulator,
  type CalibrationAccumulatorOptions,
  createCalibrationAccumulator,
  MAX_ACCUMULATOR_CELLS,
} from './createCalibrationAccumulator.js';
export {
  type CalibrationErrorResult,
  type ClassCalibration,
  type ExpectedCalibrationErrorOptions,
  expectedCalibrationError,
} from './expectedCalibrationError.js';
export type { CalibrationNorm } from './internal/gap.js';
export { ksCalibrationError } from './ksCalibrationError.js';
export { negativeLogLikelihood } from './negativeLogLikelihood.js';
export { type OverUnderConfidence, overUnderConfidence } from './overUnderConfidence.js';
export {
  type SmoothCalibrationResult,
  type SmoothCurvePoint,
  smoothCalibrationError,
} from './smoothCalibrationError.js';
