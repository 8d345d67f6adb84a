import { EPS, expectClose } from '@lslab/test-utils';
import { checkNamed, expectClaimHolds } from '@lslab/test-utils/claims';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { regulariserClaim } from '../../src/claims/index.ts';
import { fromRows, softmaxCrossEntropy } from '../../src/index.ts';

const claim = regulariserClaim;

describe('regulariserClaim.run(params)', () => {
  it('run(defaults) holds; the constant is α ln K = 0.1·ln 5', () => {
    const r = expectClaimHolds(claim, claim.defaults);
    const c = checkNamed(r, 'uniform: L_LS − (1 − α)·CE − α·KL(u‖p) = α ln K');
    expectClose(c.measured, 0.1 * Math.log(5), { atol: 1e-13 / EPS });
    // at z = (−40, 0, 0, 0, 0) in slot 1: KL(u‖p) = −ln 5 + 40/5 + ln(4 + e^−40) ≈ 8 − ln(5/4)
    const far = checkNamed(r, 'KL(u‖p) at z_1 = −40, other logits 0').measured;
    expectClose(far, 8 - Math.log(1.25), { atol: 1e-12 / EPS });
  });

  it.each([
    { alpha: 0.3, K: 3, beta: 0.5, seed: 1, trials: 12 },
    { alpha: 0.05, K: 10, beta: 1, seed: 2, trials: 12 },
    { alpha: 1, K: 4, beta: 0, seed: 3, trials: 12 },
    { alpha: 0.2, K: 100, beta: 0.2, seed: 4, trials: 6 },
  ])('run(%o) holds', (p) => {
    expectClaimHolds(claim, p);
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
