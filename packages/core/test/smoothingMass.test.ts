import { expectClose } from '@lslab/test-utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { smoothingMass } from '../src/index.ts';
import { bigEvaluate, thrownLslabError } from './helpers/index.ts';

describe('smoothingMass(alpha, numClasses, convention)', () => {
  it("others, K = 3, α = 0.1: q = (0.05, 0.9, 0.05) — the source text's worked example", () => {
    expect(smoothingMass(0.1, 3, 'others')).toEqual({ on: 0.9, off: 0.05 });
  });

  it('uniform (default), K = 10, α = 0.1: on = 1 − α + α/K = 0.91, off = α/K = 0.01', () => {
    const m = smoothingMass(0.1, 10);
    expectClose(m.on, bigEvaluate('1 - 0.1 + 0.1 / 10', {}), { rtol: 1 });
    expect(m.off).toBe(0.01);
    expect(smoothingMass(0.1, 10, 'uniform')).toEqual(m);
  });

  it('α = 0 is one-hot and α = 1 is uniform (uniform) or all mass off the label (others)', () => {
    expect(smoothingMass(0, 5)).toEqual({ on: 1, off: 0 });
    expect(smoothingMass(0, 5, 'others')).toEqual({ on: 1, off: 0 });
    expect(smoothingMass(1, 4)).toEqual({ on: 0.25, off: 0.25 });
    expect(smoothingMass(1, 4, 'others')).toEqual({ on: 0, off: 1 / 3 });
  });

  it('on + (K − 1)·off = 1 within K·EPS, in both conventions', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 2, max: 1000 }),
        fc.constantFrom('uniform' as const, 'others' as const),
        (alpha, k, convention) => {
          const { on, off } = smoothingMass(alpha, k, convention);
          expectClose(on + (k - 1) * off, 1, { atol: 2 * k, rtol: 0 });
        },
      ),
      { seed: 3, numRuns: 300 },
    );
  });

  it('others(α) = uniform(α·K/(K−1)) within a few EPS', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.integer({ min: 2, max: 100 }),
        (alpha, k) => {
          const o = smoothingMass(alpha, k, 'others');
          const u = smoothingMass((alpha * k) / (k - 1), k, 'uniform');
          expectClose(o.on, u.on, { atol: 4, rtol: 4 });
          expectClose(o.off, u.off, { atol: 4, rtol: 4 });
        },
      ),
      { seed: 4, numRuns: 200 },
    );
  });

  it('names smoothingMass and the argument in its errors', () => {
    expect(thrownLslabError(() => smoothingMass(1.5, 3), 'E_RANGE').message).toBe(
      'smoothingMass: alpha = 1.5: must lie in [0, 1]',
    );
    expect(thrownLslabError(() => smoothingMass(0.1, 1), 'E_RANGE').message).toBe(
      'smoothingMass: numClasses = 1: must be an integer ≥ 2',
    );
    thrownLslabError(() => smoothingMass(Number.NaN, 3), 'E_NOT_FINITE');
    expect(
      thrownLslabError(() => smoothingMass(0.1, 3, 'other' as 'others'), 'E_OPTION').message,
    ).toBe(`smoothingMass: convention = "other": must be one of 'uniform', 'others'`);
  });
});
