import { EPS, expectClose } from '@lslab/test-utils';
import { checkNamed, expectClaimHolds } from '@lslab/test-utils/claims';
import { describe, expect, it } from 'vitest';
import { trainingRhythmClaim } from '../../src/claims/index.ts';

const claim = trainingRhythmClaim;

describe('trainingRhythmClaim.run(params)', () => {
  it('run(defaults) holds and reproduces the worked example (others, K = 5, α = 0.1)', () => {
    expect(claim.defaults).toMatchObject({ alpha: 0.1, K: 5, py: 0.99 });
    const r = expectClaimHolds(claim, claim.defaults);
    // By hand. At p = u = 0.2·1: ∇_CE = (−0.8, 0.2 × 4), ‖·‖² = 0.64 + 4·0.04 = 0.8;
    // ∇_LS = p − q = (0.2 − 0.9, (0.2 − 0.025) × 4), ‖·‖² = 0.49 + 4·0.030625 = 0.6125.
    // At p = (0.99, 0.0025 × 4): ∇_CE = (−0.01, 0.0025 × 4), ‖·‖² = 1e-4 + 4·6.25e-6 = 1.25e-4;
    // ∇_LS = (0.09, −0.0225 × 4), ‖·‖² = 0.0081 + 4·0.00050625 = 0.010125.
    const tol = { rtol: 8, atol: 8 };
    expectClose(checkNamed(r, 'hard labels: ‖∇_CE‖ at p = u').measured, Math.sqrt(0.8), tol);
    expectClose(checkNamed(r, 'others: ‖∇_LS‖ at p = u').measured, Math.sqrt(0.6125), tol);
    expectClose(checkNamed(r, 'hard labels: ‖∇_CE‖ at p_y = py').measured, Math.sqrt(1.25e-4), {
      atol: 8, // p = (0.99, …) passes through log and exp: absolute rounding of a few EPS
    });
    expectClose(checkNamed(r, 'others: ‖∇_LS‖ at p_y = py').measured, Math.sqrt(0.010125), {
      atol: 8,
    });
    // the rounded figures of the worked example
    expect(checkNamed(r, 'others: ‖∇_LS‖ at p = u').measured.toFixed(4)).toBe('0.7826');
    expect(checkNamed(r, 'hard labels: ‖∇_CE‖ at p = u').measured.toFixed(4)).toBe('0.8944');
    expect(checkNamed(r, 'others: ‖∇_LS‖ at p_y = py').measured.toFixed(4)).toBe('0.1006');
    expect(checkNamed(r, 'hard labels: ‖∇_CE‖ at p_y = py').measured.toPrecision(4)).toBe(
      '0.01118',
    );
    // crossovers: uniform 1 − 0.1·4/10 = 0.96; others 1 − 0.05 = 0.95
    expectClose(checkNamed(r, 'uniform: crossover p_y').measured, 0.96, { atol: 1e-12 / EPS });
    expectClose(checkNamed(r, 'others: crossover p_y').measured, 0.95, { atol: 1e-12 / EPS });
  });

  it.each([
    { alpha: 0.2, K: 10, py: 0.9, seed: 1, trials: 10 },
    { alpha: 0.05, K: 2, py: 0.8, seed: 2, trials: 10 },
    { alpha: 0.3, K: 3, py: 0.999, seed: 3, trials: 10 },
    { alpha: 0.01, K: 100, py: 0.5, seed: 4, trials: 5 },
  ])('run(%o) holds', (p) => {
    expectClaimHolds(claim, p);
  });

  it('run(defaults).series.norms: smoothed below hard labels before the crossover, above after', () => {
    const { alpha, K } = claim.defaults;
    const rows = claim.run(claim.defaults).series.norms as {
      py: number;
      gradient: string;
      norm: number;
    }[];
    const at = (g: string) => rows.filter((r) => r.gradient === g);
    const hard = at('hard labels');
    const smooth = at('smoothed (uniform)');
    expect(hard.length).toBe(smooth.length);
    const cross = 1 - (alpha * (K - 1)) / (2 * K);
    for (let i = 0; i < hard.length; i++) {
      if (Math.abs(hard[i].py - cross) < 1e-9) continue;
      if (hard[i].py < cross) expect(smooth[i].norm).toBeLessThan(hard[i].norm);
      else expect(smooth[i].norm).toBeGreaterThan(hard[i].norm);
    }
    // near e_y the hard-label gradient dies out while the smoothed one stays near α√((K−1)/K)
    const last = hard.length - 1;
    expect(hard[last].norm).toBeLessThan(2e-4);
    expect(Math.abs(smooth[last].norm - alpha * Math.sqrt((K - 1) / K))).toBeLessThan(2e-4);
  });

  it('run(defaults) is deterministic', () => {
    expect(claim.run(claim.defaults)).toEqual(claim.run(claim.defaults));
  });
});
