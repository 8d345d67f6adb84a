export { type ApplyTemperatureOptions, applyTemperature } from './applyTemperature.js';
export {
  type FitTemperatureOptions,
  fitTemperature,
  type TemperatureFit,
  type TemperatureStatus,
} from './fitTemperature.js';
