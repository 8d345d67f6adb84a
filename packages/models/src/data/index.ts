export { type CreateDatasetOptions, createDataset } from './createDataset.js';
export type {
  CsrMatrix,
  Dataset,
  DatasetMeta,
  DatasetSplits,
  SparseDataset,
  Standardization,
} from './dataset.js';
export {
  type HardMarginSvmOptions,
  type HardMarginSvmResult,
  hardMarginSvm,
} from './hardMarginSvm.js';
export { type SplitOptions, splitDataset } from './splitDataset.js';
export { applyStandardization, fitStandardization } from './standardization.js';
export {
  type GaussianMixtureOptions,
  type GaussianMixtureTruth,
  gaussianMixture,
} from './synthetic/gaussianMixture.js';
export {
  type LinearlySeparableOptions,
  type LinearlySeparableTruth,
  linearlySeparable,
} from './synthetic/linearlySeparable.js';
export {
  type OverparameterizedOptions,
  overparameterized,
} from './synthetic/overparameterized.js';
export { simplexEtf } from './synthetic/simplexEtf.js';
export {
  type SoftmaxDataOptions,
  type SoftmaxDataTruth,
  softmaxData,
} from './synthetic/softmaxData.js';
export {
  type UnconstrainedFeaturesDataOptions,
  unconstrainedFeaturesData,
} from './synthetic/unconstrainedFeaturesData.js';
