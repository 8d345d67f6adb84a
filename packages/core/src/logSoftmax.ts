import { LslabError } from './errors.js';
import { checkNoOverflow } from './internal/overflow.js';
import { allocate, asRows } from './internal/rows.js';
import { logSumExpRows } from './kernels/softmaxRows.js';
import type { Dtype, Matrix } from './matrix.js';
import { checkOptions } from './validate/index.js';

/**
 * Row-wise log-softmax, `log p_j = z_j − logSumExp(z)`, without forming p, so
 * very negative log-probabilities stay exact instead of underflowing to −∞.
 *
 * @param z - finite logits: an N×K Matrix, or a vector (one row)
 * @param options.dtype - `'float64'` (default) or `'float32'` output
 * @returns a Matrix for Matrix input, a typed array for a vector
 * @throws LslabError `E_NOT_FINITE` for NaN/±∞, `E_EMPTY` for zero columns
 * @example
 * logSoftmax([0, Math.log(3)]); // Float64Array [-1.3862943611198906, -0.287682072451781]
 * logSoftmax([0, -1000]);       // Float64Array [0, -1000]
 */
export function logSoftmax(
  z: ArrayLike<number>,
  options?: { dtype?: Dtype },
): Float64Array | Float32Array;
export function logSoftmax(z: Matrix, options?: { dtype?: Dtype }): Matrix;
export function logSoftmax(
  z: Matrix | ArrayLike<number>,
  options?: { dtype?: Dtype },
): Matrix | Float64Array | Float32Array {
  const o = checkOptions<{ dtype?: Dtype }>('logSoftmax', options, ['dtype']);
  const v = asRows('logSoftmax', 'z', z);
  if (v.cols === 0)
    throw new LslabError('E_EMPTY', 'logSoftmax', 'has no columns', { argument: 'z' });
  const { rows, cols, data } = v;
  const out = allocate('logSoftmax', rows * cols, o.dtype);
  const out64 = out instanceof Float64Array ? out : new Float64Array(rows * cols);
  logSumExpRows(data, new Float64Array(rows), out64, rows, cols);
  checkNoOverflow('logSoftmax', 'z', out64, cols);
  if (out64 !== out) out.set(out64);
  return v.isVector ? out : { rows, cols, data: out };
}
