import { checkNamed, expectClaimHolds } from '@lslab/test-utils/claims';
import { describe, expect, it } from 'vitest';
import { c5WeightGrowth as claim, claims } from '../../src/claims/index.ts';
import { thrown } from '../helpers.ts';

describe('c5WeightGrowth.run(params)', () => {
  it('run(defaults) holds: w_t − ŵ ln t → w̃, and the smoothed norm stops at Newton’s', () => {
    expect(claim.id).toBe('C5.weight-growth');
    expect(claims).toContain(claim);
    const r = expectClaimHolds(claim, claim.defaults);
    // η = 0.5, n = 6: offsets ln(0.5/6) = −ln 12 and ln(0.5/1.5) = −ln 3
    const sv1 = checkNamed(
      r,
      'hard labels: support vector 1: s_i x_i·(w_T − ŵ ln T) → ln(η/(n α_i))',
    );
    expect(sv1.expected).toBeCloseTo(-Math.log(12), 14);
    const sv2 = checkNamed(
      r,
      'hard labels: support vector 2: s_i x_i·(w_T − ŵ ln T) → ln(η/(n α_i))',
    );
    expect(sv2.expected).toBeCloseTo(-Math.log(3), 14);
    // ‖w_T‖/ln T has not reached ‖ŵ‖ by T = 10⁵: the O(1/ln T) approach, stated in the notes
    const ratio = checkNamed(r, 'hard labels: ‖w_T‖/ln T → ‖ŵ‖').measured;
    expect(ratio).toBeLessThan(Math.sqrt(5) / 2 - 0.1);
    const rows = r.series.normVsLnT as { t: number; target: string; norm: number }[];
    expect(rows.some((x) => x.t === 100_000 && x.target === 'hard labels')).toBe(true);
  });

  it('the direction error times ln t approaches ‖w̃⊥‖/‖ŵ‖ from above (a 1/ln t rate)', () => {
    const r = claim.run({ ...claim.defaults, steps: 1_000_000 });
    const d = r.series.directionError as { t: number; errorTimesLnT: number }[];
    const at = (t: number) => d.find((x) => x.t === t)!.errorTimesLnT;
    // w̃ = (−ln 12, −ln 3 / 2); its part orthogonal to ŵ = (1, 1/2), over ‖ŵ‖: 0.5545
    const limit = 0.5545177444479562;
    expect(at(10_000)).toBeGreaterThan(at(100_000));
    expect(at(100_000)).toBeGreaterThan(at(1_000_000));
    expect(at(1_000_000)).toBeGreaterThan(limit);
  });

  it.each([
    { alpha: 0.01, lr: 0.5, steps: 100_000 },
    { alpha: 0.9, lr: 0.5, steps: 100_000 },
    { alpha: 0.1, lr: 0.1, steps: 100_000 },
    { alpha: 0.3, lr: 0.25, steps: 1_000_000 },
  ])('run(%o) holds', (p) => {
    expectClaimHolds(claim, p);
  });

  it('K does not apply (binary); bad α, η and T get typed errors', () => {
    const d = claim.defaults;
    expect(thrown(() => claim.run({ ...d, alpha: 0 })).code).toBe('E_RANGE');
    expect(thrown(() => claim.run({ ...d, alpha: 1 })).code).toBe('E_RANGE');
    expect(thrown(() => claim.run({ ...d, lr: 0.8 })).code).toBe('E_RANGE');
    // η = 5e-324 used to give check() a tolerance of ∞; η < 0.01 is refused, naming lr
    for (const lr of [5e-324, 0.009])
      expect(thrown(() => claim.run({ ...d, lr })).details.argument).toBe('lr');
    expect(thrown(() => claim.run({ ...d, steps: 20_000 })).code).toBe('E_RANGE');
    expect(thrown(() => claim.run({ ...d, steps: 1000 })).code).toBe('E_RANGE');
    // an unknown parameter is named at the door, with the nearest known one
    const u = thrown(() => claim.run({ ...claim.defaults, alfa: 0.1 } as never));
    expect([u.code, u.message]).toEqual(['E_OPTION', expect.stringContaining('params.alfa')]);
    expect(u.message).toContain("did you mean 'alpha'?");
  });
});
