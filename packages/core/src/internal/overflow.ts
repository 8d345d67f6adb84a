import { LslabError } from '../errors.js';

/**
 * @internal Throws `E_RANGE` when a result that is finite for finite input
 * came out ±∞ or NaN all the same: its true value lies beyond the double range
 * (about 1.8e308), as for the loss of logits near ±1e308 on the wrong class.
 * Never returns a silent ∞.
 *
 * @param fn - the public function the user called
 * @param argument - the input to rescale, as the user wrote it
 * @param values - the results to check, row-major
 * @param cols - values a row (1 for one per row; 0 for a single total)
 */
export function checkNoOverflow(
  fn: string,
  argument: string,
  values: ArrayLike<number>,
  cols = 0,
): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!(v > -Infinity && v < Infinity)) {
      throw new LslabError(
        'E_RANGE',
        fn,
        'gives a result beyond the double range (about 1.8e308); rescale it',
        cols === 0
          ? { argument }
          : cols === 1
            ? { argument, row: i }
            : { argument, row: Math.floor(i / cols), column: i % cols },
      );
    }
  }
}
