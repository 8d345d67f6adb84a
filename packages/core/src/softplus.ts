import { elementwise } from './internal/elementwise.js';
import { softplusScalar } from './internal/scalar.js';

/**
 * softplus(z) = log(1 + e^z), computed as `max(z, 0) + log1p(e^{−|z|})`: exact
 * for large |z| (softplus(1e300) = 1e300, softplus(−800) = e^{−800} ≈ 0).
 *
 * @param z - a finite number or an array of them
 * @returns softplus(z) (a Float64Array for array input)
 * @throws LslabError `E_NOT_FINITE` for NaN/±∞
 * @example
 * softplus(0);    // Math.LN2 = 0.6931471805599453
 * softplus(1e4);  // 10000
 */
export function softplus(z: number): number;
export function softplus(z: ArrayLike<number>): Float64Array;
export function softplus(z: number | ArrayLike<number>): number | Float64Array {
  return elementwise('softplus', z, softplusScalar);
}
