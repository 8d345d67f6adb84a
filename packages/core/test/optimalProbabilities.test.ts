import { expectArraysClose, expectClose } from '@lslab/test-utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fromRows,
  optimalProbabilities,
  smoothLabels,
  softmax,
  softmaxCrossEntropy,
} from '../src/index.ts';
import { big, bn, thrown } from './helpers/index.ts';

describe('optimalProbabilities(alpha, numClasses, { convention, label })', () => {
  it("optimalProbabilities(0.1, 3, { convention: 'others', label: 1 }) = (0.05, 0.9, 0.05) (DESIGN C1)", () => {
    expectArraysClose(
      optimalProbabilities(0.1, 3, { convention: 'others', label: 1 }),
      [0.05, 0.9, 0.05],
      { rtol: 1 },
    );
  });

  it("optimalProbabilities(0.1, 5, { convention: 'others' }) = (0.9, 0.025 × 4)", () => {
    expectArraysClose(
      optimalProbabilities(0.1, 5, { convention: 'others' }),
      [0.9, 0.025, 0.025, 0.025, 0.025],
      { rtol: 1 },
    );
  });

  it('optimalProbabilities(0.2, 4) = (1 − 0.2 + 0.05, 0.05, 0.05, 0.05)', () => {
    const q = optimalProbabilities(0.2, 4);
    expect(q).toBeInstanceOf(Float64Array);
    expectArraysClose(q, [0.85, 0.05, 0.05, 0.05], { rtol: 2 });
  });

  it('matches a 64-digit mathjs BigNumber evaluation of the masses', () => {
    const ev = (e: string, alpha: number, k: number) =>
      Number(big.evaluate(e, { alpha: bn(alpha), K: bn(k) }).toString());
    for (const k of [2, 3, 10, 1000]) {
      for (const alpha of [1e-8, 0.1, 0.5, 0.95]) {
        const u = optimalProbabilities(alpha, k, { label: k - 1 });
        // one subtraction and one division, each rounded: ≤ 2 EPS relative
        expectClose(u[k - 1], ev('1 - alpha + alpha / K', alpha, k), { rtol: 2 });
        expectClose(u[0], ev('alpha / K', alpha, k), { rtol: 1 });
        const o = optimalProbabilities(alpha, k, { convention: 'others', label: k - 1 });
        expectClose(o[k - 1], ev('1 - alpha', alpha, k), { rtol: 1 });
        expectClose(o[0], ev('alpha / (K - 1)', alpha, k), { rtol: 1 });
      }
    }
  });

  it('α = 0 gives the one-hot e_y; uniform α = 1 gives 1/K everywhere', () => {
    expect(Array.from(optimalProbabilities(0, 4, { label: 2 }))).toEqual([0, 0, 1, 0]);
    expectArraysClose(optimalProbabilities(1, 4), [0.25, 0.25, 0.25, 0.25], { rtol: 1 });
  });

  it('is the row of smoothLabels for the same label (both conventions)', () => {
    for (const convention of ['uniform', 'others'] as const) {
      const q = optimalProbabilities(0.3, 6, { convention, label: 4 });
      expect(Array.from(q)).toEqual(Array.from(smoothLabels([4], 6, 0.3, { convention }).data));
    }
  });

  it('sums to 1 and is a minimiser: the gradient p − q vanishes at z = log q (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 1, noNaN: true }),
        fc.integer({ min: 2, max: 50 }),
        fc.constantFrom('uniform' as const, 'others' as const),
        fc.nat(),
        (alpha, k, convention, l) => {
          // 'others' with α > (K−1)/K is a legal target but put the largest mass
          // off the label; the argument is the same (all q_c > 0 unless α = 1).
          const label = l % k;
          const q = optimalProbabilities(alpha, k, { convention, label });
          let s = 0;
          for (const v of q) s += v;
          expectClose(s, 1, { rtol: 4 * k });
          if (convention === 'others' && alpha === 1) return;
          const z = fromRows([Array.from(q, Math.log)]);
          expectArraysClose(softmax(z).data, q, { rtol: 8 * k, atol: 8 });
          const { grad } = softmaxCrossEntropy(z, [label], { labelSmoothing: alpha, convention });
          for (const g of grad.data) expect(Math.abs(g)).toBeLessThanOrEqual(16 * k * 2 ** -52);
        },
      ),
      { seed: 11282026, numRuns: 300 },
    );
  });

  it('rejects a bad label, α, K and convention', () => {
    let e = thrown(() => optimalProbabilities(0.1, 3, { label: 3 }));
    expect(e.code).toBe('E_LABEL');
    expect(e.message).toContain('options.label');
    expect(e.message).toContain('3');
    e = thrown(() => optimalProbabilities(0.1, 3, { label: 0.5 }));
    expect(e.code).toBe('E_LABEL');
    e = thrown(() => optimalProbabilities(2, 3));
    expect(e.code).toBe('E_RANGE');
    expect(e.message).toContain('alpha');
    e = thrown(() => optimalProbabilities(0.1, 0));
    expect(e.code).toBe('E_RANGE');
    expect(e.message).toContain('numClasses');
    e = thrown(() => optimalProbabilities(0.1, 3, { convention: 'x' as 'uniform' }));
    expect(e.code).toBe('E_OPTION');
  });
});
