import { EPS, expectArraysClose, expectClose } from '@lslab/test-utils';
import { describe, expect, it } from 'vitest';
import {
  centralGradient,
  centralJacobian,
  differenceError,
  directionalDifference,
} from '../../src/claims/differences.ts';
import {
  randomDirection,
  randomDistribution,
  randomVector,
} from '../../src/claims/randomInputs.ts';
import { printedCheck, sumRounding } from '../../src/claims/tolerances.ts';
import { maxAbsDiff, norm } from '../../src/claims/vectors.ts';
import { Worst } from '../../src/claims/worst.ts';
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
  it('directionalDifference(f, z, d) = ⟨∇f, d⟩ for a quadratic (exact up to rounding)', () => {
    // f(z) = z₀² + 3z₀z₁: ∇f = (2z₀ + 3z₁, 3z₀); the central difference is exact for quadratics
    const z = [0.5, -2];
    const d = randomDirection(createRng(4), 2);
    expectClose(norm(d), 1, { atol: 4 });
    const expected = (2 * z[0] + 3 * z[1]) * d[0] + 3 * z[0] * d[1];
    expectClose(
      directionalDifference((w) => w[0] ** 2 + 3 * w[0] * w[1], z, d),
      expected,
      { atol: 1e-10 / EPS },
    );
  });

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
  it('norm and maxAbsDiff, NaN for no entries and when a difference is NaN', () => {
    expect(norm([3, 4])).toBe(5);
    expect(maxAbsDiff([1, 2, 3], [1, 2.5, 2])).toBe(1);
    expect(maxAbsDiff([0, Number.NaN, 0], [0, 0, 1])).toBeNaN();
    expect(maxAbsDiff([], [])).toBeNaN();
  });
});

describe('Worst: an accumulator that cannot hold on no data', () => {
  it('is NaN before the first sample, the largest after, and NaN once a sample is NaN', () => {
    const w = new Worst();
    expect(w.value).toBeNaN();
    expect(w.count).toBe(0);
    w.add(1);
    w.add(3);
    w.add(2);
    expect([w.value, w.count]).toEqual([3, 3]);
    w.add(Number.NaN);
    w.add(5);
    expect(w.value).toBeNaN();
    const first = new Worst();
    first.add(Number.NaN);
    first.add(1);
    expect(first.value).toBeNaN();
  });
});

describe('tolerances', () => {
  it('sumRounding(k, scale, c) = c·k·EPS·scale', () => {
    expect(sumRounding(1000, 2, 3)).toBe(6000 * EPS);
    expect(sumRounding(10, 1)).toBe(10 * EPS);
  });

  it('printedCheck takes half a unit of the last printed digit as tolerance', () => {
    expect(printedCheck('a', '0.7826', 0.78264)).toMatchObject({
      expected: 0.7826,
      tolerance: 5e-5,
      holds: true,
    });
    expect(printedCheck('a', '0.7826', 0.78266).holds).toBe(false);
    expect(printedCheck('a', '0.01118', 0.0111803).tolerance).toBe(5e-6);
    expect(printedCheck('a', '2', 2.4).tolerance).toBe(0.5);
  });

  it('differenceError(ρ, m3, h) = ρ/h + h²·m3/6', () => {
    expect(differenceError(1e-15, 6, 1e-5)).toBeCloseTo(1e-10 + 1e-10, 20);
  });
});
