import { checkNamed, expectClaimHolds, expectProgressContract } from '@lslab/test-utils/claims';
import { describe, expect, it } from 'vitest';
import { c10Stability as claim, claims } from '../../src/claims/index.ts';
import { thrown } from '../helpers.ts';

describe('c10Stability.run(params)', () => {
  it('run(defaults) holds: bound in every cell, slope −1, ratio near 1 − α, ΔW = 0 at α = 1', () => {
    expect(claim.id).toBe('C10.stability');
    expect(claims).toContain(claim);
    const r = expectClaimHolds(claim, claim.defaults);
    expect(checkNamed(r, 'ΔW = 0 at α = 1 (every n, every flipped row)').measured).toBe(0);
    const ratio = checkNamed(r, 'ΔW(α)/ΔW(0) at n = 3200 tracks 1 − α');
    // measured at defaults: within 1 % of 1 − α, far inside the curvature band
    expect(Math.abs(ratio.measured / 0.9 - 1)).toBeLessThan(0.01);
    const rows = r.series.stabilityVsN as { n: number; alpha: number; deltaW: number }[];
    expect(rows.length).toBe(7 * 11);
  });

  it.each([
    { alpha: 0.1, K: 2, lambda: 1, flips: 4, seed: 0 },
    { alpha: 0.01, K: 3, lambda: 1, flips: 4, seed: 1 },
    { alpha: 0.9, K: 3, lambda: 1, flips: 4, seed: 2 },
    { alpha: 0.3, K: 16, lambda: 2, flips: 2, seed: 3 },
    { alpha: 1, K: 5, lambda: 0.5, flips: 3, seed: 4 },
  ])('run(%o) holds', (p) => {
    expectClaimHolds(claim, p);
  });

  it('K = 1000 is rejected (a dense Newton Hessian of (dK)² entries), with a typed error', () => {
    const e = thrown(() => claim.run({ ...claim.defaults, K: 1000 }));
    expect([e.code, e.message]).toEqual(['E_RANGE', expect.stringContaining('K = 1000')]);
    expect(thrown(() => claim.run({ ...claim.defaults, lambda: 0 })).code).toBe('E_RANGE');
    // λ outside [1e-3, 1e3]: at 1e308 every ΔW underflows (the ratios are 0/0), at 5e-324
    // the slack ‖∇F‖/λ overflows; both are refused at the door, naming λ
    for (const lambda of [1e308, 5e-324, 2e3, 5e-4]) {
      const e = thrown(() => claim.run({ ...claim.defaults, lambda }));
      expect([e.code, e.details.argument]).toEqual(['E_RANGE', 'lambda']);
    }
    expect(thrown(() => claim.run({ ...claim.defaults, alpha: 2 })).code).toBe('E_RANGE');
    expect(thrown(() => claim.run({ ...claim.defaults, flips: 0 })).code).toBe('E_RANGE');
    // an unknown parameter is named at the door, with the nearest known one
    const u = thrown(() => claim.run({ ...claim.defaults, alfa: 0.1 } as never));
    expect([u.code, u.message]).toEqual(['E_OPTION', expect.stringContaining('params.alfa')]);
    expect(u.message).toContain("did you mean 'alpha'?");
  });

  it('streams its rows: one unit per (n, α) pair fitted, smallest n first; slopes only at the end', () => {
    // α = 0.25 is off the grid 0, 0.1, …, 1: 12 smoothing values × 7 sizes
    const p = { alpha: 0.25, K: 2, lambda: 1, flips: 1, seed: 0 };
    const partials = expectProgressContract(claim, p, 7 * 12);
    expect(partials[0].stage).toBe('n = 50, α = 0');
    expect(partials[0].series.cells).toHaveLength(1);
    // a size's summary rows come with its pairs: after the first size, 12 rows at n = 50
    expect(partials[11].series.stabilityVsN).toHaveLength(12);
    expect(partials.slice(0, -1).every((q) => q.series.slopes === undefined)).toBe(true);
    expect(partials.every((q) => q.series.factors?.length === 11)).toBe(true);
    const e = thrown(() => claim.run(claim.defaults, 5 as never));
    expect([e.code, e.details.argument]).toEqual(['E_OPTION', 'onProgress']);
  });
});
