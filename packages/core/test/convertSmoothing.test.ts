import { EPS, expectClose } from '@lslab/test-utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertSmoothing } from '../src/index.ts';
import { thrownLslabError } from './helpers/index.ts';

describe('convertSmoothing(alpha, numClasses, from, to)', () => {
  it("others(α) = uniform(α·K/(K−1)): 'uniform' 0.1 at K=10 is 'others' 0.09", () => {
    expectClose(convertSmoothing(0.1, 10, 'uniform', 'others'), 0.09, { rtol: 1 });
    expectClose(convertSmoothing(0.09, 10, 'others', 'uniform'), 0.1, { rtol: 2 });
    // K=3: 'others' 0.1 → uniform 0.15 (true class 0.85 + 0.05 = 0.9, others 0.05)
    expectClose(convertSmoothing(0.1, 3, 'others', 'uniform'), 0.15, { rtol: 2 });
    // K=2: 'others' 0.1 → uniform 0.2
    expectClose(convertSmoothing(0.1, 2, 'others', 'uniform'), 0.2, { rtol: 1 });
  });

  it('is the identity when from = to', () => {
    expect(convertSmoothing(0.37, 5, 'uniform', 'uniform')).toBe(0.37);
    expect(convertSmoothing(0.37, 5, 'others', 'others')).toBe(0.37);
  });

  it('round-trips uniform → others → uniform (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 1000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (k, a) => {
          const back = convertSmoothing(
            convertSmoothing(a, k, 'uniform', 'others'),
            k,
            'others',
            'uniform',
          );
          expectClose(back, a, { rtol: 4, atol: 1 });
        },
      ),
    );
  });

  it('round-trips others → uniform → others where the uniform α stays ≤ 1 (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 1000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (k, t) => {
          const a = (t * (k - 1)) / k;
          const u = convertSmoothing(a, k, 'others', 'uniform');
          expect(u).toBeLessThanOrEqual(1);
          expectClose(convertSmoothing(u, k, 'uniform', 'others'), a, { rtol: 4, atol: 1 });
        },
      ),
    );
  });

  it("maps 'others' α = (K−1)/K to uniform 1 (all classes 1/K)", () => {
    expectClose(convertSmoothing(0.5, 2, 'others', 'uniform'), 1, { rtol: 1 });
    expectClose(convertSmoothing(0.9, 10, 'others', 'uniform'), 1, { rtol: 2 });
  });

  it("throws E_RANGE when the 'uniform' equivalent exceeds 1", () => {
    // 'others' α = 0.8 at K = 3 puts 0.4 on each wrong class, more than 1/3: no uniform α ≤ 1 does that
    const e = thrownLslabError(() => convertSmoothing(0.8, 3, 'others', 'uniform'), 'E_RANGE');
    expect(e.details).toMatchObject({ argument: 'alpha', value: 0.8 });
    expect(e.message).toMatch(/^convertSmoothing: alpha = 0\.8: the 'uniform' equivalent/);
    expect(e.message).toContain('(K−1)/K = 0.6666666666666666');
    thrownLslabError(() => convertSmoothing(1, 2, 'others', 'uniform'), 'E_RANGE');
  });

  it('throws E_RANGE for α outside [0, 1] or K < 2, E_OPTION for an unknown convention', () => {
    thrownLslabError(() => convertSmoothing(1.1, 3, 'uniform', 'others'), 'E_RANGE');
    thrownLslabError(() => convertSmoothing(-EPS, 3, 'uniform', 'others'), 'E_RANGE');
    thrownLslabError(() => convertSmoothing(0.1, 1, 'uniform', 'others'), 'E_RANGE');
    thrownLslabError(() => convertSmoothing(Number.NaN, 3, 'uniform', 'others'), 'E_NOT_FINITE');
    const e = thrownLslabError(
      () => convertSmoothing(0.1, 3, 'uniform', 'szegedy' as 'others'),
      'E_OPTION',
    );
    expect(e.message).toBe(`convertSmoothing: to = "szegedy": must be one of 'uniform', 'others'`);
    thrownLslabError(() => convertSmoothing(0.1, 3, 'x' as 'others', 'uniform'), 'E_OPTION');
  });
});
