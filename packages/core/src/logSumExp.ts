import { LslabError } from './errors.js';
import { asRows } from './internal/rows.js';
import { logSumExpRows } from './kernels/softmaxRows.js';
import type { Matrix } from './matrix.js';

/**
 * Row-wise log-sum-exp, `log Σ_j exp(z_j)`, computed as `m + log Σ_j exp(z_j − m)`
 * with `m = max_j z_j`, so it is finite for any finite input (±1e300 included).
 *
 * A vector is one row and gives a number; a Matrix gives one value per row.
 *
 * @param z - finite logits: an N×K Matrix or a vector of length K ≥ 1
 * @returns log Σ exp(z) per row (Float64)
 * @throws LslabError `E_NOT_FINITE` for NaN/±∞, `E_EMPTY` for zero columns
 * @example
 * logSumExp([0, Math.log(3)]); // Math.log(4) = 1.3862943611198906
 * logSumExp([1e300, 1e300]);   // 1e300 + Math.LN2 = 1e300
 */
export function logSumExp(z: ArrayLike<number>): number;
export function logSumExp(z: Matrix): Float64Array;
export function logSumExp(z: Matrix | ArrayLike<number>): number | Float64Array {
  const v = asRows('logSumExp', 'z', z);
  if (v.cols === 0)
    throw new LslabError('E_EMPTY', 'logSumExp', 'has no columns', { argument: 'z' });
  const out = new Float64Array(v.rows);
  logSumExpRows(v.data, out, undefined, v.rows, v.cols);
  return v.isVector ? out[0] : out;
}
