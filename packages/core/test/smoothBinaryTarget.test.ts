import { expectClose } from '@lslab/test-utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { smoothBinaryTarget, smoothingMass } from '../src/index.ts';
import { thrownLslabError } from './helpers/index.ts';

describe('smoothBinaryTarget(t, alpha, convention)', () => {
  it('uniform (default, Keras/TF.js): t(1 − α) + α/2; {0, 1} → {0.05, 0.95} at α = 0.1', () => {
    expect(smoothBinaryTarget(0, 0.1)).toBe(0.05);
    expectClose(smoothBinaryTarget(1, 0.1), 0.95, { rtol: 1 });
    expectClose(smoothBinaryTarget(0.3, 0.2, 'uniform'), 0.3 * 0.8 + 0.1, { rtol: 1 });
  });

  it("others: t(1 − 2α) + α maps {0, 1} to {α, 1 − α} (the source text's 0.1 / 0.9)", () => {
    expect(smoothBinaryTarget(0, 0.1, 'others')).toBe(0.1);
    expect(smoothBinaryTarget(1, 0.1, 'others')).toBe(0.9);
  });

  it('for hard targets equals the K = 2 smoothing mass of the same convention', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom('uniform' as const, 'others' as const),
        (alpha, c) => {
          const { on, off } = smoothingMass(alpha, 2, c);
          expectClose(smoothBinaryTarget(1, alpha, c), on, { atol: 2, rtol: 2 });
          expectClose(smoothBinaryTarget(0, alpha, c), off, { atol: 2, rtol: 2 });
        },
      ),
      { seed: 5, numRuns: 200 },
    );
  });

  it('is symmetric: s(1 − t) = 1 − s(t), and stays in [0, 1]', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom('uniform' as const, 'others' as const),
        (t, alpha, c) => {
          const s = smoothBinaryTarget(t, alpha, c);
          expect(s >= 0 && s <= 1).toBe(true);
          expectClose(smoothBinaryTarget(1 - t, alpha, c), 1 - s, { atol: 4, rtol: 4 });
        },
      ),
      { seed: 6, numRuns: 200 },
    );
  });

  it('names smoothBinaryTarget and the argument in its errors', () => {
    expect(thrownLslabError(() => smoothBinaryTarget(1.5, 0.1), 'E_RANGE').message).toBe(
      'smoothBinaryTarget: t = 1.5: must lie in [0, 1]',
    );
    expect(
      thrownLslabError(() => smoothBinaryTarget(Number.NaN, 0.1), 'E_NOT_FINITE').message,
    ).toBe('smoothBinaryTarget: t = NaN: is not finite');
    expect(thrownLslabError(() => smoothBinaryTarget(1, -0.1), 'E_RANGE').message).toBe(
      'smoothBinaryTarget: alpha = -0.1: must lie in [0, 1]',
    );
    thrownLslabError(() => smoothBinaryTarget(1, 0.1, 'x' as 'others'), 'E_OPTION');
  });
});
