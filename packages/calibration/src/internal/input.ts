import type { Matrix } from '@lslab/core';
import { checkLabelArray, checkMatrixProbs, checkVectorProbs } from './checkProbs.js';

export { ROW_SUM_TOLERANCE } from './checkProbs.js';

/**
 * @internal A validated view of predictions and labels.
 *
 * - Matrix input: `k` = columns (≥ 2), `data` row-major N×K, `vector` false.
 * - Vector input: p(y = 1) per row, `k` = 2, `vector` true; class 1 has
 *   probability `data[i]` and class 0 has `1 − data[i]`.
 */
export interface ProbabilityView {
  readonly fn: string;
  readonly n: number;
  readonly k: number;
  readonly vector: boolean;
  readonly data: ArrayLike<number>;
  readonly labels: ArrayLike<number>;
}

/** @internal True when `x` looks like a Matrix `{ rows, cols, data }`. */
export function isMatrix(x: unknown): x is Matrix {
  return x !== null && typeof x === 'object' && 'rows' in x && 'cols' in x && 'data' in x;
}

/**
 * @internal Validates probabilities and labels and returns a view.
 *
 * Errors: `E_EMPTY` no rows; `E_SHAPE` not a Matrix/array, a matrix with < 2
 * columns, or labels of another length; `E_NOT_FINITE` NaN/±∞;
 * `E_NOT_DISTRIBUTION` a matrix entry outside [0, 1] or a row sum off by more
 * than 1e-6; `E_RANGE` a vector entry p(y=1) outside [0, 1]; `E_LABEL` a label
 * that is not an integer in [0, K) (0/1 for a vector).
 */
export function normalizeInput(
  fn: string,
  probs: Matrix | ArrayLike<number>,
  labels: ArrayLike<number>,
): ProbabilityView {
  if (isMatrix(probs)) {
    checkMatrixProbs(fn, probs);
    checkLabelArray(fn, labels, probs.rows, probs.cols);
    return { fn, n: probs.rows, k: probs.cols, vector: false, data: probs.data, labels };
  }
  checkVectorProbs(fn, probs);
  checkLabelArray(fn, labels, probs.length, 2);
  return { fn, n: probs.length, k: 2, vector: true, data: probs, labels };
}

/** @internal p(row i, class c); for a vector, class 1 is `data[i]` and class 0 is `1 − data[i]`. */
export function probAt(v: ProbabilityView, i: number, c: number): number {
  if (v.vector) return c === 1 ? v.data[i] : 1 - v.data[i];
  return v.data[i * v.k + c];
}

/** @internal Index of the largest entry of row i; ties go to the lowest index. */
export function argmaxAt(v: ProbabilityView, i: number): number {
  if (v.vector) return v.data[i] > 0.5 ? 1 : 0;
  const { data, k } = v;
  const off = i * k;
  let best = 0;
  let m = data[off];
  for (let j = 1; j < k; j++) {
    if (data[off + j] > m) {
      m = data[off + j];
      best = j;
    }
  }
  return best;
}
