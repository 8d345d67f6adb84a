import { createRng } from '@lslab/models';
import { EPS, expectClose } from '@lslab/test-utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  brierDecomposition,
  brierScore,
  expectedCalibrationError,
  ksCalibrationError,
  negativeLogLikelihood,
  smoothCalibrationError,
} from '../../src/index.ts';
import { binaryCase, permuteRows, probabilityCase } from './arbitraries.ts';

/** Fixed seed: property runs are reproducible (fast-check otherwise seeds from the clock). */
const SEED = { seed: 20261128 };

const binnings = ['equal-width', 'equal-mass'] as const;
const scopes = ['top-label', 'classwise'] as const;
const sides = ['left', 'right'] as const;
const option = fc.record({
  bins: fc.integer({ min: 1, max: 20 }),
  binning: fc.constantFrom(...binnings),
  scope: fc.constantFrom(...scopes),
  edges: fc.constantFrom(...sides),
});

describe('properties of the binned calibration errors', () => {
  it('ECE, RMSCE and MCE lie in [0, 1], plug-in or debiased', () => {
    fc.assert(
      fc.property(probabilityCase(), option, fc.boolean(), ({ probs, labels }, o, debias) => {
        for (const norm of ['l1', 'l2', 'max'] as const) {
          const v = expectedCalibrationError(probs, labels, { ...o, norm, debias }).value;
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(1);
        }
      }),
      SEED,
    );
  });

  it('MCE ≥ RMSCE ≥ ECE on the same bins (Jensen), and debiasing never increases them', () => {
    fc.assert(
      fc.property(probabilityCase(), option, ({ probs, labels }, o) => {
        const v = (norm: 'l1' | 'l2' | 'max', debias = false) =>
          expectedCalibrationError(probs, labels, { ...o, norm, debias }).value;
        const [ece, rms, mce] = [v('l1'), v('l2'), v('max')];
        // equal when every non-empty bin has the same gap: allow a few roundings
        expect(mce * (1 + 8 * EPS)).toBeGreaterThanOrEqual(rms);
        expect(rms * (1 + 8 * EPS)).toBeGreaterThanOrEqual(ece);
        expect(v('l1', true)).toBeLessThanOrEqual(ece);
        expect(v('l2', true)).toBeLessThanOrEqual(rms);
        expect(v('max', true)).toBeLessThanOrEqual(mce);
      }),
      SEED,
    );
  });

  it('do not depend on the order of the rows', () => {
    fc.assert(
      fc.property(probabilityCase(), option, fc.nat(), ({ probs, labels }, o, seed) => {
        const q = permuteRows(probs, labels, createRng(seed).permutation(probs.rows));
        for (const norm of ['l1', 'l2', 'max'] as const) {
          const a = expectedCalibrationError(probs, labels, { ...o, norm });
          const b = expectedCalibrationError(q.probs, q.labels, { ...o, norm });
          // bin counts are integers; confidences are compensated sums (≈ 1 ulp each)
          expect(b.bins.map((x) => x.count)).toEqual(a.bins.map((x) => x.count));
          expectClose(b.value, a.value, { atol: 16, rtol: 16, label: norm });
        }
      }),
      SEED,
    );
  });
});

describe('properties of the other metrics', () => {
  it('KS, Brier and NLL do not depend on the order of the rows', () => {
    fc.assert(
      fc.property(probabilityCase(), fc.nat(), ({ probs, labels }, seed) => {
        const q = permuteRows(probs, labels, createRng(seed).permutation(probs.rows));
        // KS sorts (score, outcome) pairs: the same sequence, bit for bit
        expect(ksCalibrationError(q.probs, q.labels)).toBe(ksCalibrationError(probs, labels));
        // plain sums of N non-negative terms: reordering moves them by ≤ (N − 1)·EPS relative
        const tol = { rtol: 2 * probs.rows };
        expectClose(brierScore(q.probs, q.labels), brierScore(probs, labels), tol);
        expectClose(
          negativeLogLikelihood(q.probs, q.labels),
          negativeLogLikelihood(probs, labels),
          tol,
        );
      }),
      SEED,
    );
  });

  it('smECE does not depend on the order of the rows (to the bisection width 1e-6)', () => {
    fc.assert(
      fc.property(binaryCase(40), fc.nat(), ({ p, y }, seed) => {
        const perm = createRng(seed).permutation(p.length);
        const a = smoothCalibrationError(p, y, { points: 2 });
        const b = smoothCalibrationError(
          Array.from(perm, (i) => p[i]),
          Array.from(perm, (i) => y[i]),
          { points: 2 },
        );
        expectClose(b.value, a.value, { rtol: 1e-5 / EPS, atol: 1e-12 / EPS });
      }),
      { ...SEED, numRuns: 25 },
    );
  });

  it('Brier decomposition: reliability − resolution + uncertainty + residual = score', () => {
    fc.assert(
      fc.property(
        probabilityCase(),
        fc.integer({ min: 1, max: 20 }),
        fc.constantFrom(...sides),
        ({ probs, labels }, bins, edges) => {
          const d = brierDecomposition(probs, labels, { bins, edges });
          const sum = d.reliability - d.resolution + d.uncertainty + d.residual;
          // each term is a sum of ≤ N·K terms of size ≤ 2: rounding ≤ 8·N·K·EPS
          expectClose(sum, d.score, { atol: 8 * probs.rows * probs.cols });
        },
      ),
      SEED,
    );
    fc.assert(
      fc.property(binaryCase(), fc.integer({ min: 1, max: 20 }), ({ p, y }, bins) => {
        const d = brierDecomposition(p, y, { bins });
        const sum = d.reliability - d.resolution + d.uncertainty + d.residual;
        expectClose(sum, brierScore(p, y), { atol: 8 * p.length });
      }),
      SEED,
    );
  });
});
