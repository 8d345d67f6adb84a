import { expectClose } from '@lslab/test-utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fromRows,
  minimumSmoothedLoss,
  optimalProbabilities,
  softmaxCrossEntropy,
} from '../src/index.ts';
import { big, bn, bigEvaluate as oracle, thrown } from './helpers/index.ts';

// H(q) with on-mass a and each of K − 1 off-masses b
const ENTROPY = '-(a * log(a)) - (K - 1) * b * log(b)';

describe('minimumSmoothedLoss(alpha, numClasses, { convention })', () => {
  it("minimumSmoothedLoss(0.1, 3, { convention: 'others' }) = −0.9 ln 0.9 − 0.1 ln 0.05", () => {
    expectClose(
      minimumSmoothedLoss(0.1, 3, { convention: 'others' }),
      -0.9 * Math.log(0.9) - 0.1 * Math.log(0.05),
      { rtol: 8 },
    );
  });

  it('matches a 64-digit mathjs BigNumber evaluation of H(q) (both conventions)', () => {
    for (const k of [2, 3, 10, 1000]) {
      for (const alpha of [1e-10, 1e-4, 0.1, 0.5, 0.9, 0.999]) {
        // the masses in exact arithmetic from the exact binary α
        const scopeU = { K: k, alpha };
        const a = big.evaluate('1 - alpha + alpha / K', mapBn(scopeU));
        const b = big.evaluate('alpha / K', mapBn(scopeU));
        const hu = Number(big.evaluate(ENTROPY, { a, b, K: bn(k) }).toString());
        // a few roundings in m, log1p and the products: ≤ ~16 EPS relative
        expectClose(minimumSmoothedLoss(alpha, k), hu, {
          rtol: 16,
          label: `uniform K=${k} α=${alpha}`,
        });
        const ho = oracle('-(1 - alpha) * log(1 - alpha) - alpha * log(alpha / (K - 1))', scopeU);
        expectClose(minimumSmoothedLoss(alpha, k, { convention: 'others' }), ho, {
          rtol: 16,
          label: `others K=${k} α=${alpha}`,
        });
      }
    }
  });

  it('edge cases: 0 at α = 0, ln K for a uniform target, 0·log 0 = 0 at others α = 1', () => {
    expect(minimumSmoothedLoss(0, 10)).toBe(0);
    expect(minimumSmoothedLoss(0, 10, { convention: 'others' })).toBe(0);
    expectClose(minimumSmoothedLoss(1, 10), Math.log(10), { rtol: 8 });
    expectClose(minimumSmoothedLoss(0.75, 4, { convention: 'others' }), Math.log(4), { rtol: 8 });
    // others α = (K−1)/K is the uniform target: H = ln K, never above it
    for (const k of [3, 5, 7, 10, 100, 1000]) {
      const h = minimumSmoothedLoss((k - 1) / k, k, { convention: 'others' });
      expectClose(h, Math.log(k), { rtol: 8, label: `K=${k}` });
      expect(h).toBeLessThanOrEqual(Math.log(k));
    }
    // others α = 1, K = 3: q = (0, 1/2, 1/2) → ln 2
    expectClose(minimumSmoothedLoss(1, 3, { convention: 'others' }), Math.LN2, { rtol: 8 });
    expectClose(minimumSmoothedLoss(1, 2, { convention: 'others' }), 0, { atol: 0 });
    // subnormal α, K = 2, others: H = −(1−m)·log(1−m) − m·log m ≈ m·(1 − log m),
    // finite (m/(K−1) would underflow if formed directly)
    const tiny = 1e-320;
    expectClose(
      minimumSmoothedLoss(tiny, 2, { convention: 'others' }),
      tiny * (1 - Math.log(tiny)),
      {
        rtol: 2 ** 52 * 1e-3, // a subnormal near 1e-320 carries ~11 bits: 1e-3 relative
      },
    );
    expect(Number.isFinite(minimumSmoothedLoss(5e-324, 3))).toBe(true);
  });

  it('equals softmaxCrossEntropy at the optimal logits z = log q', () => {
    for (const convention of ['uniform', 'others'] as const) {
      for (const k of [2, 4, 10, 100]) {
        for (const alpha of [1e-3, 0.1, 0.5]) {
          const q = optimalProbabilities(alpha, k, { convention, label: 1 });
          const z = fromRows([Array.from(q, Math.log)]);
          const { loss } = softmaxCrossEntropy(z, [1], { labelSmoothing: alpha, convention });
          // logSumExp(log q) = log(Σq) ≈ 0 up to K roundings; Σ q_c log q_c to a few ulps
          expectClose(loss, minimumSmoothedLoss(alpha, k, { convention }), {
            rtol: 16,
            atol: 4 * k,
            label: `${convention} K=${k} α=${alpha}`,
          });
        }
      }
    }
  });

  it('is a lower bound of the smoothed loss at any logits (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -30, max: 30, noNaN: true }), { minLength: 2, maxLength: 8 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom('uniform' as const, 'others' as const),
        (row, alpha, convention) => {
          const { loss } = softmaxCrossEntropy(fromRows([row]), [0], {
            labelSmoothing: alpha,
            convention,
          });
          const h = minimumSmoothedLoss(alpha, row.length, { convention });
          expect(loss).toBeGreaterThanOrEqual(h - 64 * 2 ** -52 * (1 + h));
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });

  it('rejects bad α, K and convention', () => {
    let e = thrown(() => minimumSmoothedLoss(1.01, 3));
    expect(e.code).toBe('E_RANGE');
    expect(e.message).toContain('alpha');
    e = thrown(() => minimumSmoothedLoss(0.1, Number.POSITIVE_INFINITY));
    expect(e.code).toBe('E_RANGE');
    expect(e.message).toContain('numClasses');
    e = thrown(() => minimumSmoothedLoss(0.1, 3, { convention: 'none' as 'uniform' }));
    expect(e.code).toBe('E_OPTION');
  });
});

function mapBn(scope: Record<string, number>): Record<string, unknown> {
  const s: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(scope)) s[k] = bn(v);
  return s;
}
