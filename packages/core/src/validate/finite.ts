import { LslabError } from '../errors.js';
import type { Matrix } from '../matrix.js';

/**
 * The index of the first entry that is not a finite number (NaN, ±∞, or not a
 * number at all, such as a string or a nested array), or −1 when every entry
 * is finite. The one loop behind every "first non-finite value" error.
 *
 * @param data - the values to scan
 * @returns an index in [0, data.length) or −1
 * @example
 * firstNonFinite([0, 1, Number.NaN, Infinity]); // 2
 * firstNonFinite(new Float64Array(3));          // -1
 */
export function firstNonFinite(data: ArrayLike<unknown>): number {
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (typeof v !== 'number' || !(v > -Infinity && v < Infinity)) return i;
  }
  return -1;
}

/** What is wrong with a value that is not a finite number. */
function problem(v: unknown): string {
  return typeof v === 'number' ? 'is not finite' : 'is not a number';
}

/**
 * Checks one finite number.
 *
 * @param fn - the public function the user called
 * @param name - the argument as the user wrote it
 * @param x - the value
 * @returns `x`
 * @throws LslabError `E_NOT_FINITE` for NaN, ±∞ or a non-number
 * @example
 * checkNumber('f', 'options.lr', 0.5);      // 0.5
 * checkNumber('f', 'options.lr', Infinity); // throws E_NOT_FINITE "f: options.lr = Infinity: is not finite"
 */
export function checkNumber(fn: string, name: string, x: unknown): number {
  if (typeof x !== 'number' || !(x > -Infinity && x < Infinity)) {
    throw new LslabError('E_NOT_FINITE', fn, problem(x), { argument: name, value: x });
  }
  return x;
}

/**
 * Checks that a 1-D array holds finite numbers only; the error names the
 * index of the first bad entry as its row.
 *
 * @param fn - the public function the user called
 * @param name - the argument as the user wrote it
 * @param v - an array or typed array
 * @throws LslabError `E_SHAPE` when `v` is not array-like, `E_NOT_FINITE` for
 *   NaN, ±∞ or an entry that is not a number (a nested array, a string)
 * @example
 * checkFiniteVector('f', 'targets', JSON.parse('[0, [1]]'));
 * // throws E_NOT_FINITE: "f: targets[1] = [1]: is not a number"
 */
export function checkFiniteVector(fn: string, name: string, v: ArrayLike<number>): void {
  if (v === null || typeof v !== 'object' || typeof v.length !== 'number') {
    throw new LslabError('E_SHAPE', fn, 'is not an array of numbers', { argument: name, value: v });
  }
  const i = firstNonFinite(v);
  if (i >= 0) {
    throw new LslabError('E_NOT_FINITE', fn, problem(v[i]), {
      argument: name,
      row: i,
      value: v[i],
    });
  }
}

/**
 * Checks that every element of a Matrix is finite; the error names the row
 * and column of the first bad one. Call {@link checkMatrix} first.
 *
 * @param fn - the public function the user called
 * @param name - the argument as the user wrote it
 * @param m - a valid Matrix
 * @throws LslabError `E_NOT_FINITE`
 * @example
 * checkFiniteMatrix('softmax', 'z', fromRows([[0, Number.NaN]]));
 * // throws E_NOT_FINITE: "softmax: z[0][1] = NaN: is not finite"
 */
export function checkFiniteMatrix(fn: string, name: string, m: Matrix): void {
  const i = firstNonFinite(m.data);
  if (i >= 0) {
    throw new LslabError('E_NOT_FINITE', fn, 'is not finite', {
      argument: name,
      row: Math.floor(i / m.cols),
      column: i % m.cols,
      value: m.data[i],
    });
  }
}
