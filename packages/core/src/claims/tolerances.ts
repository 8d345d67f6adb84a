import { type ClaimCheck, check } from '../claim.js';

/** @internal Machine epsilon, 2^−52: the spacing of doubles in [1, 2). */
export const EPS = Number.EPSILON;

/**
 * @internal The rounding bound of a sum of `k` terms whose absolute values add
 * up to at most `scale`: recursive summation errs by at most (k − 1)·u·Σ|x_i|
 * with u = EPS/2, and each term brings a few roundings of its own; `c`·k·EPS·scale
 * covers both with c ≥ 1.
 */
export function sumRounding(k: number, scale: number, c = 1): number {
  return c * k * EPS * scale;
}

/**
 * @internal A check of a number the source text prints rounded, e.g. `'0.7826'`:
 * the literal is the expected value and half a unit of its last printed digit
 * is the tolerance (5e-5 for four decimals), the rounding the text applied.
 */
export function printedCheck(name: string, printed: string, measured: number): ClaimCheck {
  const decimals = printed.split('.')[1]?.length ?? 0;
  return check(name, Number(printed), measured, 5 / 10 ** (decimals + 1));
}
