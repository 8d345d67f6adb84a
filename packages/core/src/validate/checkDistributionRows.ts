import { LslabError } from '../errors.js';
import type { Matrix } from '../matrix.js';

/** Default tolerance on |Σ_c p_c − 1| for a row to count as a distribution. */
export const DISTRIBUTION_TOLERANCE = 1e-6;

/**
 * Checks that every row of a Matrix is a probability distribution: entries
 * finite and in [0, 1], sum within `tol` of 1. Call {@link checkMatrix} first.
 *
 * @param fn - the public function the user called
 * @param name - the argument as the user wrote it
 * @param m - a valid Matrix
 * @param tol - the allowed |Σ_c p_c − 1|; default {@link DISTRIBUTION_TOLERANCE} (1e-6)
 * @throws LslabError `E_NOT_FINITE`, `E_NOT_DISTRIBUTION` naming the row (and column)
 * @example
 * checkDistributionRows('f', 'probs', fromRows([[0.5, 0.6]]));
 * // throws E_NOT_DISTRIBUTION: "f: probs[0]: row sums to 1.1, not 1 (tolerance 0.000001)"
 */
export function checkDistributionRows(
  fn: string,
  name: string,
  m: Matrix,
  tol = DISTRIBUTION_TOLERANCE,
): void {
  const { rows, cols, data } = m;
  for (let i = 0; i < rows; i++) {
    let s = 0;
    for (let j = 0; j < cols; j++) {
      const v = data[i * cols + j];
      if (!(v > -Infinity && v < Infinity)) {
        throw new LslabError('E_NOT_FINITE', fn, 'is not finite', {
          argument: name,
          row: i,
          column: j,
          value: v,
        });
      }
      if (v < 0 || v > 1) {
        throw new LslabError('E_NOT_DISTRIBUTION', fn, 'is not a probability in [0, 1]', {
          argument: name,
          row: i,
          column: j,
          value: v,
        });
      }
      s += v;
    }
    if (Math.abs(s - 1) > tol) {
      throw new LslabError('E_NOT_DISTRIBUTION', fn, `row sums to ${s}, not 1 (tolerance ${tol})`, {
        argument: name,
        row: i,
      });
    }
  }
}
