import { checkNamed, expectClaimHolds } from '@lslab/test-utils/claims';
import { describe, expect, it } from 'vitest';
import { c11Lipschitz as claim, claims } from '../../src/claims/index.ts';
import { thrown } from '../helpers.ts';

describe('c11Lipschitz.run(params)', () => {
  it('run(defaults) holds: 1.34499 against √2 = 1.41421 at K = 10, α = 0.1 (−4.9 %)', () => {
    expect(claim.id).toBe('C11.lipschitz');
    expect(claims).toContain(claim);
    expect(claim.defaults).toMatchObject({ alpha: 0.1, K: 10 });
    const r = expectClaimHolds(claim, claim.defaults);
    const l2 = checkNamed(r, 'uniform ℓ2: max over vertices = closed form');
    expect(l2.measured.toFixed(5)).toBe('1.34499');
    const rel = checkNamed(r, 'uniform ℓ2: relative change against hard labels').measured;
    expect((100 * rel).toFixed(1)).toBe('-4.9');
    expect(checkNamed(r, 'uniform ℓ∞: max over vertices = closed form').measured).toBe(0.99);
  });

  it.each([
    { alpha: 0.1, K: 2, samples: 2000, seed: 0 },
    { alpha: 0.1, K: 1000, samples: 500, seed: 0 },
    { alpha: 0.01, K: 10, samples: 2000, seed: 1 },
    { alpha: 0.9, K: 10, samples: 2000, seed: 2 },
    { alpha: 0.5, K: 3, samples: 1000, seed: 3 },
    { alpha: 0.3, K: 100, samples: 1000, seed: 4 },
  ])('run(%o) holds', (p) => {
    expectClaimHolds(claim, p);
  });

  it('shows how small the effect is across K and α', () => {
    const rows = claim.run(claim.defaults).series.effect as {
      K: number;
      alpha: number;
      relativeChange: number;
    }[];
    const at = (K: number, alpha: number) =>
      rows.find((x) => x.K === K && x.alpha === alpha)!.relativeChange;
    expect(at(10, 0.1)).toBeCloseTo(1.3449907062875 / Math.SQRT2 - 1, 12);
    // K = 2: the wrong vertex is (−(1 − α/2), 1 − α/2), so the constant is √2(1 − α/2): −α/2
    for (const a of [0.01, 0.1, 0.3, 0.5]) expect(at(2, a)).toBeCloseTo(-a / 2, 14);
    // K → ∞: √(1 + (1 − α)²)/√2 − 1, −5.1 % at α = 0.1; K = 1000 is within 1e-3 of it
    expect(Math.abs(at(1000, 0.1) - (Math.sqrt(1 + 0.81) / Math.SQRT2 - 1))).toBeLessThan(1e-3);
    // and the ℓ2 constant decreases in α at every K
    for (const K of [2, 3, 10, 100, 1000]) expect(at(K, 0.3)).toBeLessThan(at(K, 0.1));
  });

  it('rejects parameters out of range with typed errors', () => {
    const d = claim.defaults;
    expect(thrown(() => claim.run({ ...d, K: 1 })).code).toBe('E_RANGE');
    expect(thrown(() => claim.run({ ...d, K: 1001 })).code).toBe('E_RANGE');
    expect(thrown(() => claim.run({ ...d, alpha: -0.1 })).code).toBe('E_RANGE');
    expect(thrown(() => claim.run({ ...d, samples: 10 })).code).toBe('E_RANGE');
    expect(thrown(() => claim.run({ ...d, seed: 1.5 })).code).toBe('E_RANGE');
    // an unknown parameter is named at the door, with the nearest known one
    const u = thrown(() => claim.run({ ...claim.defaults, alfa: 0.1 } as never));
    expect([u.code, u.message]).toEqual(['E_OPTION', expect.stringContaining('params.alfa')]);
    expect(u.message).toContain("did you mean 'alpha'?");
  });
});
