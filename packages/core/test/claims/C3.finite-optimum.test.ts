import { EPS, expectClose } from '@lslab/test-utils';
import { checkNamed, expectClaimHolds } from '@lslab/test-utils/claims';
import { describe, expect, it } from 'vitest';
import { finiteOptimumClaim } from '../../src/claims/index.ts';

const claim = finiteOptimumClaim;

describe('finiteOptimumClaim.run(params)', () => {
  it('run(defaults) holds: others binary targets 0.9/0.1 give z* = ln 9 ≈ 2.1972', () => {
    expect(claim.defaults).toMatchObject({ alpha: 0.1, K: 3, lr: 1 });
    const r = expectClaimHolds(claim, claim.defaults);
    const z = checkNamed(r, 'others binary: limit of gradient descent = ln((1 − α)/α)').measured;
    expectClose(z, Math.log(9), { atol: 1e-9 / EPS });
    expect(z.toFixed(4)).toBe('2.1972');
    // K = 3, α = 0.1, others: q = (0.9, 0.05, 0.05), gap ln 18, H(q) = −0.9 ln 0.9 − 0.1 ln 0.05
    const gap = checkNamed(r, 'others: z_y − z_k at the limit of gradient descent').measured;
    expectClose(gap, Math.log(18), { atol: 1e-9 / EPS });
    // uniform: q = (1 − 0.1 + 0.1/3, 0.1/3, 0.1/3), gap ln(1 + 3·0.9/0.1) = ln 28
    const gapU = checkNamed(r, 'uniform: z_y − z_k at the limit of gradient descent').measured;
    expectClose(gapU, Math.log(28), { atol: 1e-9 / EPS });
    const h = checkNamed(r, 'others: minimum loss = H(q)').measured;
    expectClose(h, -0.9 * Math.log(0.9) - 0.1 * Math.log(0.05), { atol: 1e-12 / EPS });
  });

  it.each([
    { alpha: 0.3, K: 5, lr: 0.5, steps: 100_000 },
    { alpha: 0.02, K: 10, lr: 2, steps: 100_000 },
    { alpha: 0.1, K: 2, lr: 1, steps: 1_000_000 },
    { alpha: 0.45, K: 4, lr: 1, steps: 10_000 },
  ])('run(%o) holds', (p) => {
    expectClaimHolds(claim, p);
  });

  it('run({ steps: 1e6 }): the hard-label logit grows like ln t while the smoothed one stops at z*', () => {
    const r = claim.run({ ...claim.defaults, steps: 1_000_000 });
    const rows = r.series.trajectory as { t: number; target: string; z: number }[];
    const hard = rows.filter((x) => x.target === 'hard labels');
    const smooth = rows.filter((x) => x.target === 'smoothed (others)');
    const end = hard.at(-1)!;
    expect(end.t).toBe(1_000_000);
    // ln 1e6 = 6 ln 10 = 13.815510557964274
    expect(Math.abs(end.z - 6 * Math.LN10)).toBeLessThan(2e-5);
    // a decade earlier it was about ln 10 lower
    const before = hard.find((x) => x.t === 100_000)!;
    expect(Math.abs(end.z - before.z - Math.LN10)).toBeLessThan(1e-4);
    for (const x of smooth.filter((s) => s.t >= 10_000))
      expectClose(x.z, Math.log(9), { atol: 1e-9 / EPS });
    // the increments of z_t − ln t per decade, from 100 on, each smaller than the one before
    const inc = (r.series.increments as { from: number; increment: number }[]).filter(
      (x) => x.from >= 100,
    );
    for (let i = 1; i < inc.length; i++)
      expect(Math.abs(inc[i].increment)).toBeLessThan(Math.abs(inc[i - 1].increment));
  });

  it('run(defaults) is deterministic', () => {
    expect(claim.run(claim.defaults)).toEqual(claim.run(claim.defaults));
  });
});
