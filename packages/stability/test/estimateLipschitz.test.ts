import { createRng } from '@lslab/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateLipschitz, lossLipschitz } from '../src/index.ts';
import { thrown } from './helpers.ts';

const EPS = Number.EPSILON;

describe('estimateLipschitz(alpha, numClasses, { norm, convention, samples, rng })', () => {
  it('finds the closed form at a wrong vertex, and the search approaches it from inside', () => {
    const e = estimateLipschitz(0.1, 10, { samples: 2000, seed: 1 });
    expect(e.vertex).toBe(1);
    expect(Math.abs(e.vertices - lossLipschitz(0.1, 10))).toBeLessThanOrEqual(8 * EPS);
    expect(e.search).toBeLessThanOrEqual(lossLipschitz(0.1, 10) * (1 + 8 * EPS));
    expect(e.search).toBeGreaterThan(lossLipschitz(0.1, 10) - 1e-6);
    expect(e.estimate).toBe(Math.max(e.vertices, e.search));
  });

  it('never exceeds the closed form by more than a few ulps (property, K up to 1000)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 2, max: 1000 }),
        fc.constantFrom('l1', 'l2', 'linf' as const),
        fc.constantFrom('uniform', 'others' as const),
        fc.nat(1000),
        (alpha, k, norm, convention, seed) => {
          const closed = lossLipschitz(alpha, k, { norm, convention });
          const e = estimateLipschitz(alpha, k, { norm, convention, samples: 20, seed });
          // compensated sums: within 8 ulps of the exact norm, as is the closed form
          expect(e.estimate).toBeLessThanOrEqual(closed * (1 + 8 * EPS));
          expect(e.vertices).toBeGreaterThanOrEqual(closed * (1 - 8 * EPS));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('is deterministic for a seed and uses the given generator', () => {
    const a = estimateLipschitz(0.2, 5, { samples: 50, seed: 3 });
    expect(estimateLipschitz(0.2, 5, { samples: 50, seed: 3 })).toEqual(a);
    const b = estimateLipschitz(0.2, 5, { samples: 50, rng: createRng(3) });
    expect(b.search).toBe(a.search);
    expect(estimateLipschitz(0.2, 5, { samples: 0 }).search).toBe(-Infinity);
  });

  it('rejects bad options with typed errors', () => {
    expect(thrown(() => estimateLipschitz(0.1, 3, { samples: 2e6 })).code).toBe('E_RANGE');
    expect(thrown(() => estimateLipschitz(0.1, 3, { samples: 1.5 })).code).toBe('E_RANGE');
    expect(thrown(() => estimateLipschitz(0.1, 3, { rng: {} as never })).message).toContain(
      'options.rng',
    );
    expect(thrown(() => estimateLipschitz(0.1, 3, { seed: -1 })).code).toBe('E_RANGE');
    expect(thrown(() => estimateLipschitz(2, 3)).code).toBe('E_RANGE');
    expect(thrown(() => estimateLipschitz(0.1, 3, { sample: 3 } as never)).code).toBe('E_OPTION');
  });
});
