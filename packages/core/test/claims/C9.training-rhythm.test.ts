import { EPS, expectClose } from '@lslab/test-utils';
import { checkNamed, expectClaimHolds } from '@lslab/test-utils/claims';
import { describe, expect, it } from 'vitest';
import { c9TrainingRhythm as claim } from '../../src/claims/index.ts';
import { thrownLslabError } from '../helpers/index.ts';

// Independent paths of the checks:
// - ∇_LS − ∇_CE and the norm identity: gradients of the fused kernel against
//   α(e_y − u) and −2α(1 − p_y) + α²(K − 1)/K with p from `softmax`;
// - the norms at p = u, p_y = py and at saturation, the crossovers: the kernel
//   (through logits log p) against closed forms, which the harness also evaluates
//   with mathjs at 64 digits; the crossover is found by bisection on the kernel;
// - the worked example: the kernel against the four norms the source text prints
//   (literals in the claim's source, tolerance half a unit of the last digit);
// - below: the same four norms by hand from their squares.

describe('c9TrainingRhythm.run(params)', () => {
  it('run(defaults) holds and reproduces the worked example (others, K = 5, α = 0.1)', () => {
    expect(claim.id).toBe('C9.training-rhythm');
    expect(claim.defaults).toMatchObject({ alpha: 0.1, K: 5, py: 0.99 });
    const r = expectClaimHolds(claim, claim.defaults);
    const literal = r.checks.filter((c) => c.name.startsWith('worked example'));
    expect(literal.map((c) => [c.expected, c.tolerance])).toEqual([
      [0.7826, 5e-5],
      [0.8944, 5e-5],
      [0.1006, 5e-5],
      [0.01118, 5e-6],
    ]);
    expect(r.notes?.[0]).toContain('worked example');
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

  it('the worked-example checks appear only at K = 5, α = 0.1 (the second pair only at py = 0.99); the note follows', () => {
    const at = (p: object) =>
      claim.run({ ...claim.defaults, ...p }).checks.filter((c) => c.name.startsWith('worked'));
    expect(at({ py: 0.9 }).length).toBe(2);
    expect(at({ K: 6 }).length).toBe(0);
    expect(at({ alpha: 0.2 }).length).toBe(0);
    const note = claim.run({ ...claim.defaults, K: 6 }).notes?.[0] ?? '';
    expect(note).not.toContain('worked example');
    // the note is measured at these parameters: K = 6, p = u gives √(5/6) = 0.9129
    expect(note).toContain('‖∇_CE‖ = 0.9129');
  });

  // the sweep: K = 2, 300, 1000 (where a fixed 1e-14 failed) and 10⁵, α = 0.01 and
  // 0.9 and near 1, py near both ends, two other seeds, one trial
  it.each([
    { alpha: 0.1, K: 2, py: 0.99, seed: 9, trials: 24 },
    { alpha: 0.1, K: 300, py: 0.99, seed: 9, trials: 24 },
    { alpha: 0.1, K: 1000, py: 0.99, seed: 9, trials: 24 },
    { alpha: 0.1, K: 100_000, py: 0.99, seed: 9, trials: 1 },
    { alpha: 0.01, K: 5, py: 0.99, seed: 9, trials: 24 },
    { alpha: 0.9, K: 5, py: 0.99, seed: 9, trials: 24 },
    { alpha: 0.999, K: 3, py: 0.999_999, seed: 1, trials: 10 },
    { alpha: 0.3, K: 10, py: 0.100_001, seed: 2 ** 52, trials: 10 },
  ])('run(%o) holds', (p) => {
    expectClaimHolds(claim, p);
  });

  it('rejects parameters at the door, naming the claim and the parameter', () => {
    const d = claim.defaults;
    // α = 0 used to reach the kernel as logits[0][1] = -Infinity
    expect(thrownLslabError(() => claim.run({ ...d, alpha: 0 }), 'E_RANGE').message).toBe(
      'C9.training-rhythm: alpha = 0: must lie in (1e-9, 1) (α = 0 is hard labels (below 1e-9 the shift is under the checks’ rounding); α = 1 leaves no mass on y)',
    );
    thrownLslabError(() => claim.run({ ...d, alpha: 1 }), 'E_RANGE');
    // a subnormal α used to give a tolerance of ∞ to check()
    thrownLslabError(() => claim.run({ ...d, alpha: 5e-324 }), 'E_RANGE');
    expect(thrownLslabError(() => claim.run({ ...d, py: 1 }), 'E_RANGE').message).toBe(
      'C9.training-rhythm: py = 1: must lie in (0.2, 1)',
    );
    thrownLslabError(() => claim.run({ ...d, py: 0.2 }), 'E_RANGE');
    thrownLslabError(() => claim.run({ ...d, K: 1 }), 'E_RANGE');
    thrownLslabError(() => claim.run({ ...d, K: 4.5 }), 'E_RANGE');
    expect(thrownLslabError(() => claim.run({ ...d, trials: 0 }), 'E_RANGE').message).toBe(
      'C9.training-rhythm: trials = 0: must be an integer in [1, 1000]',
    );
    thrownLslabError(() => claim.run({ ...d, seed: Number.NaN }), 'E_NOT_FINITE');
    thrownLslabError(() => claim.run({ ...d, p_y: 0.9 } as never), 'E_OPTION');
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
