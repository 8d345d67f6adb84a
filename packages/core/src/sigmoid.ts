import { elementwise } from './internal/elementwise.js';
import { sigmoidScalar } from './internal/scalar.js';

/**
 * The logistic function σ(z) = 1 / (1 + e^{−z}), evaluated on the branch that
 * cannot overflow: `e^z / (1 + e^z)` for z < 0.
 *
 * @param z - a finite number or an array of them
 * @returns σ(z) (a Float64Array for array input)
 * @throws LslabError `E_NOT_FINITE` for NaN/±∞
 * @example
 * sigmoid(Math.log(9)); // 0.8999999999999999 (0.9 up to rounding)
 * sigmoid(-1e300);      // 0
 */
export function sigmoid(z: number): number;
export function sigmoid(z: ArrayLike<number>): Float64Array;
export function sigmoid(z: number | ArrayLike<number>): number | Float64Array {
  return elementwise('sigmoid', z, sigmoidScalar);
}
