import type { Matrix } from '@lslab/core';

/**
 * Facts about where a data set came from and what was done to it. `name` is
 * always present; loaders also fill `source`, `license` and `cleaning`, and
 * generators record their parameters and realised quantities (for example the
 * number of flipped labels). Extra keys are allowed and are plain JSON values.
 */
export interface DatasetMeta {
  /** Short identifier, e.g. `'penguins'` or `'gaussianMixture'`. */
  readonly name: string;
  /** Where the rows come from (npm package and file, or `'synthetic'`). */
  readonly source?: string;
  /** Licence of the source data (SPDX identifier or a short statement). */
  readonly license?: string;
  /** What was dropped or transformed, in words, one entry per step. */
  readonly cleaning?: readonly string[];
  /** Number of rows of each class, indexed like `classNames` (always filled). */
  readonly classCounts: readonly number[];
  readonly [key: string]: unknown;
}

/**
 * A dense labelled data set: n samples, d features, K classes.
 *
 * - `x` is n × d, row-major, Float64; row i is sample i.
 * - `y[i]` is the class of sample i, an integer in [0, K).
 * - `featureNames.length === d`, `classNames.length === K`.
 *
 * @example
 * const ds: Dataset = {
 *   x: fromRows([[0, 1], [1, 0]]),
 *   y: Int32Array.of(0, 1),
 *   numClasses: 2,
 *   featureNames: ['a', 'b'],
 *   classNames: ['neg', 'pos'],
 *   meta: { name: 'toy', classCounts: [1, 1] },
 * };
 */
export interface Dataset {
  /** Features, n × d, Float64, row-major. */
  readonly x: Matrix;
  /** Labels, length n, each in [0, numClasses). */
  readonly y: Int32Array;
  /** K, the number of classes (≥ 2). */
  readonly numClasses: number;
  /** Names of the d feature columns. */
  readonly featureNames: readonly string[];
  /** Names of the K classes; class k is `classNames[k]`. */
  readonly classNames: readonly string[];
  /** Provenance and generator facts. */
  readonly meta: DatasetMeta;
}

/**
 * A sparse matrix in compressed sparse row (CSR) form: the non-zeros of row i
 * are `values[indptr[i] .. indptr[i+1])` in columns `indices[...]` (strictly
 * increasing within a row). `indptr` has length rows + 1, starts at 0 and ends
 * at the number of stored entries.
 *
 * @example
 * // [[0, 2], [3, 0]]
 * const m: CsrMatrix = {
 *   rows: 2, cols: 2,
 *   indptr: Int32Array.of(0, 1, 2),
 *   indices: Int32Array.of(1, 0),
 *   values: Float64Array.of(2, 3),
 * };
 */
export interface CsrMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly indptr: Int32Array;
  readonly indices: Int32Array;
  readonly values: Float64Array;
}

/** A labelled data set whose features are stored sparse (CSR); otherwise like {@link Dataset}. */
export interface SparseDataset {
  readonly x: CsrMatrix;
  readonly y: Int32Array;
  readonly numClasses: number;
  readonly featureNames: readonly string[];
  readonly classNames: readonly string[];
  readonly meta: DatasetMeta;
}

/**
 * Feature-wise standardisation statistics: x' = (x − mean) / std, computed on
 * the training split only. A column with zero spread has std 1 (it is centred
 * but not scaled).
 */
export interface Standardization {
  readonly mean: Float64Array;
  readonly std: Float64Array;
}

/**
 * A data set split into train, validation and test parts. When the split was
 * standardised, `standardization` holds the training statistics that were
 * applied to all three parts.
 */
export interface DatasetSplits<D = Dataset> {
  readonly train: D;
  readonly validation: D;
  readonly test: D;
  readonly standardization?: Standardization;
}
