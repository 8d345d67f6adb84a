export type {
  CsrMatrix,
  Dataset,
  DatasetMeta,
  DatasetSplits,
  SparseDataset,
  Standardization,
} from './dataset.js';
