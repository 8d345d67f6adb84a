import { expectClose } from '@lslab/test-utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { optimalLogitGap, optimalProbabilities } from '../src/index.ts';
import { bigEvaluate as oracle, thrown } from './helpers/index.ts';

const UNIFORM = 'log(1 + K * (1 - alpha) / alpha)';
const OTHERS = 'log((1 - alpha) * (K - 1) / alpha)';

describe('optimalLogitGap(alpha, numClasses, { convention })', () => {
  it('optimalLogitGap(0.1, 10) = ln 91 (DESIGN C6)', () => {
    expectClose(optimalLogitGap(0.1, 10), Math.log(91), { rtol: 2 });
  });

  it("optimalLogitGap(0.1, 10, { convention: 'others' }) = ln(0.9·9/0.1) = ln 81", () => {
    expectClose(optimalLogitGap(0.1, 10, { convention: 'others' }), Math.log(81), { rtol: 2 });
  });

  it('matches a 64-digit mathjs BigNumber evaluation of the closed forms', () => {
    // log1p of a quotient of rounded terms: a handful of roundings, each ≤ EPS/2
    // relative in the argument and damped by x/((1+x)·log1p(x)) ≤ 1 in the result.
    for (const k of [2, 3, 10, 100, 1000]) {
      for (const alpha of [
        1e-12, 1e-3, 0.05, 0.1, 0.3, 0.49, 0.5, 0.51, 0.7, 0.74, 0.76, 0.9, 0.999,
      ]) {
        expectClose(optimalLogitGap(alpha, k), oracle(UNIFORM, { K: k, alpha }), {
          rtol: 8,
          label: `uniform K=${k} α=${alpha}`,
        });
        const gap = optimalLogitGap(alpha, k, { convention: 'others' });
        const expected = oracle(OTHERS, { K: k, alpha });
        // near the root α = (K−1)/K the gap passes through 0; relative error of
        // (K−1−Kα) is bounded by ~2·EPS·(K−1)/|K−1−Kα|, so test that case absolutely.
        expectClose(gap, expected, { rtol: 8, atol: 8, label: `others K=${k} α=${alpha}` });
      }
    }
  });

  it('equals log q_y − log q_k of optimalProbabilities', () => {
    for (const convention of ['uniform', 'others'] as const) {
      for (const k of [2, 5, 10]) {
        for (const alpha of [0.01, 0.1, 0.4]) {
          const q = optimalProbabilities(alpha, k, { convention, label: 1 });
          const a = Math.log(q[1]);
          const b = Math.log(q[0]);
          // difference of two logs, each within ~1 ulp of its (rounded) mass:
          // absolute error ≲ 4·EPS·(|a| + |b|)
          expectClose(optimalLogitGap(alpha, k, { convention }), a - b, {
            atol: 4 * (Math.abs(a) + Math.abs(b)),
            label: `${convention} K=${k} α=${alpha}`,
          });
          // every wrong class has the same mass, hence the same gap
          for (let j = 2; j < k; j++) expect(Math.log(q[1]) - Math.log(q[j])).toBe(a - b);
        }
      }
    }
  });

  it('edge cases: α = 0 → +∞, a uniform target → 0, others α > (K−1)/K → negative', () => {
    expect(optimalLogitGap(0, 10)).toBe(Infinity);
    expect(optimalLogitGap(0, 10, { convention: 'others' })).toBe(Infinity);
    expect(optimalLogitGap(1, 10)).toBe(0);
    expect(optimalLogitGap(0.75, 4, { convention: 'others' })).toBe(0);
    expect(optimalLogitGap(0.5, 2, { convention: 'others' })).toBe(0);
    // α = (K−1)/K rounded to a double: q_y and q_k agree to an ulp, so the gap is
    // within a few EPS of 0 (here K·α rounds to K − 1 and it is exactly 0)
    for (const k of [3, 5, 7, 10, 100, 1000]) {
      expectClose(optimalLogitGap((k - 1) / k, k, { convention: 'others' }), 0, { atol: 4 });
    }
    // K = 4, α = 0.9: q_y = 0.1, q_k = 0.3 → ln(1/3)
    expectClose(optimalLogitGap(0.9, 4, { convention: 'others' }), -Math.log(3), { rtol: 8 });
    expect(optimalLogitGap(1, 4, { convention: 'others' })).toBe(-Infinity);
  });

  it('is non-increasing in α (fast-check, both conventions)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 2, max: 10_000 }),
        fc.constantFrom('uniform' as const, 'others' as const),
        (a, b, k, convention) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(optimalLogitGap(lo, k, { convention })).toBeGreaterThanOrEqual(
            optimalLogitGap(hi, k, { convention }),
          );
        },
      ),
      { seed: 20261128, numRuns: 500 },
    );
  });

  it('is strictly decreasing on a grid', () => {
    for (const convention of ['uniform', 'others'] as const) {
      let prev = Infinity;
      for (let i = 1; i <= 100; i++) {
        const g = optimalLogitGap(i / 101, 7, { convention });
        expect(g).toBeLessThan(prev);
        prev = g;
      }
    }
  });

  it('rejects bad α, K and convention with LslabError', () => {
    let e = thrown(() => optimalLogitGap(1.5, 10));
    expect(e.code).toBe('E_RANGE');
    expect(e.message).toContain('alpha');
    expect(e.message).toContain('1.5');
    e = thrown(() => optimalLogitGap(-0.1, 10));
    expect(e.code).toBe('E_RANGE');
    e = thrown(() => optimalLogitGap(Number.NaN, 10));
    expect(e.code).toBe('E_NOT_FINITE');
    expect(e.message).toContain('alpha');
    e = thrown(() => optimalLogitGap(0.1, 1));
    expect(e.code).toBe('E_RANGE');
    expect(e.message).toContain('numClasses');
    e = thrown(() => optimalLogitGap(0.1, 2.5));
    expect(e.code).toBe('E_RANGE');
    e = thrown(() => optimalLogitGap(0.1, 10, { convention: 'other' as 'others' }));
    expect(e.code).toBe('E_OPTION');
    expect(e.message).toContain('options.convention');
  });
});
