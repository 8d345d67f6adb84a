export {
  type ApplyTemperatureOptions,
  applyTemperature,
} from './applyTemperature.js';
export { type BootstrapResult, bootstrap } from './bootstrap.js';
export type {
  BootstrapOptions,
  Resampled,
  ResampleMetric,
  UniformSource,
} from './bootstrapTypes.js';
export {
  type FitTemperatureOptions,
  fitTemperature,
  type TemperatureFit,
  type TemperatureStatus,
} from './fitTemperature.js';
export { type PairedBootstrapResult, pairedBootstrap } from './pairedBootstrap.js';
export {
  type ReliabilityDiagram,
  type ReliabilityDiagramOptions,
  type ReliabilityRow,
  reliabilityDiagram,
} from './reliabilityDiagram.js';
