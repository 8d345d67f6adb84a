import { EPS } from '../tolerances.js';

/** @internal z_t − ln t of the hard-label run at a power of ten t. */
export type Drift = { t: number; drift: number };

/**
 * @internal The tolerance of z_T − ln T against ln η + (½ − 1/η)·ln T/T, the
 * expansion through its second term (docs/theory/C3.finite-optimum.md). What
 * is left is C/(ηT) + o(1/T), with C the constant of w_t = e^{z_t} =
 * ηt + (η/2 − 1) ln t + C + o(1). In the continuous limit w + ln w = ηt + 1
 * (from w_0 = 1), so C = 1 − ln η + O(η); |C − (1 − ln η)| stays below 0.35 on
 * η ∈ (0, 2], and |C| ≤ 1.5 + |ln η| bounds it. The iteration adds T roundings
 * of z ≈ ln T, each ≤ EPS·ln T/2.
 */
export function driftTolerance(lr: number, T: number): number {
  return (1.5 + Math.abs(Math.log(lr))) / (lr * T) + (T * EPS * Math.log(T)) / 2;
}
