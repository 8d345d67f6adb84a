import { EPS, expectClose } from '@lslab/test-utils';
import { checkNamed, expectClaimHolds } from '@lslab/test-utils/claims';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { c7Regulariser as claim } from '../../src/claims/index.ts';
import { fromRows, softmaxCrossEntropy } from '../../src/index.ts';
import { thrownLslabError } from '../helpers/index.ts';

// Independent paths of the checks:
// - the decompositions and L_LS − CE: the fused kernel's smoothed loss against the
//   terms computed from logSoftmax (CE, KL(u‖p), KL(v‖p), mean logits);
// - smoothingDecomposition: its total against the kernel, its terms against the
//   logSoftmax terms, its constant against ln K / ln(K − 1) (mathjs in the harness);
// - the confidence penalty: its loss against logSoftmax terms, its gradient along a
//   random direction against central differences of its loss;
// - KL(p‖u) ≤ ln K: KL(p‖u) read off confidencePenalty(β = 1) − kernel CE + ln K
//   (not ln K − H, which cannot exceed ln K by construction), against the bound;
// - KL(u‖p) on the starved path: logSoftmax terms against the closed form (mathjs).
// The former checks "L_LS − (1 − α)·CE − α·KL = α ln K" repeated the decomposition
// check with the same numbers and are gone.

describe('c7Regulariser.run(params)', () => {
  it('run(defaults) holds; the constant of smoothingDecomposition is ln 5', () => {
    expect(claim.id).toBe('C7.regulariser');
    const r = expectClaimHolds(claim, claim.defaults);
    const c = checkNamed(r, 'smoothingDecomposition: constant H(u) = ln K (largest seen)');
    expect(c.expected).toBe(Math.log(5));
    // at z = (−40, 0, 0, 0, 0) in slot 1: KL(u‖p) = −ln 5 + 40/5 + ln(4 + e^−40) ≈ 8 − ln(5/4)
    const far = checkNamed(r, 'KL(u‖p) at z_1 = −40, other logits 0').measured;
    expectClose(far, 8 - Math.log(1.25), { atol: 1e-12 / EPS });
  });

  // the sweep: K = 2, 1000 and 10⁴ (where a fixed 1e-12 failed), α = 0.01, 0.9 and
  // the ends 0 and 1, β = 0 and 100, two other seeds, one trial
  it.each([
    { alpha: 0.1, K: 2, beta: 0.1, seed: 7, trials: 24 },
    { alpha: 0.1, K: 1000, beta: 0.1, seed: 7, trials: 24 },
    { alpha: 0.1, K: 10_000, beta: 0.1, seed: 7, trials: 3 },
    { alpha: 0.01, K: 5, beta: 0.1, seed: 7, trials: 24 },
    { alpha: 0.9, K: 5, beta: 0.1, seed: 7, trials: 24 },
    { alpha: 0, K: 4, beta: 0, seed: 3, trials: 12 },
    { alpha: 1, K: 4, beta: 100, seed: 1, trials: 12 },
    { alpha: 0.2, K: 100, beta: 1, seed: 2 ** 40, trials: 1 },
  ])('run(%o) holds', (p) => {
    expectClaimHolds(claim, p);
  });

  it('rejects parameters at the door, naming the claim and the parameter', () => {
    const d = claim.defaults;
    expect(thrownLslabError(() => claim.run({ ...d, trials: 0 }), 'E_RANGE').message).toBe(
      'C7.regulariser: trials = 0: must be an integer in [1, 1000]',
    );
    thrownLslabError(() => claim.run({ ...d, trials: -1 }), 'E_RANGE');
    thrownLslabError(() => claim.run({ ...d, K: 1 }), 'E_RANGE');
    thrownLslabError(() => claim.run({ ...d, K: 10_001 }), 'E_RANGE');
    thrownLslabError(() => claim.run({ ...d, alpha: -0.1 }), 'E_RANGE');
    expect(thrownLslabError(() => claim.run({ ...d, beta: -1 }), 'E_RANGE').message).toBe(
      'C7.regulariser: beta = -1: must lie in [0, 100]',
    );
    thrownLslabError(() => claim.run({ ...d, seed: 2 ** 53 }), 'E_RANGE');
    thrownLslabError(() => claim.run({ ...d, gamma: 1 } as never), 'E_OPTION');
  });

  it('run(defaults).series.divergences: KL(p‖u) stays ≤ ln K while KL(u‖p) passes it and keeps growing', () => {
    const rows = claim.run(claim.defaults).series.divergences as {
      z1: number;
      divergence: string;
      value: number;
    }[];
    const lnK = Math.log(5);
    const up = rows.filter((x) => x.divergence.startsWith('KL(u‖p)'));
    const pu = rows.filter((x) => x.divergence.startsWith('KL(p‖u)'));
    for (const x of pu) expect(x.value).toBeLessThanOrEqual(lnK);
    expect(up.at(-1)!.value).toBeGreaterThan(4 * lnK);
    for (let i = 1; i < up.length; i++) expect(up[i].value).toBeGreaterThan(up[i - 1].value);
  });

  it('the decomposition by hand at z = (2, 0, 0), y = 0, α = 0.3 (uniform)', () => {
    // log p = z − ln(e² + 2); CE = ln(e² + 2) − 2; mean z = 2/3
    // L_LS − CE = α(z_y − mean z) = 0.3·(4/3) = 0.4
    const lse = Math.log(Math.exp(2) + 2);
    const ls = softmaxCrossEntropy(fromRows([[2, 0, 0]]), [0], { labelSmoothing: 0.3 }).loss;
    expectClose(ls, lse - 2 + 0.4, { rtol: 8 });
  });

  it('L_LS − CE = α(z_y − mean z) for random logits (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -20, max: 20, noNaN: true }), { minLength: 2, maxLength: 12 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (z, alpha) => {
          const m = fromRows([z]);
          const ls = softmaxCrossEntropy(m, [0], { labelSmoothing: alpha }).loss;
          const ce = softmaxCrossEntropy(m, [0]).loss;
          const mean = z.reduce((a, b) => a + b, 0) / z.length;
          const tol = 64 * EPS * (1 + Math.abs(ce) + Math.abs(alpha * (z[0] - mean)) + 40);
          return Math.abs(ls - ce - alpha * (z[0] - mean)) <= tol;
        },
      ),
      { seed: 7, numRuns: 300 },
    );
  });

  it('run(defaults) is deterministic', () => {
    expect(claim.run(claim.defaults)).toEqual(claim.run(claim.defaults));
  });
});
