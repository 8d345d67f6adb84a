import { EPS, expectArraysClose } from '@lslab/test-utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertSmoothing, smoothLabels } from '../src/index.ts';
import { thrownLslabError } from './helpers/index.ts';

// Claim C1 asks for exactness to 1e-15 (absolute; every entry lies in [0, 1]).
const C1 = { atol: 1e-15 / EPS };

describe('smoothLabels(labels, numClasses, alpha, options)', () => {
  it("K=3, α=0.1, 'others': the cat (class 1) becomes (0.05, 0.9, 0.05)", () => {
    const q = smoothLabels([1], 3, 0.1, { convention: 'others' });
    expect([q.rows, q.cols]).toEqual([1, 3]);
    expectArraysClose(q.data, [0.05, 0.9, 0.05], C1);
  });

  it("K=5, α=0.1, 'others': (0.9, 0.025, 0.025, 0.025, 0.025)", () => {
    const q = smoothLabels([0], 5, 0.1, { convention: 'others' });
    expectArraysClose(q.data, [0.9, 0.025, 0.025, 0.025, 0.025], C1);
  });

  it("K=2, α=0.1, 'others': {0, 1} becomes {0.1, 0.9}", () => {
    const q = smoothLabels([0, 1], 2, 0.1, { convention: 'others' });
    expectArraysClose(q.data, [0.9, 0.1, 0.1, 0.9], C1);
  });

  it("'uniform' (the default): q = (1−α)·e_y + α/K", () => {
    // K=3, α=0.1: off = 0.1/3, on = 0.9 + 0.1/3 = 0.9333…
    expectArraysClose(smoothLabels([2], 3, 0.1).data, [1 / 30, 1 / 30, 28 / 30], C1);
    // K=10, α=0.1: off = 0.01, on = 0.91
    const q = smoothLabels([4], 10, 0.1, { convention: 'uniform' });
    expectArraysClose(q.data, [0.01, 0.01, 0.01, 0.01, 0.91, 0.01, 0.01, 0.01, 0.01, 0.01], C1);
    expectArraysClose(smoothLabels([0], 2, 0.1).data, [0.95, 0.05], C1);
  });

  it('α = 0 gives one-hot rows, α = 1 uniform (or all mass off the label)', () => {
    expect(Array.from(smoothLabels([1, 0], 3, 0).data)).toEqual([0, 1, 0, 1, 0, 0]);
    expectArraysClose(smoothLabels([1], 4, 1).data, [0.25, 0.25, 0.25, 0.25], C1);
    expectArraysClose(smoothLabels([1], 3, 1, { convention: 'others' }).data, [0.5, 0, 0.5], C1);
  });

  it("'others'(α) equals 'uniform'(convertSmoothing(α, K, 'others', 'uniform')) (fast-check)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 50 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.nat(),
        (k, t, seedLabel) => {
          const alpha = (t * (k - 1)) / k; // every 'others' α with a uniform equivalent ≤ 1
          const y = seedLabel % k;
          const others = smoothLabels([y], k, alpha, { convention: 'others' });
          const uniform = smoothLabels([y], k, convertSmoothing(alpha, k, 'others', 'uniform'));
          expectArraysClose(uniform.data, others.data, C1);
        },
      ),
    );
  });

  it('rows sum to 1, the label gets the largest mass for α ≤ (K−1)/K (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 100 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom('uniform' as const, 'others' as const),
        (k, alpha, convention) => {
          const q = smoothLabels([k - 1], k, alpha, { convention });
          let s = 0;
          for (const v of q.data) s += v;
          expect(Math.abs(s - 1)).toBeLessThanOrEqual(2 * k * EPS);
          if (convention === 'uniform' || alpha <= (k - 1) / k)
            for (let c = 0; c < k - 1; c++) expect(q.data[k - 1]).toBeGreaterThanOrEqual(q.data[c]);
        },
      ),
    );
  });

  it('gives a 0 × K matrix for no labels', () => {
    const q = smoothLabels([], 4, 0.1);
    expect([q.rows, q.cols, q.data.length]).toEqual([0, 4, 0]);
  });

  it('throws E_LABEL for a label out of range or not an integer', () => {
    let e = thrownLslabError(() => smoothLabels([0, 3], 3, 0.1), 'E_LABEL');
    expect(e.message).toBe('smoothLabels: labels[1] = 3: is not a class index in [0, 3)');
    e = thrownLslabError(() => smoothLabels([1.5], 3, 0.1), 'E_LABEL');
    expect(e.details).toMatchObject({ row: 0, value: 1.5 });
    thrownLslabError(() => smoothLabels([-1], 3, 0.1), 'E_LABEL');
    thrownLslabError(() => smoothLabels([Number.NaN], 3, 0.1), 'E_LABEL');
  });

  it('throws E_RANGE for α outside [0, 1] or K < 2, E_NOT_FINITE for α = NaN', () => {
    let e = thrownLslabError(() => smoothLabels([0], 3, 1.5), 'E_RANGE');
    expect(e.message).toBe('smoothLabels: alpha = 1.5: must lie in [0, 1]');
    thrownLslabError(() => smoothLabels([0], 3, -0.1), 'E_RANGE');
    thrownLslabError(() => smoothLabels([0], 3, Number.NaN), 'E_NOT_FINITE');
    e = thrownLslabError(() => smoothLabels([0], 1, 0.1), 'E_RANGE');
    expect(e.message).toBe('smoothLabels: numClasses = 1: must be an integer ≥ 2');
    thrownLslabError(() => smoothLabels([0], 2.5, 0.1), 'E_RANGE');
  });

  it('throws E_OPTION for an unknown convention', () => {
    const e = thrownLslabError(
      () => smoothLabels([0], 3, 0.1, { convention: 'keras' as 'uniform' }),
      'E_OPTION',
    );
    expect(e.message).toBe(
      `smoothLabels: options.convention = "keras": must be one of 'uniform', 'others'`,
    );
  });
});
