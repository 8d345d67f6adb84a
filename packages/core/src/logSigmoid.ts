import { elementwise } from './internal/elementwise.js';
import { softplusScalar } from './internal/scalar.js';

/**
 * log σ(z) = −softplus(−z), finite for every finite z (log σ(−1e300) = −1e300).
 *
 * @param z - a finite number or an array of them
 * @returns log σ(z) (a Float64Array for array input)
 * @throws LslabError `E_NOT_FINITE` for NaN/±∞
 * @example
 * logSigmoid(0);     // -Math.LN2 = -0.6931471805599453
 * logSigmoid(-1e4);  // -10000
 */
export function logSigmoid(z: number): number;
export function logSigmoid(z: ArrayLike<number>): Float64Array;
export function logSigmoid(z: number | ArrayLike<number>): number | Float64Array {
  return elementwise('logSigmoid', z, (x) => -softplusScalar(-x));
}
