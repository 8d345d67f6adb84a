import { createRng, LslabError } from '@lslab/core';
import { checkOptions, checkSeed } from '@lslab/core/validate';
import {
  type Dataset,
  type DatasetSplits,
  type SparseDataset,
  type SplitOptions,
  splitDataset,
} from '@lslab/models';

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

/** @internal The keys every loader takes; a loader adds its own. */
export const LOAD_KEYS = ['seed', 'fractions', 'stratify', 'standardize'] as const;

/**
 * @internal Checks a loader's options at its door (unknown keys → E_OPTION
 * naming the loader) and returns them, `{}` for `undefined`.
 */
export function checkLoadOptions<T extends LoadOptions>(
  fn: string,
  options: T | undefined,
  own: readonly (keyof T & string)[] = [],
): Partial<T> {
  const o = checkOptions<T>(fn, options, [...LOAD_KEYS, ...own] as (keyof T & string)[]);
  if (o.seed !== undefined) checkSeed(fn, 'options.seed', o.seed);
  return o;
}

/**
 * @internal Splits with the loader defaults: seed 0, [0.6, 0.2, 0.2],
 * stratified, standardised. `splitDataset` checks the split options; an
 * error it throws is thrown again as the loader's (`fn`), the option named
 * as the caller wrote it, since the caller called the loader.
 */
export function splitLoaded<D extends Dataset | SparseDataset>(
  fn: string,
  ds: D,
  options: LoadOptions,
): LoadedDataset<D> {
  const rng = createRng(options.seed ?? 0);
  const { fractions, stratify, standardize } = options;
  const split: SplitOptions = {
    ...(fractions === undefined ? {} : { fractions }),
    ...(stratify === undefined ? {} : { stratify }),
    ...(standardize === undefined ? {} : { standardize }),
  };
  let splits: DatasetSplits<D>;
  try {
    splits = splitDataset(ds as Dataset, rng, split) as unknown as DatasetSplits<D>;
  } catch (e) {
    if (e instanceof LslabError && e.fn === 'splitDataset')
      throw new LslabError(e.code, fn, e.problem, e.details);
    throw e;
  }
  return { ...splits, all: ds };
}
