export {
  bootstrap,
  MAX_BOOTSTRAP_VALUES,
  type Resampled,
  type ResampleMetric,
} from './bootstrap.js';
export { MAX_RESAMPLES, type ResampleOptions } from './bootstrapOptions.js';
export type { BootstrapInterval, BootstrapResult, PairedInterval } from './bootstrapResult.js';
