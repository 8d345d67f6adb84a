import { LslabError } from '../errors.js';

/**
 * Checks a number in the closed interval [lo, hi].
 *
 * @param fn - the public function the user called
 * @param name - the argument as the user wrote it
 * @param x - the value
 * @param lo - the smallest allowed value
 * @param hi - the largest allowed value
 * @returns `x`
 * @throws LslabError `E_NOT_FINITE` for NaN or a non-number, `E_RANGE` outside [lo, hi]
 * @example
 * checkInRange('f', 'options.level', 0.95, 0, 1); // 0.95
 * checkInRange('f', 'options.level', 95, 0, 1);   // throws E_RANGE "f: options.level = 95: must lie in [0, 1]"
 */
export function checkInRange(fn: string, name: string, x: unknown, lo: number, hi: number): number {
  if (typeof x !== 'number' || Number.isNaN(x)) {
    throw new LslabError('E_NOT_FINITE', fn, 'is not a number', { argument: name, value: x });
  }
  if (!(x >= lo && x <= hi)) {
    throw new LslabError('E_RANGE', fn, `must lie in [${lo}, ${hi}]`, { argument: name, value: x });
  }
  return x;
}

/**
 * Checks a number in the open interval (lo, hi): for a parameter whose ends
 * break the statement it enters (α = 0 leaves a target with zero entries).
 *
 * @param fn - the public function the user called
 * @param name - the argument as the user wrote it
 * @param x - the value
 * @param lo - the bound below, excluded
 * @param hi - the bound above, excluded
 * @param why - optional reason the ends are excluded, appended to the message
 * @returns `x`
 * @throws LslabError `E_NOT_FINITE` for NaN or a non-number, `E_RANGE` outside (lo, hi)
 * @example
 * checkInOpenRange('C9.training-rhythm', 'alpha', 0.1, 0, 1); // 0.1
 * checkInOpenRange('C9.training-rhythm', 'alpha', 0, 0, 1);
 * // throws E_RANGE "C9.training-rhythm: alpha = 0: must lie in (0, 1)"
 */
export function checkInOpenRange(
  fn: string,
  name: string,
  x: unknown,
  lo: number,
  hi: number,
  why?: string,
): number {
  if (typeof x !== 'number' || Number.isNaN(x)) {
    throw new LslabError('E_NOT_FINITE', fn, 'is not a number', { argument: name, value: x });
  }
  if (!(x > lo && x < hi)) {
    const reason = why === undefined ? '' : ` (${why})`;
    throw new LslabError('E_RANGE', fn, `must lie in (${lo}, ${hi})${reason}`, {
      argument: name,
      value: x,
    });
  }
  return x;
}

/**
 * Checks a finite number > 0.
 *
 * @param fn - the public function the user called
 * @param name - the argument as the user wrote it
 * @param x - the value
 * @returns `x`
 * @throws LslabError `E_NOT_FINITE` for NaN, ±∞ or a non-number, `E_RANGE` for x ≤ 0
 * @example
 * checkPositive('f', 'options.lr', 0); // throws E_RANGE "f: options.lr = 0: must be > 0"
 */
export function checkPositive(fn: string, name: string, x: unknown): number {
  if (typeof x !== 'number' || !(x > -Infinity && x < Infinity)) {
    const problem = typeof x === 'number' ? 'is not finite' : 'is not a number';
    throw new LslabError('E_NOT_FINITE', fn, problem, { argument: name, value: x });
  }
  if (!(x > 0)) throw new LslabError('E_RANGE', fn, 'must be > 0', { argument: name, value: x });
  return x;
}

/**
 * Checks an integer in [min, max] (each bound optional). `max` doubles as a
 * resource bound (a number of resamples, of epochs): the message states it.
 *
 * @param fn - the public function the user called
 * @param name - the argument as the user wrote it
 * @param x - the value
 * @param bounds.min - the smallest allowed value (inclusive)
 * @param bounds.max - the largest allowed value (inclusive)
 * @returns `x`
 * @throws LslabError `E_NOT_FINITE` for NaN or ±∞, `E_RANGE` for a non-number,
 *   a fraction, or a value outside [min, max]
 * @example
 * checkInteger('f', 'options.bins', 15, { min: 1 });  // 15
 * checkInteger('f', 'options.bins', 1.5, { min: 1 }); // throws E_RANGE "…: must be an integer ≥ 1"
 */
export function checkInteger(
  fn: string,
  name: string,
  x: unknown,
  bounds: { min?: number; max?: number } = {},
): number {
  const { min, max } = bounds;
  const domain =
    min !== undefined && max !== undefined
      ? `an integer in [${min}, ${max}]`
      : min !== undefined
        ? `an integer ≥ ${min}`
        : max !== undefined
          ? `an integer ≤ ${max}`
          : 'an integer';
  if (typeof x === 'number' && !(x > -Infinity && x < Infinity)) {
    throw new LslabError('E_NOT_FINITE', fn, `is not finite; must be ${domain}`, {
      argument: name,
      value: x,
    });
  }
  if (typeof x !== 'number' || !Number.isInteger(x)) {
    const what = typeof x === 'number' ? 'must be' : 'is not a number; must be';
    throw new LslabError('E_RANGE', fn, `${what} ${domain}`, { argument: name, value: x });
  }
  if ((min !== undefined && x < min) || (max !== undefined && x > max)) {
    throw new LslabError('E_RANGE', fn, `must be ${domain}`, { argument: name, value: x });
  }
  return x;
}

/**
 * Checks the smoothing weight α ∈ [0, 1].
 *
 * @param fn - the public function the user called
 * @param alpha - the value
 * @param name - the argument as the user wrote it; default `'alpha'`
 * @returns `alpha`
 * @throws LslabError `E_NOT_FINITE` for NaN or a non-number, `E_RANGE` outside [0, 1]
 * @example
 * checkAlpha('smoothLabels', 1.5); // throws E_RANGE "smoothLabels: alpha = 1.5: must lie in [0, 1]"
 */
export function checkAlpha(fn: string, alpha: unknown, name = 'alpha'): number {
  return checkInRange(fn, name, alpha, 0, 1);
}

/**
 * Checks the number of classes K: an integer ≥ 2.
 *
 * @param fn - the public function the user called
 * @param k - the value
 * @param name - the argument as the user wrote it; default `'numClasses'`
 * @returns `k`
 * @throws LslabError `E_RANGE`
 * @example
 * checkNumClasses('smoothLabels', 1); // throws E_RANGE "smoothLabels: numClasses = 1: must be an integer ≥ 2"
 */
export function checkNumClasses(fn: string, k: unknown, name = 'numClasses'): number {
  if (typeof k !== 'number' || !Number.isInteger(k) || k < 2) {
    throw new LslabError('E_RANGE', fn, 'must be an integer ≥ 2', { argument: name, value: k });
  }
  return k;
}
