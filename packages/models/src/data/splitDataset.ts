import { LslabError, MAX_ELEMENTS, type Rng } from '@lslab/core';
import {
  checkFiniteMatrix,
  checkInteger,
  checkLabels,
  checkMatrix,
  checkOptions,
  checkRng,
} from '@lslab/core/validate';
import type { Dataset, DatasetSplits, SparseDataset, Standardization } from './dataset.js';
import {
  applyCsrScaling,
  classCounts,
  fitCsrScaling,
  takeCsrRows,
  takeRows,
} from './internal/rows.js';
import { checkFractions, splitIndices } from './internal/splitIndices.js';
import { applyStandardization, fitStandardization } from './standardization.js';

/** Options of {@link splitDataset}. */
export interface SplitOptions {
  /**
   * [train, validation, test], each ≥ 0 (train > 0), summing to 1 within 1e-9;
   * a value within 1e-9 below 0 counts as 0. Default [0.6, 0.2, 0.2].
   */
  fractions?: readonly [number, number, number];
  /** Keep the class proportions in every part (default true). */
  stratify?: boolean;
  /** Standardise with training statistics (default true). */
  standardize?: boolean;
}

/**
 * Splits a data set into train, validation and test parts, deterministically
 * for a given generator state. With `stratify`, each class is split on its
 * own: of its m rows, round(f_train·m) go to train, min(round(f_val·m), rest)
 * to validation and the rest to test, chosen by a random permutation of the
 * class drawn from `rng` (classes in order 0..K−1). Rows keep their original
 * order inside each part; `meta.indices` lists them. Only the data-set fields
 * are carried over: extra fields such as a generator's `truth` describe the
 * unsplit rows and are left behind.
 *
 * With `standardize`, statistics are computed on the training rows only and
 * applied to all three parts, and returned as `standardization`:
 * - dense: x' = (x − mean) / std ({@link fitStandardization});
 * - sparse (CSR): x' = x / std with std over the training rows, zeros
 *   included, and mean reported as 0 — centring would destroy sparsity.
 *
 * @param ds - the data set (dense or sparse)
 * @param rng - the generator; it is advanced
 * @param options - fractions, stratification, standardisation
 * @returns `{ train, validation, test, standardization? }`; a part may be
 *   empty when its fraction is 0 or a class is very small
 * @throws LslabError `E_RANGE` for bad fractions (not three, negative, train
 *   0, or a sum ≠ 1 beyond 1e-9), `E_EMPTY` for an empty data set, `E_SHAPE`
 *   for something that is not a data set, `E_OPTION` for an unknown option, a
 *   `stratify` or `standardize` that is not a boolean, or an `rng` that is not one
 * @example
 * const ds = gaussianMixture(createRng(0), { numClasses: 2, dim: 2, nPerClass: 20 });
 * const s = splitDataset(ds, createRng(1), { fractions: [0.5, 0.25, 0.25] });
 * s.train.x.rows + s.validation.x.rows + s.test.x.rows === ds.x.rows; // true
 */
export function splitDataset(ds: Dataset, rng: Rng, options?: SplitOptions): DatasetSplits<Dataset>;
export function splitDataset(
  ds: SparseDataset,
  rng: Rng,
  options?: SplitOptions,
): DatasetSplits<SparseDataset>;
export function splitDataset(
  ds: Dataset | SparseDataset,
  rng: Rng,
  optionsArg?: SplitOptions,
): DatasetSplits<Dataset | SparseDataset> {
  const fn = 'splitDataset';
  if (
    ds === null ||
    typeof ds !== 'object' ||
    ds.x === null ||
    typeof ds.x !== 'object' ||
    !(ds.y instanceof Int32Array) ||
    !Number.isInteger(ds.numClasses)
  ) {
    throw new LslabError('E_SHAPE', fn, 'is not a data set { x, y, numClasses, … }', {
      argument: 'ds',
    });
  }
  checkInteger(fn, 'ds.numClasses', ds.numClasses, { min: 2, max: MAX_ELEMENTS });
  checkLabels(fn, 'ds.y', ds.y, ds.y.length, ds.numClasses);
  if (!('indptr' in ds.x)) {
    checkMatrix(fn, 'ds.x', ds.x);
    checkFiniteMatrix(fn, 'ds.x', ds.x);
    if (ds.x.rows !== ds.y.length) {
      throw new LslabError('E_SHAPE', fn, `has ${ds.x.rows} rows, ds.y has ${ds.y.length} labels`, {
        argument: 'ds.x',
      });
    }
  }
  for (const [name, list, n] of [
    ['ds.featureNames', ds.featureNames, ds.x.cols],
    ['ds.classNames', ds.classNames, ds.numClasses],
  ] as const) {
    if (!Array.isArray(list) || list.length !== n || !list.every((s) => typeof s === 'string')) {
      throw new LslabError('E_SHAPE', fn, `is not an array of ${n} names`, { argument: name });
    }
  }
  checkRng(fn, 'rng', rng);
  const options = checkOptions<SplitOptions>(fn, optionsArg, [
    'fractions',
    'stratify',
    'standardize',
  ]);
  const fractions = checkFractions(fn, options.fractions ?? [0.6, 0.2, 0.2]);
  for (const key of ['stratify', 'standardize'] as const) {
    const v = options[key];
    if (v !== undefined && typeof v !== 'boolean') {
      throw new LslabError('E_OPTION', fn, 'must be true or false', {
        argument: `options.${key}`,
        value: v,
      });
    }
  }
  if (ds.y.length === 0) throw new LslabError('E_EMPTY', fn, 'has no rows', { argument: 'ds' });
  const idx = splitIndices(ds.y, ds.numClasses, fractions, options.stratify ?? true, rng);
  const names = ['train', 'validation', 'test'] as const;
  const sparse = 'indptr' in ds.x;
  let standardization: Standardization | undefined;
  if (options.standardize ?? true) {
    if ('indptr' in ds.x) standardization = fitCsrScaling(takeCsrRows(ds.x, idx[0]));
    else standardization = fitStandardization(takeRows(ds.x, idx[0]));
  }
  const parts = idx.map((rows, p) => {
    let x: Dataset['x'] | SparseDataset['x'];
    if ('indptr' in ds.x) {
      x = takeCsrRows(ds.x, rows);
      if (standardization) x = applyCsrScaling(x, standardization);
    } else {
      x = takeRows(ds.x, rows);
      if (standardization) x = applyStandardization(x, standardization);
    }
    const y = new Int32Array(rows.length);
    for (let r = 0; r < rows.length; r++) y[r] = ds.y[rows[r]];
    return {
      x,
      y,
      numClasses: ds.numClasses,
      featureNames: ds.featureNames,
      classNames: ds.classNames,
      meta: {
        ...ds.meta,
        split: names[p],
        indices: Array.from(rows),
        classCounts: classCounts(ds.y, rows, ds.numClasses),
        standardized: standardization !== undefined,
        ...(sparse && standardization ? { scaling: 'divided by training std, not centred' } : {}),
      },
    };
  });
  return {
    train: parts[0],
    validation: parts[1],
    test: parts[2],
    ...(standardization ? { standardization } : {}),
  } as DatasetSplits<Dataset | SparseDataset>;
}
