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
export { type CsvTable, parseCsv } from './parseCsv.js';
export { parseJsonRecords } from './parseJsonRecords.js';
export { type SplitOptions, splitDataset } from './splitDataset.js';
export { applyStandardization, fitStandardization } from './standardization.js';
