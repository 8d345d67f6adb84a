import { LslabError } from './errors.js';
import { allocate, asRows } from './internal/rows.js';
import { softmaxRows } from './kernels/softmaxRows.js';
import type { Dtype, Matrix } from './matrix.js';
import { checkOptions } from './validate/index.js';

/**
 * Row-wise softmax, `p_j = exp(z_j − m) / Σ_k exp(z_k − m)` with `m` the row
 * maximum. Finite for any finite input; every row sums to 1 up to rounding.
 * e^x is the kernels' portable exponential (WebAssembly SIMD or its
 * JavaScript twin): the same bits in every engine.
 *
 * @param z - finite logits: an N×K Matrix, or a vector (one row)
 * @param options.dtype - `'float64'` (default) or `'float32'` output
 * @returns a Matrix for Matrix input, a typed array for a vector
 * @throws LslabError `E_NOT_FINITE` for NaN/±∞, `E_EMPTY` for zero columns
 * @example
 * softmax([0, Math.log(3)]); // Float64Array [0.25, 0.7499999999999999]
 * softmax([1e300, -1e300]);  // Float64Array [1, 0]
 */
export function softmax(
  z: ArrayLike<number>,
  options?: { dtype?: Dtype },
): Float64Array | Float32Array;
export function softmax(z: Matrix, options?: { dtype?: Dtype }): Matrix;
export function softmax(
  z: Matrix | ArrayLike<number>,
  options?: { dtype?: Dtype },
): Matrix | Float64Array | Float32Array {
  const o = checkOptions<{ dtype?: Dtype }>('softmax', options, ['dtype']);
  const v = asRows('softmax', 'z', z);
  if (v.cols === 0) throw new LslabError('E_EMPTY', 'softmax', 'has no columns', { argument: 'z' });
  const { rows, cols, data } = v;
  const out = allocate('softmax', rows * cols, o.dtype);
  const out64 = out instanceof Float64Array ? out : new Float64Array(rows * cols);
  softmaxRows(data, out64, rows, cols);
  if (out64 !== out) out.set(out64);
  return v.isVector ? out : { rows, cols, data: out };
}
