import { checkNamed, expectClaimHolds } from '@lslab/test-utils/claims';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { c1SmoothedTargets as claim } from '../../src/claims/index.ts';
import { thrownLslabError } from '../helpers/index.ts';

// Independent paths of the checks:
// - entries and binary rules: smoothLabels / smoothBinaryTargets against the closed
//   forms, which the harness also evaluates with mathjs at 64 digits;
// - the Keras rule and `others` binary: smoothBinaryTargets against the K = 2
//   matrices of smoothLabels (two functions), mixed linearly in t;
// - the conversion: smoothLabels at α against smoothLabels at convertSmoothing(α);
// - row sums: summed here against 1;
// - worked examples: literals of the source text, written in the claim's source.

describe('c1SmoothedTargets.run(params)', () => {
  it('run(defaults) holds: K = 3, α = 0.1, others → (0.05, 0.9, 0.05), binary → {0.1, 0.9}', () => {
    expect(claim.id).toBe('C1.smoothed-targets');
    expect(claim.defaults).toEqual({ alpha: 0.1, K: 3 });
    const r = expectClaimHolds(claim, claim.defaults);
    const ex = checkNamed(r, 'worked example: K = 3, y = 1 → (0.05, 0.9, 0.05) (others, max |Δ|)');
    expect(ex.measured).toBe(0);
    checkNamed(r, 'worked example: binary {0, 1} → {0.1, 0.9} (others, max |Δ|)');
    // written out by hand
    expect(checkNamed(r, 'others: true class = 1 − α').measured).toBe(0.9);
    expect(checkNamed(r, 'others: wrong class = α/(K−1)').measured).toBe(0.05);
    const others = r.series.targets.filter(
      (x) => (x as { convention: string }).convention === 'others',
    );
    expect(others.map((x) => (x as { q: number }).q)).toEqual([0.9, 0.05, 0.05]);
  });

  it('run({ alpha: 0.1, K: 5 }) pins the K = 5 example (0.9, 0.025 × 4); it is absent at other K and α', () => {
    const name = 'worked example: K = 5 → (0.9, 0.025, 0.025, 0.025, 0.025) (others, max |Δ|)';
    const r = expectClaimHolds(claim, { alpha: 0.1, K: 5 });
    expect(checkNamed(r, name).measured).toBe(0);
    expect(checkNamed(r, 'others: wrong class = α/(K−1)').measured).toBe(0.025);
    expect(claim.run({ alpha: 0.1, K: 3 }).checks.some((c) => c.name === name)).toBe(false);
    expect(claim.run({ alpha: 0.2, K: 5 }).checks.some((c) => c.name.startsWith('worked'))).toBe(
      false,
    );
  });

  // the sweep: K = 2 and 1000, α = 0.01 and 0.9, α at both ends of its domain
  it.each([
    { alpha: 0.1, K: 2 },
    { alpha: 0.1, K: 1000 },
    { alpha: 0.01, K: 3 },
    { alpha: 0.9, K: 10 },
    { alpha: 0, K: 4 },
    { alpha: 0.5, K: 2 },
    { alpha: 999 / 1000, K: 1000 },
  ])('run(%o) holds', (p) => {
    expectClaimHolds(claim, p);
  });

  it('run({ alpha: 0.3, K: 2 }) reports the Keras binary targets {0.15, 0.85}', () => {
    const r = claim.run({ alpha: 0.3, K: 2 });
    // t(1 − α) + α/2: 0.7 + 0.15 and 0.15
    expect(
      Math.abs(checkNamed(r, 'uniform binary (Keras/TF.js): t = 1 → 1 − α/2').measured - 0.85),
    ).toBeLessThan(1.2e-16);
    expect(checkNamed(r, 'uniform binary (Keras/TF.js): t = 0 → α/2').measured).toBe(0.15);
  });

  it('run(params) holds for every α ∈ [0, (K−1)/K] and K ∈ [2, 30] (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 30 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (K, s) => claim.run({ alpha: (s * (K - 1)) / K, K }).checks.every((c) => c.holds),
      ),
      { seed: 1, numRuns: 200 },
    );
  });

  it('rejects parameters at the door, naming the claim and the parameter', () => {
    // α = 0.9 at K = 3 is an `others` weight above (K − 1)/K: no uniform equivalent
    const e = thrownLslabError(() => claim.run({ alpha: 0.9, K: 3 }), 'E_RANGE');
    expect(e.message).toBe('C1.smoothed-targets: alpha = 0.9: must lie in [0, 0.6666666666666666]');
    expect(thrownLslabError(() => claim.run({ alpha: 0.1, K: 1 }), 'E_RANGE').message).toBe(
      'C1.smoothed-targets: K = 1: must be an integer in [2, 10000]',
    );
    thrownLslabError(() => claim.run({ alpha: 0.1, K: 2.5 }), 'E_RANGE');
    thrownLslabError(() => claim.run({ alpha: 0.1, K: 10_001 }), 'E_RANGE');
    thrownLslabError(() => claim.run({ alpha: Number.NaN, K: 3 }), 'E_NOT_FINITE');
    const o = thrownLslabError(() => claim.run({ alpha: 0.1, k: 3 } as never), 'E_OPTION');
    expect(o.message).toContain(
      "C1.smoothed-targets: params.k = 3: is not a parameter of C1.smoothed-targets; did you mean 'K'?",
    );
  });

  it('run(params) takes the defaults for the keys it is not given', () => {
    expect(claim.run({ K: 3 } as never)).toEqual(claim.run(claim.defaults));
  });

  it('run(defaults) is deterministic', () => {
    expect(claim.run(claim.defaults)).toEqual(claim.run(claim.defaults));
  });
});
