import { describe, expect, it } from 'vitest';
import { coreClaims, finiteOptimumClaim } from '../../src/claims/index.ts';
import { check } from '../../src/index.ts';

describe('coreClaims', () => {
  it('lists C1, C2, C3, C7, C9 in catalogue order with unique ids', () => {
    expect(coreClaims.map((c) => c.id)).toEqual([
      'C1.smoothed-targets',
      'C2.gradient',
      'C3.finite-optimum',
      'C7.regulariser',
      'C9.training-rhythm',
    ]);
  });

  it.each(coreClaims.map((c) => [c.id, c] as const))(
    '%s: statement has TeX, every formula names a check, checks have unique names',
    (_, claim) => {
      expect(claim.statement).toMatch(/\$.+\$/);
      const { checks } = claim.run(claim.defaults);
      const names = checks.map((c) => c.name);
      expect(new Set(names).size).toBe(names.length);
      for (const key of Object.keys(claim.formulas ?? {})) expect(names).toContain(key);
      expect(Object.keys(claim.formulas ?? {}).length).toBeGreaterThan(0);
    },
  );
});

describe('a claim that does not hold says so', () => {
  it('finiteOptimumClaim.run({ alpha: 0.001, steps: 1000 }): descent has not reached z* yet', () => {
    // curvature at the optimum is t(1 − t) ≈ 0.001, so 1000 steps of η = 1 cannot converge to 1e-9
    const r = finiteOptimumClaim.run({ alpha: 0.001, K: 3, lr: 1, steps: 1000 });
    const c = r.checks.find((x) => x.name.startsWith('others binary'))!;
    expect(c.holds).toBe(false);
    expect(c.expected).toBeCloseTo(Math.log(999), 12);
    expect(c.measured).toBeLessThan(c.expected - 1e-3);
  });
});

describe('check helpers', () => {
  it('check(name, e, m, tol) is two-sided and never holds for NaN', () => {
    expect(check('a', 1, 1 + 1e-9, 1e-8).holds).toBe(true);
    expect(check('a', 1, 1 - 2e-8, 1e-8).holds).toBe(false);
    expect(check('a', 0, Number.NaN, 1).holds).toBe(false);
  });

  it("check(name, bound, m, slack, 'atMost') holds only at or below bound + slack", () => {
    expect(check('b', 1, 0.5, 0, 'atMost')).toMatchObject({ comparison: 'atMost', holds: true });
    expect(check('b', 1, 1, 0, 'atMost').holds).toBe(true);
    expect(check('b', 1, 1.1, 0.05, 'atMost').holds).toBe(false);
    expect(check('b', 1, Number.NaN, 1, 'atMost').holds).toBe(false);
    expect(check('b', Number.POSITIVE_INFINITY, 1, 0, 'atMost').holds).toBe(false);
  });

  it("check(name, bound, m, slack, 'atLeast') holds only at or above bound − slack", () => {
    expect(check('b', 1, 2, 0, 'atLeast')).toMatchObject({ comparison: 'atLeast', holds: true });
    expect(check('b', 1, 1, 0, 'atLeast').holds).toBe(true);
    expect(check('b', 1, 0.96, 0.05, 'atLeast').holds).toBe(true);
    expect(check('b', 1, 0.9, 0.05, 'atLeast').holds).toBe(false);
    expect(check('b', 1, Number.NaN, 1, 'atLeast').holds).toBe(false);
  });

  it("check(name, e, m, tol) defaults to comparison 'equal'", () => {
    expect(check('a', 1, 1, 0).comparison).toBe('equal');
    // a value far below an 'equal' expectation does not hold, as it would for 'atMost'
    expect(check('a', 1, 0, 0.5).holds).toBe(false);
  });

  it("every one-sided check of the core claims carries 'atMost' or 'atLeast'", () => {
    const oneSided = coreClaims
      .flatMap((c) => c.run(c.defaults).checks)
      .filter((c) => c.comparison !== 'equal')
      .map((c) => [c.name, c.comparison]);
    expect(oneSided).toEqual([
      [
        'hard labels: increments of z_t − ln t shrink over the last three decades (largest ratio, bound 1)',
        'atMost',
      ],
      ['confidence penalty: KL(p‖u), largest seen (bound ln K)', 'atMost'],
    ]);
  });
});
