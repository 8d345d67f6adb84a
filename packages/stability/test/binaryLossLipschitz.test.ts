import { describe, expect, it } from 'vitest';
import { binaryLossLipschitz } from '../src/index.ts';
import { thrown } from './helpers.ts';

describe('binaryLossLipschitz(alpha, { convention })', () => {
  it('is max(t, 1 − t) of the smoothed positive target', () => {
    expect(binaryLossLipschitz(0)).toBe(1);
    expect(binaryLossLipschitz(0.1)).toBeCloseTo(0.95, 15);
    expect(binaryLossLipschitz(0.1, { convention: 'others' })).toBeCloseTo(0.9, 15);
    // others beyond α = 1/2: the target 1 − α is below 1/2 and the constant is α
    expect(binaryLossLipschitz(0.8, { convention: 'others' })).toBeCloseTo(0.8, 15);
    expect(binaryLossLipschitz(1)).toBe(0.5);
  });

  it('matches a dense search of |σ(z) − t| over z ∈ [−40, 40]', () => {
    for (const alpha of [0.01, 0.2, 0.6]) {
      const t = 1 - alpha / 2;
      let m = 0;
      for (let z = -40; z <= 40; z += 0.05) m = Math.max(m, Math.abs(1 / (1 + Math.exp(-z)) - t));
      // σ(−40) ≈ 4.2e-18 away from 0: the search reaches the supremum up to it and one rounding
      expect(Math.abs(binaryLossLipschitz(alpha) - m)).toBeLessThan(1e-15);
    }
  });

  it('rejects α outside [0, 1] and unknown options', () => {
    expect(thrown(() => binaryLossLipschitz(-0.1)).code).toBe('E_RANGE');
    expect(thrown(() => binaryLossLipschitz(0.1, { conventoin: 'others' } as never)).code).toBe(
      'E_OPTION',
    );
  });
});
