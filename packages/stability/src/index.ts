export { binaryLossLipschitz } from './binaryLossLipschitz.js';
export { bousquetElisseeffBound } from './bousquetElisseeffBound.js';
export {
  type EstimateLipschitzOptions,
  estimateLipschitz,
  type LipschitzEstimate,
} from './estimateLipschitz.js';
export type { LipschitzNorm } from './internal/norms.js';
export {
  type LabelFlipStabilityOptions,
  type LabelFlipStabilityResult,
  labelFlipStability,
} from './labelFlipStability.js';
export { type LossLipschitzOptions, lossLipschitz } from './lossLipschitz.js';
export {
  type StabilityCell,
  type StabilitySweepOptions,
  type StabilitySweepProgress,
  type StabilitySweepResult,
  stabilitySweep,
} from './stabilitySweep.js';
