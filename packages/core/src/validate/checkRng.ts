import { LslabError } from '../errors.js';
import { Rng } from '../random/rng.js';

/**
 * Checks that a value is a seeded generator made by `createRng` of
 * `@lslab/core` (the only randomness lslab accepts).
 *
 * @param fn - the public function the user called
 * @param name - the argument as the user wrote it, e.g. `'options.rng'`
 * @param rng - the value
 * @returns `rng`, typed as {@link Rng}
 * @throws LslabError `E_OPTION` for anything else (`Math.random`, a seed, a plain object)
 * @example
 * checkRng('train', 'options.rng', createRng(1)); // the generator
 * checkRng('train', 'options.rng', Math.random);
 * // throws E_OPTION: "train: options.rng: is not an Rng; make one with createRng(seed)"
 */
export function checkRng(fn: string, name: string, rng: unknown): Rng {
  if (!(rng instanceof Rng)) {
    throw new LslabError('E_OPTION', fn, 'is not an Rng; make one with createRng(seed)', {
      argument: name,
    });
  }
  return rng;
}
