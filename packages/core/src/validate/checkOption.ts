import { SMOOTHING_CONVENTIONS, type SmoothingConvention } from '../convention.js';
import { LslabError } from '../errors.js';

/**
 * Checks that an enumerated value is one of `allowed`.
 *
 * @param fn - the public function the user called
 * @param name - the argument as the user wrote it, e.g. `'options.reduction'`
 * @param value - the value given
 * @param allowed - the accepted values
 * @returns `value`, narrowed to `T`
 * @throws LslabError `E_OPTION` naming the accepted values
 * @example
 * checkOption('f', 'options.reduction', 'sum', ['mean', 'sum', 'none']); // 'sum'
 * checkOption('f', 'options.reduction', 'avg', ['mean', 'sum']);
 * // throws E_OPTION: "f: options.reduction = \"avg\": must be one of 'mean', 'sum'"
 */
export function checkOption<T extends string>(
  fn: string,
  name: string,
  value: unknown,
  allowed: readonly T[],
): T {
  if (!allowed.includes(value as T)) {
    const list = allowed.map((a) => `'${a}'`).join(', ');
    throw new LslabError('E_OPTION', fn, `must be one of ${list}`, { argument: name, value });
  }
  return value as T;
}

/**
 * Checks a smoothing convention, `'uniform'` when `undefined` (the default of
 * every function that smooths).
 *
 * @param fn - the public function the user called
 * @param value - the convention given, or `undefined`
 * @param name - the argument as the user wrote it; default `'options.convention'`
 * @returns `'uniform'` or `'others'`
 * @throws LslabError `E_OPTION` for anything else
 * @example
 * checkConvention('smoothLabels', undefined); // 'uniform'
 * checkConvention('smoothLabels', 'others');  // 'others'
 */
export function checkConvention(
  fn: string,
  value: unknown,
  name = 'options.convention',
): SmoothingConvention {
  return checkOption(fn, name, value ?? 'uniform', SMOOTHING_CONVENTIONS);
}
