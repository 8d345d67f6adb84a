import { LslabError } from '@lslab/core';

/**
 * @internal Throws `E_OPTION` when `options` holds a key not in `known`, and
 * `E_OPTION` when `options` is not a plain object. `undefined` is accepted.
 */
export function checkKnownOptions(fn: string, options: unknown, known: readonly string[]): void {
  if (options === undefined) return;
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new LslabError('E_OPTION', fn, 'must be an object of options', {
      argument: 'options',
      value: options,
    });
  }
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw new LslabError(
        'E_OPTION',
        fn,
        `is not a known option (known: ${known.map((k) => `'${k}'`).join(', ')})`,
        { argument: `options.${key}`, value: (options as Record<string, unknown>)[key] },
      );
    }
  }
}

/** @internal Returns `value ?? fallback`, throwing `E_OPTION` unless it is one of `allowed`. */
export function checkChoice<T extends string>(
  fn: string,
  name: string,
  value: unknown,
  allowed: readonly T[],
  fallback: T,
): T {
  const v = value === undefined ? fallback : value;
  if (!allowed.includes(v as T)) {
    throw new LslabError(
      'E_OPTION',
      fn,
      `must be one of ${allowed.map((a) => `'${a}'`).join(', ')}`,
      { argument: name, value: v },
    );
  }
  return v as T;
}

/** @internal Returns `value ?? fallback`, throwing `E_OPTION` unless it is a boolean. */
export function checkBoolean(fn: string, name: string, value: unknown, fallback: boolean): boolean {
  const v = value === undefined ? fallback : value;
  if (typeof v !== 'boolean') {
    throw new LslabError('E_OPTION', fn, 'must be true or false', { argument: name, value: v });
  }
  return v;
}

/**
 * @internal The number of bins: an integer ≥ 1 (default `fallback`). Throws
 * `E_RANGE` for 0, negatives, fractions, NaN, ±∞ and non-numbers.
 */
export function checkBins(
  fn: string,
  value: unknown,
  fallback = 15,
  name = 'options.bins',
): number {
  const v = value === undefined ? fallback : value;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) {
    throw new LslabError('E_RANGE', fn, 'must be an integer ≥ 1', { argument: name, value: v });
  }
  return v;
}
