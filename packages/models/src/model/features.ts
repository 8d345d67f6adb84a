import { LslabError, type Matrix } from '@lslab/core';
import {
  checkFiniteMatrix,
  checkFiniteVector,
  checkMatrix,
  checkNonEmpty,
} from '@lslab/core/validate';
import type { CsrMatrix } from '../data/dataset.js';
import type { Features } from '../training/model.js';

/** @internal True for a CSR matrix (it has `indptr`). */
export function isCsr(x: Features): x is CsrMatrix {
  return x !== null && typeof x === 'object' && 'indptr' in x;
}

/** @internal Narrows to a valid dense Matrix (shape only); sparse input throws E_SHAPE. */
export function dense(fn: string, x: Features): Matrix {
  if (isCsr(x)) {
    throw new LslabError('E_SHAPE', fn, 'is sparse (CSR); this model takes a dense Matrix', {
      argument: 'x',
    });
  }
  checkMatrix(fn, 'x', x);
  return x;
}

/** @internal A CSR matrix with consistent arrays and in-range column indices. */
function checkCsrShape(fn: string, x: CsrMatrix): void {
  const { rows, cols, indptr, indices, values } = x;
  if (
    !Number.isInteger(rows) ||
    !Number.isInteger(cols) ||
    !(indptr instanceof Int32Array) ||
    !(indices instanceof Int32Array) ||
    !(values instanceof Float64Array) ||
    indptr.length !== rows + 1 ||
    indptr[0] !== 0 ||
    indices.length !== indptr[rows] ||
    values.length !== indices.length
  ) {
    throw new LslabError('E_SHAPE', fn, 'is not a consistent CSR matrix', { argument: 'x' });
  }
  for (let i = 0; i < rows; i++) {
    for (let p = indptr[i]; p < indptr[i + 1]; p++) {
      const c = indices[p];
      if (!(c >= 0 && c < cols)) {
        throw new LslabError('E_SHAPE', fn, `has a column index outside [0, ${cols})`, {
          argument: 'x.indices',
          row: i,
          value: c,
        });
      }
    }
  }
}

/**
 * @internal Validates dense or sparse features: shape, at least one row, and
 * (unless `finite` is false) every stored value finite.
 */
export function checkFeatures(fn: string, x: Features, finite = true): void {
  if (isCsr(x)) {
    checkCsrShape(fn, x);
    checkNonEmpty(fn, 'x', x.rows);
    if (finite) checkFiniteVector(fn, 'x.values', x.values);
    return;
  }
  checkMatrix(fn, 'x', x);
  checkNonEmpty(fn, 'x', x.rows);
  if (finite) checkFiniteMatrix(fn, 'x', x);
}

/** @internal Throws E_SHAPE unless x has `cols` columns. */
export function checkColumns(fn: string, x: Features, cols: number, what: string): void {
  if (x.cols !== cols) {
    throw new LslabError('E_SHAPE', fn, `has ${x.cols} columns, expected ${cols} (${what})`, {
      argument: 'x',
    });
  }
}

/** @internal Throws E_SHAPE unless x has `rows` rows. */
export function checkRows(
  fn: string,
  x: { readonly rows: number },
  rows: number,
  what: string,
): void {
  if (x === null || typeof x !== 'object' || x.rows !== rows) {
    throw new LslabError('E_SHAPE', fn, `has ${x?.rows} rows, expected ${rows} (${what})`, {
      argument: 'x',
    });
  }
}

/**
 * @internal Checks the row indices of a mini-batch: an array of integers in
 * [0, n), with one label per row of the data. Linear in the batch size, far
 * below the cost of the step it feeds.
 */
export function checkBatch(
  fn: string,
  batch: ArrayLike<number>,
  n: number,
  y: ArrayLike<number>,
): void {
  if (y === null || typeof y !== 'object' || y.length !== n) {
    throw new LslabError('E_SHAPE', fn, `has length ${y?.length}, expected ${n} (one per row)`, {
      argument: 'y',
    });
  }
  if (batch === null || typeof batch !== 'object' || typeof batch.length !== 'number') {
    throw new LslabError('E_SHAPE', fn, 'is not an array of row indices', { argument: 'batch' });
  }
  if (batch.length === 0) throw new LslabError('E_EMPTY', fn, 'is empty', { argument: 'batch' });
  for (let r = 0; r < batch.length; r++) {
    const i = batch[r];
    if (!Number.isInteger(i) || i < 0 || i >= n) {
      throw new LslabError('E_RANGE', fn, `is not a row index in [0, ${n})`, {
        argument: 'batch',
        row: r,
        value: i,
      });
    }
  }
}
