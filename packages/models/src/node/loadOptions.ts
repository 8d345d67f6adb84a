import { createRng } from '@lslab/core';
import type { Dataset, DatasetSplits, SparseDataset } from '../data/dataset.js';
import { type SplitOptions, splitDataset } from '../data/splitDataset.js';

/** Options shared by the Node loaders. */
export interface LoadOptions extends SplitOptions {
  /** Seed of the train/validation/test split (default 0). */
  seed?: number;
}

/** What a Node loader returns: the split (standardised by default) and the whole set as read. */
export type LoadedDataset<D = Dataset> = DatasetSplits<D> & {
  /** Every row after cleaning, in file order, not standardised. */
  readonly all: D;
};

/** @internal Splits with the loader defaults: seed 0, [0.6, 0.2, 0.2], stratified, standardised. */
export function splitLoaded<D extends Dataset | SparseDataset>(
  ds: D,
  options: LoadOptions,
): LoadedDataset<D> {
  const rng = createRng(options.seed ?? 0);
  const splits = splitDataset(ds as Dataset, rng, options) as unknown as DatasetSplits<D>;
  return { ...splits, all: ds };
}
