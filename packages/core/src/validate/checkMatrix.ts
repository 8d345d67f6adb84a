import { LslabError } from '../errors.js';
import type { Matrix } from '../matrix.js';

/**
 * Checks that `m` is a {@link Matrix}: an object with integer `rows`, `cols`
 * ≥ 0 and a Float64Array or Float32Array `data` of length rows·cols.
 *
 * @param fn - the public function the user called
 * @param name - the argument as the user wrote it
 * @param m - the value to check
 * @throws LslabError `E_SHAPE` naming what is wrong
 * @example
 * checkMatrix('softmax', 'z', { rows: 2, cols: 2, data: new Float64Array(3) });
 * // throws E_SHAPE: "softmax: z: has data length 3, expected 2 × 2 = 4"
 */
export function checkMatrix(fn: string, name: string, m: Matrix): void {
  if (
    m === null ||
    typeof m !== 'object' ||
    !(m.data instanceof Float64Array || m.data instanceof Float32Array)
  ) {
    throw new LslabError(
      'E_SHAPE',
      fn,
      'is not a Matrix { rows, cols, data: Float64Array | Float32Array }',
      { argument: name },
    );
  }
  if (!Number.isInteger(m.rows) || !Number.isInteger(m.cols) || m.rows < 0 || m.cols < 0) {
    throw new LslabError('E_SHAPE', fn, `has invalid dimensions ${m.rows} × ${m.cols}`, {
      argument: name,
    });
  }
  if (m.data.length !== m.rows * m.cols) {
    throw new LslabError(
      'E_SHAPE',
      fn,
      `has data length ${m.data.length}, expected ${m.rows} × ${m.cols} = ${m.rows * m.cols}`,
      { argument: name },
    );
  }
}

/**
 * Checks that a count of rows (or elements) is not zero.
 *
 * @param fn - the public function the user called
 * @param name - the argument as the user wrote it
 * @param n - the count
 * @throws LslabError `E_EMPTY` when n = 0
 * @example
 * checkNonEmpty('softmaxCrossEntropy', 'logits', 0);
 * // throws E_EMPTY: "softmaxCrossEntropy: logits: is empty"
 */
export function checkNonEmpty(fn: string, name: string, n: number): void {
  if (n === 0) throw new LslabError('E_EMPTY', fn, 'is empty', { argument: name });
}
