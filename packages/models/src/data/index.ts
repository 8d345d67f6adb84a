export { type CreateDatasetOptions, createDataset } from './createDataset.js';
export type {
  CsrMatrix,
  Dataset,
  DatasetMeta,
  DatasetSplits,
  SparseDataset,
  Standardization,
} from './dataset.js';
export { datasetFromCsv } from './datasetFromCsv.js';
export { datasetFromRecords, type FeatureColumn, type RecordSpec } from './datasetFromRecords.js';
export { fnv1a32 } from './fnv1a32.js';
export {
  type HardMarginSvmOptions,
  type HardMarginSvmResult,
  hardMarginSvm,
} from './hardMarginSvm.js';
export { type HashFeaturesOptions, hashFeatures } from './hashFeatures.js';
export { type CsvTable, parseCsv } from './parseCsv.js';
export { parseJsonRecords } from './parseJsonRecords.js';
export { PENGUIN_SPECIES, type PenguinsOptions, penguinsFromJson } from './real/penguins.js';
export { SEATTLE_WEATHER_CLASSES, seattleWeatherFromCsv } from './real/seattleWeather.js';
export { type SpamAssassinRecord, spamAssassinFromRecords } from './real/spamAssassin.js';
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
export { tokenizeEmail } from './tokenizeEmail.js';
