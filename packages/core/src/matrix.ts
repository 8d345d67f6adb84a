import { LslabError } from './errors.js';
import { checkMatrix } from './validate/checkMatrix.js';
import { checkInteger } from './validate/numbers.js';

/**
 * A dense row-major matrix: element (i, j) is `data[i * cols + j]`.
 * Results are Float64 unless the input is Float32 and the caller asks for Float32.
 */
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array | Float32Array;
}

/** Output precision of a function that returns new arrays. Default `'float64'`. */
export type Dtype = 'float64' | 'float32';

/**
 * The most numbers (2^26 = 67,108,864, 512 MiB as Float64) that one matrix or
 * vector built by lslab may hold: a size beyond it is rejected with `E_RANGE`
 * before anything is allocated, instead of exhausting memory.
 *
 * @example
 * MAX_ELEMENTS;             // 67108864
 * matrix(2 ** 14, 2 ** 13); // throws E_RANGE "matrix: rows × cols = 134217728: must be an integer ≤ 67108864"
 */
export const MAX_ELEMENTS = 2 ** 26;

/**
 * A matrix holds numbers, NaN and ±∞ included: the functions that compute
 * with it reject those, naming their own argument, row and column. Anything
 * that is not a number (a string, a nested array, null) is rejected here.
 */
function checkNumbers(fn: string, name: string, data: ArrayLike<unknown>): void {
  if (data === null || typeof data !== 'object' || typeof data.length !== 'number') {
    throw new LslabError('E_SHAPE', fn, 'is not an array of numbers', { argument: name });
  }
  if (data instanceof Float64Array || data instanceof Float32Array) return;
  for (let i = 0; i < data.length; i++) {
    if (typeof data[i] !== 'number') {
      throw new LslabError('E_NOT_FINITE', fn, 'is not a number', {
        argument: name,
        row: i,
        value: data[i],
      });
    }
  }
}

function checkDim(fn: string, name: string, n: number): void {
  if (!Number.isInteger(n) || n < 0) {
    throw new LslabError('E_RANGE', fn, 'must be a non-negative integer', {
      argument: name,
      value: n,
    });
  }
}

/**
 * Creates a `rows × cols` matrix. Without `data` it is filled with zeros
 * (Float64). A `Float64Array` or `Float32Array` is used as is (not copied);
 * any other array-like is copied into a new `Float64Array`.
 *
 * @param rows - number of rows, an integer ≥ 0
 * @param cols - number of columns, an integer ≥ 0
 * @param data - optional row-major values, length `rows * cols`
 * @throws LslabError `E_RANGE` for a bad dimension or more than {@link MAX_ELEMENTS}
 *   numbers, `E_SHAPE` for a wrong data length, `E_NOT_FINITE` for an entry of
 *   `data` that is not a number (NaN and ±∞ are kept, for the functions that use
 *   the matrix to reject)
 * @example
 * const m = matrix(2, 3, [1, 2, 3, 4, 5, 6]);
 * m.data[1 * 3 + 2]; // 6
 */
export function matrix(rows: number, cols: number, data?: ArrayLike<number>): Matrix {
  checkDim('matrix', 'rows', rows);
  checkDim('matrix', 'cols', cols);
  checkInteger('matrix', 'rows × cols', rows * cols, { max: MAX_ELEMENTS });
  if (data !== undefined) checkNumbers('matrix', 'data', data);
  if (data === undefined) return { rows, cols, data: new Float64Array(rows * cols) };
  if (data.length !== rows * cols) {
    throw new LslabError(
      'E_SHAPE',
      'matrix',
      `has length ${data.length}, expected rows × cols = ${rows} × ${cols} = ${rows * cols}`,
      { argument: 'data' },
    );
  }
  if (data instanceof Float64Array || data instanceof Float32Array) return { rows, cols, data };
  return { rows, cols, data: Float64Array.from(data) };
}

/**
 * Creates a Float64 matrix from an array of equally long rows.
 *
 * @throws LslabError `E_SHAPE` when `rows` is not an array of arrays or rows differ in
 *   length, `E_NOT_FINITE` for an entry that is not a number (naming row and column;
 *   NaN and ±∞ are kept, for the functions that use the matrix to reject),
 *   `E_RANGE` for more than {@link MAX_ELEMENTS} numbers
 * @example
 * const m = fromRows([[1, 2], [3, 4]]);
 * [m.rows, m.cols, m.data[2]]; // [2, 2, 3]
 */
export function fromRows(rows: ReadonlyArray<ArrayLike<number>>): Matrix {
  const fn = 'fromRows';
  if (!Array.isArray(rows)) {
    throw new LslabError('E_SHAPE', fn, 'is not an array of rows', {
      argument: 'rows',
      value: rows,
    });
  }
  const n = rows.length;
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    if (r === null || typeof r !== 'object' || typeof r.length !== 'number') {
      throw new LslabError('E_SHAPE', fn, 'is not an array of numbers', {
        argument: 'rows',
        row: i,
        value: r,
      });
    }
  }
  const k = n === 0 ? 0 : rows[0].length;
  checkInteger(fn, 'rows.length × rows[0].length', n * k, { max: MAX_ELEMENTS });
  const data = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    if (r.length !== k) {
      throw new LslabError('E_SHAPE', fn, `has length ${r.length}, expected ${k} like row 0`, {
        argument: 'rows',
        row: i,
      });
    }
    for (let j = 0; j < k; j++) {
      const v = r[j];
      if (typeof v !== 'number') {
        throw new LslabError('E_NOT_FINITE', fn, 'is not a number', {
          argument: 'rows',
          row: i,
          column: j,
          value: v,
        });
      }
      data[i * k + j] = v;
    }
  }
  return { rows: n, cols: k, data };
}

/**
 * Returns the rows of a matrix as plain arrays (a convenience for printing and tests).
 *
 * @param m - a Matrix
 * @returns `m.rows` arrays of `m.cols` numbers
 * @throws LslabError `E_SHAPE` when `m` is not a Matrix
 * @example
 * toRows(matrix(2, 2, [1, 2, 3, 4])); // [[1, 2], [3, 4]]
 */
export function toRows(m: Matrix): number[][] {
  checkMatrix('toRows', 'm', m);
  const out: number[][] = [];
  for (let i = 0; i < m.rows; i++)
    out.push(Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)));
  return out;
}
