import type { SmoothingConvention } from '../convention.js';

/**
 * @internal For one-hot targets: the mass `on` of the true class and `off` of
 * each other class, for K classes and smoothing α under a convention.
 */
export function smoothingMass(
  alpha: number,
  k: number,
  convention: SmoothingConvention,
): { on: number; off: number } {
  if (convention === 'uniform') {
    const off = alpha / k;
    return { on: 1 - alpha + off, off };
  }
  return { on: 1 - alpha, off: alpha / (k - 1) };
}
