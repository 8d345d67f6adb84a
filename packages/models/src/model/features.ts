import { LslabError, type Matrix } from '@lslab/core';
import type { CsrMatrix } from '../../data/dataset.js';
import type { Features } from '../model.js';
import { checkFeatures } from './validate.js';

/** @internal True for a CSR matrix (it has `indptr`). */
export function isCsr(x: Features): x is CsrMatrix {
  return x !== null && typeof x === 'object' && 'indptr' in x;
}

/** @internal Narrows to a dense Matrix; sparse input throws E_SHAPE. */
export function dense(fn: string, x: Features): Matrix {
  if (isCsr(x)) {
    throw new LslabError('E_SHAPE', fn, 'is sparse (CSR); this model takes a dense Matrix', {
      argument: 'x',
    });
  }
  return x;
}

/** @internal A CSR matrix with consistent arrays, at least one row and finite values. */
export function checkCsr(fn: string, x: CsrMatrix): void {
  const { rows, cols, indptr, indices, values } = x;
  if (
    !Number.isInteger(rows) ||
    !Number.isInteger(cols) ||
    !(indptr instanceof Int32Array) ||
    indptr.length !== rows + 1 ||
    indptr[0] !== 0 ||
    indices.length !== indptr[rows] ||
    values.length !== indices.length
  ) {
    throw new LslabError('E_SHAPE', fn, 'is not a consistent CSR matrix', { argument: 'x' });
  }
  if (rows === 0) throw new LslabError('E_EMPTY', fn, 'has no rows', { argument: 'x' });
  for (let i = 0; i < rows; i++) {
    for (let p = indptr[i]; p < indptr[i + 1]; p++) {
      const v = values[p];
      const c = indices[p];
      if (!(c >= 0 && c < cols)) {
        throw new LslabError('E_SHAPE', fn, `has a column index outside [0, ${cols})`, {
          argument: 'x.indices',
          row: i,
          value: c,
        });
      }
      if (!(v > -Infinity && v < Infinity)) {
        throw new LslabError('E_NOT_FINITE', fn, 'is not finite', {
          argument: 'x',
          row: i,
          column: c,
          value: v,
        });
      }
    }
  }
}

/** @internal Validates dense or sparse features. */
export function checkAnyFeatures(fn: string, x: Features): void {
  if (isCsr(x)) checkCsr(fn, x);
  else checkFeatures(fn, x);
}
