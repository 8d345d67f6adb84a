import { EPS, expectArraysClose, expectClose } from '@lslab/test-utils';
import { describe, expect, it } from 'vitest';
import { centralGradient, centralJacobian } from '../../src/claims/internal/differences.ts';
import { randomDistribution, randomVector } from '../../src/claims/internal/randomInputs.ts';
import { maxAbsDiff, norm, worse } from '../../src/claims/internal/vectors.ts';
import { createRng } from '../../src/index.ts';

describe('random inputs of the claims', () => {
  it('randomDistribution(rng, k) is positive and sums to 1; randomVector stays in range', () => {
    const r = createRng(3);
    for (const k of [2, 5, 50]) {
      const p = randomDistribution(r, k);
      expect(p.every((v) => v > 0)).toBe(true);
      expectClose(
        p.reduce((x, y) => x + y, 0),
        1,
        { atol: 4 * k },
      );
      const v = randomVector(r, k, -2, 3);
      expect(v.every((x) => x >= -2 && x < 3)).toBe(true);
    }
  });
});

describe('central differences', () => {
  it('centralGradient(Σ z³, z) = 3z² up to h² = 1e-10', () => {
    const z = [0.5, -1.5, 2];
    const g = centralGradient((w) => w.reduce((s, x) => s + x ** 3, 0), z);
    // (x+h)³ − (x−h)³ = 6x²h + 2h³, so the difference quotient is 3x² + h² exactly in reals
    expectArraysClose(
      g,
      z.map((x) => 3 * x * x + 1e-10),
      { atol: 1e-9 / EPS },
    );
  });

  it('centralJacobian(∇(½‖Az‖²)) = AᵀA for a fixed A (exact for a linear map up to rounding)', () => {
    // g(z) = (2z₀ + z₁, z₀ + 3z₁) is the gradient of z₀² + z₀z₁ + 1.5z₁²; its Jacobian is [[2, 1], [1, 3]]
    const J = centralJacobian((w) => [2 * w[0] + w[1], w[0] + 3 * w[1]], [0.3, -0.7]);
    expectArraysClose(J, [2, 1, 1, 3], { atol: 1e-10 / EPS });
  });
});

describe('vector helpers', () => {
  it('norm, maxAbsDiff and worse, with NaN sticking as the worst value', () => {
    expect(norm([3, 4])).toBe(5);
    expect(maxAbsDiff([1, 2, 3], [1, 2.5, 2])).toBe(1);
    expect(worse(1, 2)).toBe(2);
    expect(worse(2, 1)).toBe(2);
    expect(worse(1, Number.NaN)).toBeNaN();
    expect(worse(Number.NaN, 5)).toBeNaN();
    expect(maxAbsDiff([0, Number.NaN, 0], [0, 0, 1])).toBeNaN();
  });
});
