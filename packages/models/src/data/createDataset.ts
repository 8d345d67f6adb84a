import { LslabError, MAX_ELEMENTS, type Matrix } from '@lslab/core';
import {
  checkFiniteMatrix,
  checkInteger,
  checkMatrix,
  checkNonEmpty,
  checkOptions,
} from '@lslab/core/validate';
import type { Dataset, DatasetMeta } from './dataset.js';

/** Options of {@link createDataset}. */
export interface CreateDatasetOptions {
  /** K; default max(y) + 1 (at least 2). */
  numClasses?: number;
  /** d names; default `x0, x1, …`. */
  featureNames?: readonly string[];
  /** K names; default `'0', '1', …`. */
  classNames?: readonly string[];
  /** Provenance; default `{ name: 'dataset' }`. `classCounts` is always filled in. */
  meta?: Partial<DatasetMeta>;
}

/**
 * Validates features and labels and assembles a {@link Dataset}. The features
 * are copied into a new Float64 matrix (the caller's arrays are not kept);
 * `meta.classCounts` is computed from `y`.
 *
 * @param x - n × d features, n ≥ 1, every entry finite
 * @param y - n labels, integers in [0, K)
 * @param optionsArg - class count, names and provenance
 * @returns the data set
 * @throws LslabError `E_EMPTY` (n = 0), `E_SHAPE` (y.length ≠ n, or a names
 *   array of the wrong length or with a non-string), `E_OPTION` (a repeated
 *   name), `E_NOT_FINITE` (a feature is NaN or ±∞, with its row and column),
 *   `E_LABEL` (a label outside [0, K)), `E_RANGE` (K < 2, or K above
 *   `MAX_ELEMENTS`)
 * @example
 * const ds = createDataset(fromRows([[1, 2], [3, 4], [5, 6]]), [0, 1, 1]);
 * [ds.numClasses, ds.meta.classCounts]; // [2, [1, 2]]
 */
export function createDataset(
  x: Matrix,
  y: ArrayLike<number>,
  optionsArg?: CreateDatasetOptions,
): Dataset {
  const fn = 'createDataset';
  const options = checkOptions<CreateDatasetOptions>(fn, optionsArg, [
    'numClasses',
    'featureNames',
    'classNames',
    'meta',
  ]);
  checkMatrix(fn, 'x', x);
  const n = x.rows;
  const d = x.cols;
  checkNonEmpty(fn, 'x', n);
  checkFiniteMatrix(fn, 'x', x);
  if (y === null || typeof y !== 'object' || y.length !== n) {
    throw new LslabError('E_SHAPE', fn, `has length ${y?.length}, expected x.rows = ${n}`, {
      argument: 'y',
    });
  }
  const data = Float64Array.from(x.data);
  let maxLabel = 0;
  for (let i = 0; i < n; i++) {
    const c = y[i];
    if (!Number.isInteger(c) || c < 0 || c >= MAX_ELEMENTS) {
      throw new LslabError('E_LABEL', fn, `is not an integer class in [0, ${MAX_ELEMENTS})`, {
        argument: 'y',
        row: i,
        value: c,
      });
    }
    if (c > maxLabel) maxLabel = c;
  }
  const k = options.numClasses ?? Math.max(2, maxLabel + 1);
  checkInteger(fn, 'options.numClasses', k, { min: 2, max: MAX_ELEMENTS });
  const labels = new Int32Array(n);
  const counts = new Array<number>(k).fill(0);
  for (let i = 0; i < n; i++) {
    const c = y[i];
    if (c >= k) {
      throw new LslabError('E_LABEL', fn, `is not an integer class in [0, ${k})`, {
        argument: 'y',
        row: i,
        value: c,
      });
    }
    labels[i] = c;
    counts[c]++;
  }
  const featureNames = options.featureNames ?? Array.from({ length: d }, (_, j) => `x${j}`);
  const classNames = options.classNames ?? Array.from({ length: k }, (_, c) => String(c));
  for (const [name, list] of [
    ['options.featureNames', featureNames],
    ['options.classNames', classNames],
  ] as const) {
    if (!Array.isArray(list)) {
      throw new LslabError('E_SHAPE', fn, 'is not an array of names', { argument: name });
    }
    const seen = new Set<string>();
    list.forEach((s, i) => {
      if (typeof s !== 'string') {
        throw new LslabError('E_SHAPE', fn, 'is not a string', {
          argument: name,
          row: i,
          value: s,
        });
      }
      if (seen.has(s)) {
        throw new LslabError('E_OPTION', fn, 'repeats an earlier name', {
          argument: name,
          row: i,
          value: s,
        });
      }
      seen.add(s);
    });
  }
  if (featureNames.length !== d) {
    throw new LslabError('E_SHAPE', fn, `has length ${featureNames.length}, expected d = ${d}`, {
      argument: 'options.featureNames',
    });
  }
  if (classNames.length !== k) {
    throw new LslabError('E_SHAPE', fn, `has length ${classNames.length}, expected K = ${k}`, {
      argument: 'options.classNames',
    });
  }
  return {
    x: { rows: n, cols: d, data },
    y: labels,
    numClasses: k,
    featureNames: [...featureNames],
    classNames: [...classNames],
    meta: { name: 'dataset', ...options.meta, classCounts: counts },
  };
}
