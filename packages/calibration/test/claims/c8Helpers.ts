import type { Matrix } from '@lslab/core';
import { expect } from 'vitest';
import { c8SmoothingCalibration as claim } from '../../src/claims/index.ts';
import { brierScore, expectedCalibrationError } from '../../src/index.ts';

/** The claim's defaults without the real data sets (the synthetic regimes carry the checks). */
export const synthetic = { ...claim.defaults, datasets: [] };

/** The checks in the claim's order, by what they measure. */
export const CHECK = {
  overGap: 0,
  overEce: 1,
  overDebiasedEce: 2,
  overBrier: 3,
  wellEce: 4,
  wellDebiasedEce: 5,
  wellGap: 6,
} as const;

export const ece = (p: Matrix, y: ArrayLike<number>) =>
  expectedCalibrationError(p, y, { bins: 15 }).value;
export const debiasedEce = (p: Matrix, y: ArrayLike<number>) =>
  expectedCalibrationError(p, y, { bins: 15, debias: true }).value;
export const brier = (p: Matrix, y: ArrayLike<number>) => brierScore(p, y);

/** Mean top-label confidence minus accuracy, written out here (ties to the lowest index). */
export function gap(p: Matrix, y: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < p.rows; i++) {
    let best = 0;
    for (let j = 1; j < p.cols; j++)
      if (p.data[i * p.cols + j] > p.data[i * p.cols + best]) best = j;
    s += p.data[i * p.cols + best] - (best === y[i] ? 1 : 0);
  }
  return s / p.rows;
}

/**
 * Asserts of a result where the theory does not promise every check: the
 * checks `holding` hold, and every check is a finite one-sided bound whose
 * `holds` agrees with its comparison (a check that fails is reported, not hidden).
 */
export function expectReported(
  r: { checks: { measured: number; holds: boolean; comparison: string }[] },
  holding: number[],
): void {
  expect(r.checks).toHaveLength(7);
  r.checks.forEach((c, i) => {
    expect(Number.isFinite(c.measured)).toBe(true);
    expect(c.holds).toBe(c.comparison === 'atLeast' ? c.measured >= 0 : c.measured <= 0);
    if (holding.includes(i)) expect(c.holds, `check ${i}`).toBe(true);
  });
}
