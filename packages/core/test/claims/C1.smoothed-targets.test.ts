import { checkNamed, expectClaimHolds } from '@lslab/test-utils/claims';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { smoothedTargetsClaim } from '../../src/claims/index.ts';
import { LslabError } from '../../src/index.ts';

const claim = smoothedTargetsClaim;

describe('smoothedTargetsClaim.run(params)', () => {
  it('run(defaults) holds: K = 3, α = 0.1, others → (0.05, 0.9, 0.05), binary → {0.1, 0.9}', () => {
    expect(claim.defaults).toEqual({ alpha: 0.1, K: 3 });
    const r = expectClaimHolds(claim, claim.defaults);
    // the worked examples, written out by hand
    expect(checkNamed(r, 'others: true class = 1 − α').measured).toBe(0.9);
    expect(checkNamed(r, 'others: wrong class = α/(K−1)').measured).toBe(0.05);
    expect(checkNamed(r, 'others binary: t = 1 → 1 − α').measured).toBe(0.9);
    expect(checkNamed(r, 'others binary: t = 0 → α').measured).toBe(0.1);
    const others = r.series.targets.filter(
      (x) => (x as { convention: string }).convention === 'others',
    );
    expect(others.map((x) => (x as { q: number }).q)).toEqual([0.9, 0.05, 0.05]);
  });

  it('run({ alpha: 0.1, K: 5 }) holds: others → (0.9, 0.025 × 4)', () => {
    const r = expectClaimHolds(claim, { alpha: 0.1, K: 5 });
    expect(checkNamed(r, 'others: true class = 1 − α').measured).toBe(0.9);
    expect(checkNamed(r, 'others: wrong class = α/(K−1)').measured).toBe(0.025);
    // uniform: 1 − 0.1 + 0.02 = 0.92 and 0.1/5 = 0.02, within an ulp of 1
    expect(
      Math.abs(checkNamed(r, 'uniform: true class = 1 − α + α/K').measured - 0.92),
    ).toBeLessThan(2.3e-16);
    expect(checkNamed(r, 'uniform: wrong class = α/K').measured).toBe(0.02);
  });

  it.each([
    { alpha: 0.3, K: 2 },
    { alpha: 0.05, K: 10 },
    { alpha: 0, K: 4 },
    { alpha: 0.5, K: 7 },
    { alpha: 0.9, K: 10 },
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
        (K, s) => {
          const r = claim.run({ alpha: (s * (K - 1)) / K, K });
          return r.checks.every((c) => c.holds);
        },
      ),
      { seed: 1, numRuns: 200 },
    );
  });

  it('run({ alpha: 0.9, K: 3 }) throws E_RANGE: others α > (K−1)/K has no uniform equivalent', () => {
    expect(() => claim.run({ alpha: 0.9, K: 3 })).toThrow(LslabError);
    try {
      claim.run({ alpha: 0.9, K: 3 });
    } catch (e) {
      expect((e as LslabError).code).toBe('E_RANGE');
    }
  });

  it('run(defaults) is deterministic', () => {
    expect(claim.run(claim.defaults)).toEqual(claim.run(claim.defaults));
  });
});
