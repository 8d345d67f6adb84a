import { describe, expect, it } from 'vitest';
import { binaryLossLipschitz, bousquetElisseeffBound } from '../src/index.ts';
import { thrown } from './helpers.ts';

describe('bousquetElisseeffBound(sigma, kappa, lambda, n)', () => {
  it('is σ²κ²/(λn): their σ²κ²/(2λ′n) with the penalty λ′‖W‖² = (λ/2)‖W‖²', () => {
    expect(bousquetElisseeffBound(1, 2, 0.5, 100)).toBeCloseTo(0.08, 16);
    // the same number from their form, λ′ = λ/2
    const lambdaPrime = 0.25;
    expect(bousquetElisseeffBound(1, 2, 0.5, 100)).toBeCloseTo(
      (1 * 4) / (2 * lambdaPrime * 100),
      16,
    );
  });

  it('shrinks only by (1 − α/2)² with binary uniform smoothing', () => {
    for (const a of [0.1, 0.5, 1]) {
      const r =
        bousquetElisseeffBound(binaryLossLipschitz(a), 1, 1, 10) /
        bousquetElisseeffBound(1, 1, 1, 10);
      expect(r).toBeCloseTo((1 - a / 2) ** 2, 15);
    }
  });

  it('rejects λ ≤ 0, σ ≤ 0, κ ≤ 0, n < 1, non-integer n and NaN', () => {
    expect(thrown(() => bousquetElisseeffBound(1, 1, 0, 10)).message).toContain('lambda');
    expect(thrown(() => bousquetElisseeffBound(1, 1, -1, 10)).code).toBe('E_RANGE');
    expect(thrown(() => bousquetElisseeffBound(0, 1, 1, 10)).code).toBe('E_RANGE');
    expect(thrown(() => bousquetElisseeffBound(1, -2, 1, 10)).code).toBe('E_RANGE');
    expect(thrown(() => bousquetElisseeffBound(1, 1, 1, 0)).code).toBe('E_RANGE');
    expect(thrown(() => bousquetElisseeffBound(1, 1, 1, 2.5)).code).toBe('E_RANGE');
    expect(thrown(() => bousquetElisseeffBound(Number.NaN, 1, 1, 2)).code).toBe('E_NOT_FINITE');
  });
});
