import { LslabError, type Matrix } from '@lslab/core';
import {
  checkDistributionRows,
  checkFiniteVector,
  checkLabels,
  checkMatrix,
  checkNonEmpty,
} from '@lslab/core/validate';

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
 * @internal Validates probabilities and labels with core's validators and
 * returns a view; `fn` is the public function the user called.
 *
 * Errors: `E_EMPTY` no rows; `E_SHAPE` not a Matrix/array, a matrix with < 2
 * columns, or labels of another length; `E_NOT_FINITE` NaN/±∞ or a
 * non-number (a nested array); `E_NOT_DISTRIBUTION` a matrix entry outside
 * [0, 1] or a row sum off by more than 1e-6; `E_RANGE` a vector entry
 * p(y=1) outside [0, 1]; `E_LABEL` a label that is not an integer in [0, K).
 */
export function checkProbabilities(
  fn: string,
  probs: Matrix | ArrayLike<number>,
  labels: ArrayLike<number>,
): ProbabilityView {
  if (isMatrix(probs)) {
    checkProbabilityMatrix(fn, probs);
    checkDistributionRows(fn, 'probs', probs);
    checkLabels(fn, 'labels', labels, probs.rows, probs.cols);
    return { fn, n: probs.rows, k: probs.cols, vector: false, data: probs.data, labels };
  }
  checkFiniteVector(fn, 'probs', probs);
  checkNonEmpty(fn, 'probs', probs.length);
  for (let i = 0; i < probs.length; i++) {
    if (probs[i] < 0 || probs[i] > 1) {
      throw new LslabError('E_RANGE', fn, 'is not a probability p(y=1) in [0, 1]', {
        argument: 'probs',
        row: i,
        value: probs[i],
      });
    }
  }
  checkLabels(fn, 'labels', labels, probs.length, 2);
  return { fn, n: probs.length, k: 2, vector: true, data: probs, labels };
}

/**
 * @internal The shape checks of a probability matrix (a Matrix, N ≥ 1, K ≥ 2),
 * before its rows are read: `E_SHAPE`, `E_EMPTY`.
 */
export function checkProbabilityMatrix(fn: string, probs: Matrix): void {
  checkMatrix(fn, 'probs', probs);
  checkNonEmpty(fn, 'probs', probs.rows);
  if (probs.cols < 2) {
    const hint = 'a matrix needs K ≥ 2 classes (pass a vector of p(y=1) for binary)';
    throw new LslabError('E_SHAPE', fn, `has ${probs.cols} column(s); ${hint}`, {
      argument: 'probs',
    });
  }
}

/** @internal p(row i, class c); for a vector, class 1 is `data[i]` and class 0 is `1 − data[i]`. */
export function probAt(v: ProbabilityView, i: number, c: number): number {
  if (v.vector) return c === 1 ? v.data[i] : 1 - v.data[i];
  return v.data[i * v.k + c];
}

/** @internal Index of the largest of data[off], …, data[off + k − 1]; ties go to the lowest index. */
export function argmaxRow(data: ArrayLike<number>, off: number, k: number): number {
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

/** @internal Index of the largest entry of row i; ties go to the lowest index. */
export function argmaxAt(v: ProbabilityView, i: number): number {
  if (v.vector) return v.data[i] > 0.5 ? 1 : 0;
  return argmaxRow(v.data, i * v.k, v.k);
}
