import { expectClose } from '@lslab/test-utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  optimalLogitGap,
  optimalSigmoidLogit,
  sigmoid,
  smoothBinaryTargets,
} from '../src/index.ts';
import { bigEvaluate, thrown } from './helpers/index.ts';

const oracle = (expr: string, alpha: number): number => bigEvaluate(expr, { alpha });

describe('optimalSigmoidLogit(alpha, { convention })', () => {
  it("optimalSigmoidLogit(0.1, { convention: 'others' }) = ln 9 ≈ 2.1972 (DESIGN C3)", () => {
    expectClose(optimalSigmoidLogit(0.1, { convention: 'others' }), Math.log(9), { rtol: 2 });
    expect(optimalSigmoidLogit(0.1, { convention: 'others' }).toFixed(4)).toBe('2.1972');
  });

  it('optimalSigmoidLogit(0.1) = ln(0.95/0.05) = ln 19', () => {
    expectClose(optimalSigmoidLogit(0.1), Math.log(19), { rtol: 2 });
  });

  it('matches a 64-digit mathjs BigNumber evaluation', () => {
    for (const alpha of [1e-9, 0.01, 0.1, 0.25, 0.45, 0.5, 0.55, 0.9, 0.999]) {
      expectClose(optimalSigmoidLogit(alpha), oracle('log((1 - alpha/2) / (alpha/2))', alpha), {
        rtol: 8,
        label: `uniform α=${alpha}`,
      });
      // 'others' passes through 0 at α = 1/2: absolute slack there
      expectClose(
        optimalSigmoidLogit(alpha, { convention: 'others' }),
        oracle('log((1 - alpha) / alpha)', alpha),
        { rtol: 8, atol: 8, label: `others α=${alpha}` },
      );
    }
  });

  it('is the K = 2 optimal logit gap and σ(z*) is the smoothed positive target', () => {
    for (const convention of ['uniform', 'others'] as const) {
      for (const alpha of [0.01, 0.1, 0.3]) {
        expect(optimalSigmoidLogit(alpha, { convention })).toBe(
          optimalLogitGap(alpha, 2, { convention }),
        );
        const t = smoothBinaryTargets([1], alpha, { convention })[0];
        expectClose(sigmoid(optimalSigmoidLogit(alpha, { convention })), t, { rtol: 8 });
      }
    }
  });

  it('edge cases: α = 0 → +∞; uniform α = 1 and others α = 1/2 → 0; others α = 1 → −∞', () => {
    expect(optimalSigmoidLogit(0)).toBe(Infinity);
    expect(optimalSigmoidLogit(0, { convention: 'others' })).toBe(Infinity);
    expect(optimalSigmoidLogit(1)).toBe(0);
    expect(optimalSigmoidLogit(0.5, { convention: 'others' })).toBe(0);
    expect(optimalSigmoidLogit(1, { convention: 'others' })).toBe(-Infinity);
    // others α = 0.8: t' = 0.2 → ln(0.2/0.8) = −ln 4
    expectClose(optimalSigmoidLogit(0.8, { convention: 'others' }), -Math.log(4), { rtol: 8 });
  });

  it('is antisymmetric about the uniform point under others: z*(α) = −z*(1 − α) (fast-check)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }), (alpha) => {
        const a = optimalSigmoidLogit(alpha, { convention: 'others' });
        const b = optimalSigmoidLogit(1 - alpha, { convention: 'others' });
        // 1 − α is itself rounded (≤ EPS/2 absolute); the logit moves by at most
        // that times |d z*/dα| = 1/(α(1−α)), plus a few ulps of the result
        const slack = 2 ** -53 / (alpha * (1 - alpha)) + 8 * 2 ** -52 * Math.abs(a);
        expect(Math.abs(a + b)).toBeLessThanOrEqual(slack * 2);
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  it('rejects bad α and convention', () => {
    let e = thrown(() => optimalSigmoidLogit(-0.5));
    expect(e.code).toBe('E_RANGE');
    expect(e.message).toContain('alpha');
    expect(e.message).toContain('-0.5');
    e = thrown(() => optimalSigmoidLogit(Number.NaN));
    expect(e.code).toBe('E_NOT_FINITE');
    e = thrown(() => optimalSigmoidLogit(0.1, { convention: 'both' as 'others' }));
    expect(e.code).toBe('E_OPTION');
    expect(e.message).toContain('options.convention');
  });
});
