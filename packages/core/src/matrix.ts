import { LslabError } from './errors.js';

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
 * @throws LslabError `E_RANGE` for a bad dimension, `E_SHAPE` for a wrong data length
 * @example
 * const m = matrix(2, 3, [1, 2, 3, 4, 5, 6]);
 * m.data[1 * 3 + 2]; // 6
 */
export function matrix(rows: number, cols: number, data?: ArrayLike<number>): Matrix {
  checkDim('matrix', 'rows', rows);
  checkDim('matrix', 'cols', cols);
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
 * @throws LslabError `E_SHAPE` when rows differ in length
 * @example
 * const m = fromRows([[1, 2], [3, 4]]);
 * [m.rows, m.cols, m.data[2]]; // [2, 2, 3]
 */
export function fromRows(rows: ReadonlyArray<ArrayLike<number>>): Matrix {
  const n = rows.length;
  const k = n === 0 ? 0 : rows[0].length;
  const data = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    if (r.length !== k) {
      throw new LslabError(
        'E_SHAPE',
        'fromRows',
        `has length ${r.length}, expected ${k} like row 0`,
        {
          argument: 'rows',
          row: i,
        },
      );
    }
    for (let j = 0; j < k; j++) data[i * k + j] = r[j];
  }
  return { rows: n, cols: k, data };
}

/**
 * Returns the rows of a matrix as plain arrays (a convenience for printing and tests).
 *
 * @example
 * toRows(matrix(2, 2, [1, 2, 3, 4])); // [[1, 2], [3, 4]]
 */
export function toRows(m: Matrix): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < m.rows; i++)
    out.push(Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)));
  return out;
}
