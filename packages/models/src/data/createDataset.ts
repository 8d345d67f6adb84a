import { LslabError, type Matrix } from '@lslab/core';
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
 * @param options - class count, names and provenance
 * @returns the data set
 * @throws LslabError `E_EMPTY` (n = 0), `E_SHAPE` (y.length ≠ n, or a names
 *   array of the wrong length), `E_NOT_FINITE` (a feature is NaN or ±∞, with
 *   its row and column), `E_LABEL` (a label outside [0, K)), `E_RANGE` (K < 2)
 * @example
 * const ds = createDataset(fromRows([[1, 2], [3, 4], [5, 6]]), [0, 1, 1]);
 * [ds.numClasses, ds.meta.classCounts]; // [2, [1, 2]]
 */
export function createDataset(
  x: Matrix,
  y: ArrayLike<number>,
  options: CreateDatasetOptions = {},
): Dataset {
  const fn = 'createDataset';
  if (
    x === null ||
    typeof x !== 'object' ||
    x.data === undefined ||
    x.data.length !== x.rows * x.cols
  ) {
    throw new LslabError('E_SHAPE', fn, 'is not a Matrix with data length rows × cols', {
      argument: 'x',
    });
  }
  const n = x.rows;
  const d = x.cols;
  if (n === 0) throw new LslabError('E_EMPTY', fn, 'has no rows', { argument: 'x' });
  if (y.length !== n) {
    throw new LslabError('E_SHAPE', fn, `has length ${y.length}, expected x.rows = ${n}`, {
      argument: 'y',
    });
  }
  const data = new Float64Array(n * d);
  for (let i = 0; i < n * d; i++) {
    const v = x.data[i];
    if (!Number.isFinite(v)) {
      throw new LslabError('E_NOT_FINITE', fn, 'is not finite', {
        argument: 'x',
        row: Math.floor(i / d),
        column: i % d,
        value: v,
      });
    }
    data[i] = v;
  }
  let maxLabel = 0;
  for (let i = 0; i < n; i++) {
    const c = y[i];
    if (!Number.isInteger(c) || c < 0) {
      throw new LslabError('E_LABEL', fn, 'is not a non-negative integer class', {
        argument: 'y',
        row: i,
        value: c,
      });
    }
    if (c > maxLabel) maxLabel = c;
  }
  const k = options.numClasses ?? Math.max(2, maxLabel + 1);
  if (!Number.isInteger(k) || k < 2) {
    throw new LslabError('E_RANGE', fn, 'must be an integer ≥ 2', {
      argument: 'options.numClasses',
      value: k,
    });
  }
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
