import { expectClose } from '@lslab/test-utils';
import { evaluateExact } from '@lslab/test-utils/claims';
import { describe, expect, it } from 'vitest';
import { lossLipschitz } from '../src/index.ts';
import { thrown } from './helpers.ts';

/** ‖e_j − q‖ over every vertex j, entries written out one by one (no closed form). */
function bruteForce(alpha: number, k: number, norm: 'l1' | 'l2' | 'linf', others = false) {
  const q = Array.from({ length: k }, (_, c) =>
    others ? (c === 0 ? 1 - alpha : alpha / (k - 1)) : (c === 0 ? 1 - alpha : 0) + alpha / k,
  );
  let best = 0;
  for (let j = 0; j < k; j++) {
    const d = q.map((v, c) => Math.abs((c === j ? 1 : 0) - v));
    const v =
      norm === 'l1'
        ? d.reduce((a, b) => a + b, 0)
        : norm === 'linf'
          ? Math.max(...d)
          : Math.sqrt(d.reduce((a, b) => a + b * b, 0));
    best = Math.max(best, v);
  }
  return best;
}

describe('lossLipschitz(alpha, numClasses, { norm, convention })', () => {
  it('K = 10, α = 0.1: 1.34499 against √2 = 1.41421 (−4.9 %), as the catalogue states', () => {
    expect(lossLipschitz(0.1, 10).toFixed(5)).toBe('1.34499');
    expect(lossLipschitz(0, 10)).toBe(Math.SQRT2);
    expect(((lossLipschitz(0.1, 10) / Math.SQRT2 - 1) * 100).toFixed(1)).toBe('-4.9');
    expect(lossLipschitz(0.1, 10, { norm: 'linf' })).toBe(0.99);
    expect(lossLipschitz(0.1, 10, { norm: 'l1' })).toBeCloseTo(1.98, 15);
  });

  it.each([2, 3, 10, 100, 1000])('uniform ℓ2 equals the 64-digit formula at K = %i', (k) => {
    for (const alpha of [0.01, 0.1, 0.3, 0.5, 0.9, 1]) {
      const exact = evaluateExact('sqrt((1 - a / K)^2 + (1 - a + a / K)^2 + (K - 2) * (a / K)^2)', {
        a: alpha,
        K: k,
      });
      expectClose(lossLipschitz(alpha, k), exact, { rtol: 4 });
      expectClose(lossLipschitz(alpha, k, { norm: 'l1' }), 2 - (2 * alpha) / k, { rtol: 4 });
      expectClose(lossLipschitz(alpha, k, { norm: 'linf' }), 1 - alpha / k, { rtol: 4 });
    }
  });

  it.each([
    [2, 'l2'],
    [3, 'l1'],
    [7, 'linf'],
    [10, 'l2'],
  ] as const)('equals the largest vertex distance, both conventions (K = %i, %s)', (k, norm) => {
    for (const alpha of [0, 0.05, 0.5, 0.8, 1]) {
      // K-term sums in the brute force: relative error ≤ K·ε
      const tol = { rtol: 4 * k };
      expectClose(lossLipschitz(alpha, k, { norm }), bruteForce(alpha, k, norm), tol);
      expectClose(
        lossLipschitz(alpha, k, { norm, convention: 'others' }),
        bruteForce(alpha, k, norm, true),
        tol,
      );
    }
  });

  it('rejects bad input with typed errors naming the argument', () => {
    expect(thrown(() => lossLipschitz(1.5, 10)).code).toBe('E_RANGE');
    expect(thrown(() => lossLipschitz(Number.NaN, 10)).code).toBe('E_NOT_FINITE');
    expect(thrown(() => lossLipschitz(0.1, 1)).code).toBe('E_RANGE');
    expect(thrown(() => lossLipschitz(0.1, 2.5)).message).toContain('numClasses');
    const e = thrown(() => lossLipschitz(0.1, 10, { nrom: 'l2' } as never));
    expect([e.code, e.message]).toEqual([
      'E_OPTION',
      expect.stringContaining("did you mean 'norm'?"),
    ]);
    expect(thrown(() => lossLipschitz(0.1, 10, { norm: 'l3' as never })).code).toBe('E_OPTION');
    expect(thrown(() => lossLipschitz(0.1, 10, { convention: 'x' as never })).code).toBe(
      'E_OPTION',
    );
  });
});
