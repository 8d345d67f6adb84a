import { EPS, expectClose } from '@lslab/test-utils';
import { checkNamed, expectClaimHolds } from '@lslab/test-utils/claims';
import { describe, expect, it } from 'vitest';
import { c3FiniteOptimum as claim } from '../../src/claims/index.ts';
import { thrownLslabError } from '../helpers/index.ts';

// Independent paths of the checks:
// - the multi-class limit: gradient descent on the fused kernel against the closed
//   forms optimalLogitGap / minimumSmoothedLoss (also evaluated by the harness with
//   mathjs), against log q from smoothLabels, and softmax(z) against q;
// - the binary limits: descent with the scalar sigmoid against optimalSigmoidLogit
//   and mathjs; at α = 0.1 against the literal ln 9 of the source text;
// - hard labels: the iterate against the asymptotic expansion ln η + (½ − 1/η)·ln T/T
//   (mathjs evaluates it too), and the shrinking of its decade increments;
// - below: literals computed by hand (ln 18, ln 28, H(q)).

describe('c3FiniteOptimum.run(params)', () => {
  it('run(defaults) holds: others binary targets 0.9/0.1 give z* = ln 9 = 2.1972245773362196', () => {
    expect(claim.id).toBe('C3.finite-optimum');
    expect(claim.defaults).toEqual({ alpha: 0.1, K: 3, lr: 1, steps: 100_000 });
    const r = expectClaimHolds(claim, claim.defaults);
    const ln9 = checkNamed(r, 'worked example: binary 0.9/0.1 → z* = ln 9 = 2.1972245773362196');
    expect(ln9.expected).toBe(2.1972245773362196);
    expect(ln9.expected).toBe(Math.log(9));
    // K = 3, α = 0.1, others: q = (0.9, 0.05, 0.05), gap ln 18, H(q) = −0.9 ln 0.9 − 0.1 ln 0.05
    const gap = checkNamed(r, 'others: z_y − z_k at the limit of gradient descent').measured;
    expectClose(gap, Math.log(18), { atol: 1e-12 / EPS });
    // uniform: q = (1 − 0.1 + 0.1/3, 0.1/3, 0.1/3), gap ln(1 + 3·0.9/0.1) = ln 28
    const gapU = checkNamed(r, 'uniform: z_y − z_k at the limit of gradient descent').measured;
    expectClose(gapU, Math.log(28), { atol: 1e-12 / EPS });
    const h = checkNamed(r, 'others: minimum loss = H(q)').measured;
    expectClose(h, -0.9 * Math.log(0.9) - 0.1 * Math.log(0.05), { atol: 1e-14 / EPS });
  });

  it('the ln 9 check appears only at α = 0.1', () => {
    const names = claim.run({ ...claim.defaults, alpha: 0.2 }).checks.map((c) => c.name);
    expect(names.some((n) => n.startsWith('worked example'))).toBe(false);
  });

  // the sweep: K = 2 and 1000, α = 0.01 and 0.9, η at 0.01 (where the old fixed
  // tolerance 2 ln T/T failed), 0.3 and 2, T at both ends of its domain
  it.each([
    { alpha: 0.1, K: 2, lr: 1, steps: 100_000 },
    { alpha: 0.1, K: 1000, lr: 1, steps: 100_000 },
    { alpha: 0.01, K: 3, lr: 1, steps: 100_000 },
    { alpha: 0.9, K: 3, lr: 1, steps: 100_000 },
    { alpha: 0.1, K: 3, lr: 0.01, steps: 100_000 },
    { alpha: 0.1, K: 3, lr: 0.3, steps: 100_000 },
    { alpha: 0.3, K: 5, lr: 2, steps: 100_000 },
    { alpha: 0.45, K: 4, lr: 1, steps: 1000 },
    { alpha: 0.1, K: 3, lr: 1, steps: 10_000_000 },
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
      expectClose(x.z, Math.log(9), { atol: 1e-12 / EPS });
    // the increments of z_t − ln t per decade, from 100 on, each smaller than the one before
    const inc = (r.series.increments as { from: number; increment: number }[]).filter(
      (x) => x.from >= 100,
    );
    for (let i = 1; i < inc.length; i++)
      expect(Math.abs(inc[i].increment)).toBeLessThan(Math.abs(inc[i - 1].increment));
  });

  it('run({ alpha: 0.001, steps: 1000 }) does not hold: descent has not reached z* yet, and says so', () => {
    // curvature at the optimum is α(1 − α) ≈ 0.001, so 1000 steps of η = 1 cannot converge
    const r = claim.run({ alpha: 0.001, K: 3, lr: 1, steps: 1000 });
    const c = checkNamed(r, 'others binary: limit of gradient descent = ln((1 − α)/α)');
    expect(c.holds).toBe(false);
    expect(c.expected).toBeCloseTo(Math.log(999), 12);
    expect(c.measured).toBeLessThan(c.expected - 1e-3);
  });

  it('rejects parameters at the door, naming the claim and the parameter', () => {
    const d = claim.defaults;
    // α = 0 would leave hard labels: no finite optimum to compare with (it used to report Infinity)
    expect(thrownLslabError(() => claim.run({ ...d, alpha: 0 }), 'E_RANGE').message).toBe(
      'C3.finite-optimum: alpha = 0: must lie in [0.001, 0.999]',
    );
    thrownLslabError(() => claim.run({ ...d, alpha: 1 }), 'E_RANGE');
    // nearer 0 the descent cannot reach its limit in 10⁷ steps; α = 1e-20 used to give check() a negative tolerance
    for (const alpha of [9e-4, 1e-20, 5e-324, 0.9995])
      thrownLslabError(() => claim.run({ ...d, alpha }), 'E_RANGE');
    expect(thrownLslabError(() => claim.run({ ...d, K: 1 }), 'E_RANGE').message).toBe(
      'C3.finite-optimum: K = 1: must be an integer in [2, 1000]',
    );
    thrownLslabError(() => claim.run({ ...d, K: 3.5 }), 'E_RANGE');
    thrownLslabError(() => claim.run({ ...d, lr: 0 }), 'E_RANGE');
    // η = 5e-324 used to give check() a tolerance of ∞
    for (const lr of [0.009, 5e-324]) thrownLslabError(() => claim.run({ ...d, lr }), 'E_RANGE');
    thrownLslabError(() => claim.run({ ...d, lr: 2.5 }), 'E_RANGE');
    expect(thrownLslabError(() => claim.run({ ...d, steps: 500 }), 'E_RANGE').message).toBe(
      'C3.finite-optimum: steps = 500: must be an integer in [1000, 10000000]',
    );
    expect(thrownLslabError(() => claim.run({ ...d, steps: 20_000 }), 'E_RANGE').message).toBe(
      'C3.finite-optimum: steps = 20000: must be a power of 10 in [1000, 10000000]',
    );
    thrownLslabError(() => claim.run({ ...d, eta: 1 } as never), 'E_OPTION');
  });

  it('run(defaults) is deterministic', () => {
    expect(claim.run(claim.defaults)).toEqual(claim.run(claim.defaults));
  });
});
