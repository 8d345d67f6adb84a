import { checkInteger } from './numbers.js';

/** The largest seed plus one: seeds are the integers in [0, 2^53). */
export const SEED_LIMIT = 2 ** 53;

/**
 * Checks a seed: an integer in [0, 2^53), every one of which names its own
 * stream (no aliasing by 32-bit truncation).
 *
 * @param fn - the public function the user called
 * @param name - the argument as the user wrote it, e.g. `'options.seed'`
 * @param seed - the value
 * @returns `seed`
 * @throws LslabError `E_NOT_FINITE` for NaN or ±∞, `E_RANGE` for a fraction,
 *   a negative number, 2^53 or more, or a non-number
 * @example
 * checkSeed('createRng', 'seed', 2 ** 32); // 4294967296
 * checkSeed('createRng', 'seed', 1.5);
 * // throws E_RANGE: "createRng: seed = 1.5: must be an integer in [0, 9007199254740991]"
 */
export function checkSeed(fn: string, name: string, seed: unknown): number {
  return checkInteger(fn, name, seed, { min: 0, max: SEED_LIMIT - 1 });
}
