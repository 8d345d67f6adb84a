import { LslabError } from '../errors.js';

/**
 * Checks class labels: one per row, each an integer in [0, K) or equal to
 * `ignoreIndex` when one is given.
 *
 * @param fn - the public function the user called
 * @param name - the argument as the user wrote it
 * @param labels - the labels
 * @param n - the number of rows they must match
 * @param k - the number of classes K
 * @param ignoreIndex - a label value that marks a row to ignore
 * @throws LslabError `E_SHAPE` (not an array, wrong length), `E_LABEL` naming the row
 * @example
 * checkLabels('smoothLabels', 'labels', [0, 3], 2, 3);
 * // throws E_LABEL: "smoothLabels: labels[1] = 3: is not a class index in [0, 3)"
 */
export function checkLabels(
  fn: string,
  name: string,
  labels: ArrayLike<number>,
  n: number,
  k: number,
  ignoreIndex?: number,
): void {
  if (labels === null || typeof labels !== 'object' || typeof labels.length !== 'number') {
    throw new LslabError('E_SHAPE', fn, 'is not an array of class indices', { argument: name });
  }
  if (labels.length !== n) {
    throw new LslabError(
      'E_SHAPE',
      fn,
      `has length ${labels.length}, expected ${n} (one label per row)`,
      { argument: name },
    );
  }
  for (let i = 0; i < n; i++) {
    const y = labels[i];
    if (ignoreIndex !== undefined && y === ignoreIndex) continue;
    if (!Number.isInteger(y) || y < 0 || y >= k) {
      throw new LslabError('E_LABEL', fn, `is not a class index in [0, ${k})`, {
        argument: name,
        row: i,
        value: y,
      });
    }
  }
}

/**
 * Checks class weights: one per class, finite and ≥ 0.
 *
 * @param fn - the public function the user called
 * @param name - the argument as the user wrote it
 * @param w - the weights
 * @param k - the number of classes K
 * @throws LslabError `E_SHAPE` (length ≠ K), `E_NOT_FINITE`, `E_RANGE` (negative), naming the column
 * @example
 * checkWeights('softmaxCrossEntropy', 'options.weight', [1, -1], 2);
 * // throws E_RANGE: "softmaxCrossEntropy: options.weight[1] = -1: must be ≥ 0"
 */
export function checkWeights(fn: string, name: string, w: ArrayLike<number>, k: number): void {
  if (w === null || typeof w !== 'object' || typeof w.length !== 'number') {
    throw new LslabError('E_SHAPE', fn, 'is not an array of class weights', { argument: name });
  }
  if (w.length !== k) {
    throw new LslabError(
      'E_SHAPE',
      fn,
      `has length ${w.length}, expected one weight per class (${k})`,
      { argument: name },
    );
  }
  for (let c = 0; c < k; c++) {
    const x = w[c];
    if (typeof x !== 'number' || !(x > -Infinity && x < Infinity)) {
      const problem = typeof x === 'number' ? 'is not finite' : 'is not a number';
      throw new LslabError('E_NOT_FINITE', fn, problem, { argument: name, column: c, value: x });
    }
    if (x < 0)
      throw new LslabError('E_RANGE', fn, 'must be ≥ 0', { argument: name, column: c, value: x });
  }
}
