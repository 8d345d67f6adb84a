import { LslabError } from '@lslab/core';
import { checkNumber, checkOptions } from '@lslab/core/validate';

/**
 * @internal The options object of a constructor that needs one: `undefined`,
 * a non-object or an unknown key → E_OPTION naming `fn`, the call the user made.
 */
export function requiredOptions<T extends object>(
  fn: string,
  options: unknown,
  allowed: readonly (keyof T & string)[],
): Partial<T> {
  if (options === undefined) {
    throw new LslabError('E_OPTION', fn, `is required (${allowed.join(', ')})`, {
      argument: 'options',
    });
  }
  return checkOptions<T>(fn, options, allowed);
}

/** @internal A finite number ≥ 0 (L2 strengths); `undefined` gives 0. */
export function checkNonNegative(fn: string, name: string, v: unknown): number {
  if (v === undefined) return 0;
  const x = checkNumber(fn, name, v);
  if (!(x >= 0)) throw new LslabError('E_RANGE', fn, 'must be ≥ 0', { argument: name, value: x });
  return x;
}

/** @internal A finite number in [lo, hi) (momentum, Adam's β). */
export function checkHalfOpen(
  fn: string,
  name: string,
  v: unknown,
  lo: number,
  hi: number,
): number {
  const x = checkNumber(fn, name, v);
  if (!(x >= lo && x < hi)) {
    throw new LslabError('E_RANGE', fn, `must lie in [${lo}, ${hi})`, { argument: name, value: x });
  }
  return x;
}

/** @internal A boolean flag; `undefined` gives `fallback`. */
export function checkFlag(fn: string, name: string, v: unknown, fallback: boolean): boolean {
  if (v === undefined) return fallback;
  if (typeof v !== 'boolean') {
    throw new LslabError('E_OPTION', fn, 'must be true or false', { argument: name, value: v });
  }
  return v;
}
