import { checkNamed, expectClaimHolds, expectProgressContract } from '@lslab/test-utils/claims';
import { describe, expect, it } from 'vitest';
import { c4Saturation as claim, claims } from '../../src/claims/index.ts';
import { thrown } from '../helpers.ts';

describe('c4Saturation.run(params)', () => {
  it('run(defaults) holds: σ′ = 0.09 at α = 0.1 (others), 0.0475 (uniform), T·σ′ → 1/η', () => {
    expect(claim.id).toBe('C4.saturation');
    expect(claims).toContain(claim);
    const r = expectClaimHolds(claim, claim.defaults);
    expect(checkNamed(r, 'others: σ′ at the smoothed optimum = α(1 − α)').measured).toBeCloseTo(
      0.09,
      14,
    );
    expect(
      checkNamed(r, 'wrong-way saturated unit: cross-entropy gradient σ(z) − 1 ≈ −1').measured,
    ).toBeLessThan(-0.9999);
    expect(
      Math.abs(
        checkNamed(r, 'wrong-way saturated unit: squared-error gradient (σ − 1)σ(1 − σ) ≈ 0')
          .measured,
      ),
    ).toBeLessThan(1e-4);
    // the hidden-unit measurement is reported with intervals, in both activations, never as a check
    const rows = r.series.saturatedFraction as { activation: string; lo: number; hi: number }[];
    expect(rows.map((x) => x.activation)).toEqual(['tanh', 'tanh', 'sigmoid', 'sigmoid']);
    for (const x of rows) expect(x.lo).toBeLessThanOrEqual(x.hi);
    expect(r.checks.some((c) => c.name.includes('hidden'))).toBe(false);
    expect(r.notes?.filter((n) => n.includes('not asserted')).length).toBe(2);
  });

  it.each([
    { alpha: 0.1, K: 2, lr: 1, steps: 100_000, zWrong: 10, mlpSteps: 200, seeds: 3, seed: 1 },
    { alpha: 0.01, K: 3, lr: 1, steps: 100_000, zWrong: 10, mlpSteps: 200, seeds: 3, seed: 2 },
    { alpha: 0.9, K: 3, lr: 0.5, steps: 10_000, zWrong: 5, mlpSteps: 200, seeds: 3, seed: 3 },
    { alpha: 0.3, K: 20, lr: 2, steps: 100_000, zWrong: 30, mlpSteps: 100, seeds: 3, seed: 4 },
  ])('run(%o) holds', (p) => {
    expectClaimHolds(claim, p);
  });

  it('K = 1000 is rejected (the MLP experiment is sized for K ≤ 20), as are bad α, η and T', () => {
    const d = claim.defaults;
    expect(thrown(() => claim.run({ ...d, K: 1000 })).code).toBe('E_RANGE');
    expect(thrown(() => claim.run({ ...d, alpha: 0 })).code).toBe('E_RANGE');
    expect(thrown(() => claim.run({ ...d, lr: 3 })).code).toBe('E_RANGE');
    // η = 5e-324 used to give check() a tolerance of ∞; η < 0.01 is refused, naming lr
    for (const lr of [5e-324, 0.009])
      expect(thrown(() => claim.run({ ...d, lr })).details.argument).toBe('lr');
    expect(thrown(() => claim.run({ ...d, steps: 50_000 })).code).toBe('E_RANGE');
    expect(thrown(() => claim.run({ ...d, zWrong: 40 })).code).toBe('E_RANGE');
    // an unknown parameter is named at the door, with the nearest known one
    const u = thrown(() => claim.run({ ...claim.defaults, alfa: 0.1 } as never));
    expect([u.code, u.message]).toEqual(['E_OPTION', expect.stringContaining('params.alfa')]);
    expect(u.message).toContain("did you mean 'alpha'?");
  });

  it('streams its rows: the free-logit runs, then one unit per (activation, seed) pair of MLPs', () => {
    const p = { ...claim.defaults, steps: 10_000, mlpSteps: 100, seeds: 3 };
    // 1 + 2 activations × 3 seeds
    const partials = expectProgressContract(claim, p, 7);
    expect(partials[0].series).toEqual({});
    // each seed adds the hard and the smoothed curve; the means come with an activation's last seed
    expect(partials[1].series.saturatedFraction).toBeUndefined();
    expect(partials[3].series.saturatedFraction).toHaveLength(2);
    expect(partials[6].stage).toBe('sigmoid MLPs, seed 3 of 3');
  });
});
