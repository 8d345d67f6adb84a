import { LslabError } from '../errors.js';
import type { Dtype, Matrix } from '../matrix.js';
import {
  checkFiniteMatrix,
  checkFiniteVector,
  checkMatrix,
  checkOption,
} from '../validate/index.js';

/** @internal A validated view of a Matrix or a single vector (one row). */
export interface RowsView {
  rows: number;
  cols: number;
  data: ArrayLike<number>;
  isVector: boolean;
}

/** @internal Accepts a Matrix or a 1-D vector (treated as one row); checks finiteness. */
export function asRows(fn: string, name: string, x: Matrix | ArrayLike<number>): RowsView {
  if (x !== null && typeof x === 'object' && 'rows' in x && 'cols' in x && 'data' in x) {
    checkMatrix(fn, name, x);
    checkFiniteMatrix(fn, name, x);
    return { rows: x.rows, cols: x.cols, data: x.data, isVector: false };
  }
  checkFiniteVector(fn, name, x as ArrayLike<number>);
  const v = x as ArrayLike<number>;
  return { rows: 1, cols: v.length, data: v, isVector: true };
}

/** @internal Allocates an output array of the requested precision. */
export function allocate(
  fn: string,
  n: number,
  dtype: Dtype | undefined,
): Float64Array | Float32Array {
  const d = checkOption(fn, 'options.dtype', dtype ?? 'float64', ['float64', 'float32'] as const);
  return d === 'float32' ? new Float32Array(n) : new Float64Array(n);
}

/**
 * @internal The maximum of row i of `z`; throws E_NOT_FINITE naming the row and
 * column of the first NaN or ±∞ (argument `'logits'`).
 */
export function finiteRowMax(fn: string, z: Matrix, i: number): number {
  const { cols: k, data } = z;
  const o = i * k;
  let m = -Infinity;
  for (let j = 0; j < k; j++) {
    const v = data[o + j];
    if (!(v > -Infinity && v < Infinity)) {
      throw new LslabError('E_NOT_FINITE', fn, 'is not finite', {
        argument: 'logits',
        row: i,
        column: j,
        value: v,
      });
    }
    if (v > m) m = v;
  }
  return m;
}
