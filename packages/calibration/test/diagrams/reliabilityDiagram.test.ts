import { fromRows, matrix } from '@lslab/core';
import { createRng } from '@lslab/models';
import { expectClose } from '@lslab/test-utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectedCalibrationError, reliabilityDiagram } from '../../src/index.ts';
import { thrownCode } from '../recalibration/helpers.ts';

const close = (a: number | null, e: number) => {
  expect(a).not.toBeNull();
  expectClose(a as number, e, { rtol: 8, atol: 2 });
};

describe('reliabilityDiagram(probs, labels, options?)', () => {
  const p = [0.1, 0.2, 0.3, 0.55, 0.6, 0.75, 0.9, 1.0];
  const y = [0, 0, 1, 1, 0, 1, 1, 1];

  it('4 bins [lo, hi): rows and ECE written out by hand', () => {
    // [0, .25): 0.1, 0.2 → conf 0.15, acc 0      [.25, .5): 0.3 → conf 0.3, acc 1
    // [.5, .75): 0.55, 0.6 → conf 0.575, acc 0.5  [.75, 1]: 0.75, 0.9, 1 → conf 2.65/3, acc 1
    // ECE = (2·0.15 + 1·0.7 + 2·0.075 + 3·(1 − 2.65/3))/8 = 1.5/8 = 0.1875
    const d = reliabilityDiagram(p, y, { bins: 4, resamples: 400, seed: 1 });
    expect(d.rows.map((r) => [r.lo, r.hi, r.center, r.count])).toEqual([
      [0, 0.25, 0.125, 2],
      [0.25, 0.5, 0.375, 1],
      [0.5, 0.75, 0.625, 2],
      [0.75, 1, 0.875, 3],
    ]);
    const conf = [0.15, 0.3, 0.575, 2.65 / 3];
    const acc = [0, 1, 0.5, 1];
    d.rows.forEach((r, b) => {
      close(r.confidence, conf[b]);
      close(r.accuracy, acc[b]);
      close(r.gap, conf[b] - acc[b]);
    });
    expectClose(d.ece, 0.1875, { rtol: 8 });
    expect(d).toMatchObject({ n: 8, level: 0.95, resamples: 400 });
    // A bin whose outcomes are all equal has a degenerate band at that value.
    expect([d.rows[0].lower, d.rows[0].upper]).toEqual([0, 0]);
    expect([d.rows[1].lower, d.rows[1].upper]).toEqual([1, 1]);
    expect([d.rows[3].lower, d.rows[3].upper]).toEqual([1, 1]);
    // Bin 2 holds outcomes {1, 0}: resampled accuracy ∈ {0, 1/2, 1}, P(0) = P(1) = 1/4 given non-empty.
    expect([d.rows[2].lower, d.rows[2].upper]).toEqual([0, 1]);
  });

  it("edges 'right' (lo, hi]: 0.75 moves down a bin (hand-computed)", () => {
    // (.5, .75]: 0.55, 0.6, 0.75 → conf 1.9/3, acc 2/3;  (.75, 1]: 0.9, 1 → conf 0.95, acc 1
    // ECE = (2·0.15 + 0.7 + 3·|2/3 − 1.9/3| + 2·0.05)/8 = (0.3 + 0.7 + 0.1 + 0.1)/8 = 0.15
    const d = reliabilityDiagram(p, y, { bins: 4, edges: 'right', resamples: 50 });
    expect(d.rows.map((r) => r.count)).toEqual([2, 1, 3, 2]);
    close(d.rows[2].confidence, 1.9 / 3);
    close(d.rows[2].accuracy, 2 / 3);
    close(d.rows[3].confidence, 0.95);
    expectClose(d.ece, 0.15, { rtol: 8 });
  });

  it('matrix input scores the top label; empty bins have null statistics', () => {
    // top labels: 0.7 (argmax 0, y = 0: right), 0.5 (argmax 1, y = 2: wrong), 0.9 (argmax 2, y = 2: right)
    const m = fromRows([
      [0.7, 0.2, 0.1],
      [0.2, 0.5, 0.3],
      [0.05, 0.05, 0.9],
    ]);
    const d = reliabilityDiagram(m, [0, 2, 2], { bins: 2, resamples: 20 });
    // [0, .5): empty; [.5, 1]: 0.7, 0.5, 0.9 → conf 0.7, acc 2/3
    expect(d.rows[0]).toEqual({
      lo: 0,
      hi: 0.5,
      center: 0.25,
      count: 0,
      confidence: null,
      accuracy: null,
      gap: null,
      lower: null,
      upper: null,
    });
    close(d.rows[1].confidence, 0.7);
    close(d.rows[1].accuracy, 2 / 3);
    expectClose(d.ece, 0.7 - 2 / 3, { rtol: 16 });
  });

  it('band width of a large bin ≈ 2·1.96·√(a(1−a)/m) within 15 %', () => {
    // One bin (bins: 1) of m = 2000 rows with accuracy a: the resampled accuracy is Binomial/m.
    const rng = createRng(12);
    const n = 2000;
    const probs = Float64Array.from({ length: n }, () => 0.3 + 0.4 * rng.uniform());
    const labels = Float64Array.from(probs, (q) => rng.bernoulli(q));
    const d = reliabilityDiagram(probs, labels, { bins: 1, resamples: 2000, seed: 3 });
    const a = d.rows[0].accuracy as number;
    const width = 2 * 1.96 * Math.sqrt((a * (1 - a)) / n);
    const got = (d.rows[0].upper as number) - (d.rows[0].lower as number);
    expect(got / width).toBeGreaterThan(0.85);
    expect(got / width).toBeLessThan(1.15);
  });

  it('rows agree with expectedCalibrationError bins and ECE for every binning and edge side (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom('equal-width' as const, 'equal-mass' as const),
        fc.constantFrom('left' as const, 'right' as const),
        fc.integer({ min: 0, max: 1000 }),
        (n, bins, binning, edges, seed) => {
          const rng = createRng(seed);
          const k = 3;
          const m = matrix(n, k);
          const labels: number[] = [];
          for (let i = 0; i < n; i++) {
            // rounded to 1/8 so that ties and values on bin edges occur
            const w = [1, 2, 3].map(() => 1 + Math.round(rng.uniform() * 8));
            const s = w[0] + w[1] + w[2];
            for (let j = 0; j < k; j++) m.data[i * k + j] = w[j] / s;
            labels.push(rng.int(k));
          }
          const d = reliabilityDiagram(m, labels, { bins, binning, edges, resamples: 30, seed });
          const e = expectedCalibrationError(m, labels, { bins, binning, edges });
          expect(d.ece).toBe(e.value);
          expect(d.rows.map((r) => [r.lo, r.hi, r.count, r.confidence, r.accuracy])).toEqual(
            e.bins.map((b) => [b.lo, b.hi, b.count, b.confidence, b.accuracy]),
          );
          expect(d.rows.reduce((s, r) => s + r.count, 0)).toBe(n);
          for (const r of d.rows) {
            if (r.count === 0) continue;
            expect(r.lower).not.toBeNull();
            expect(r.lower as number).toBeGreaterThanOrEqual(0);
            expect(r.upper as number).toBeLessThanOrEqual(1);
            expect(r.lower as number).toBeLessThanOrEqual(r.upper as number);
          }
        },
      ),
      { seed: 21, numRuns: 60 },
    );
  });

  it('same seed → same bands, different seed → different bands', () => {
    const rng = createRng(5);
    const probs = Float64Array.from({ length: 300 }, () => rng.uniform());
    const labels = Float64Array.from(probs, (q) => rng.bernoulli(q));
    const a = reliabilityDiagram(probs, labels, { bins: 5, resamples: 200, seed: 1 });
    const b = reliabilityDiagram(probs, labels, { bins: 5, resamples: 200, seed: 1 });
    const c = reliabilityDiagram(probs, labels, { bins: 5, resamples: 200, seed: 2 });
    expect(b).toEqual(a);
    expect(c.rows.map((r) => [r.lower, r.upper])).not.toEqual(
      a.rows.map((r) => [r.lower, r.upper]),
    );
  });

  it('rejects bad input with LslabError codes', () => {
    expect(thrownCode(() => reliabilityDiagram([0.5, 1.5], [0, 1]))).toBe('E_RANGE');
    expect(thrownCode(() => reliabilityDiagram([0.5, Number.NaN], [0, 1]))).toBe('E_NOT_FINITE');
    expect(thrownCode(() => reliabilityDiagram([0.5, 0.5], [0, 2]))).toBe('E_LABEL');
    expect(thrownCode(() => reliabilityDiagram([0.5, 0.5], [0]))).toBe('E_SHAPE');
    expect(thrownCode(() => reliabilityDiagram([], []))).toBe('E_EMPTY');
    expect(thrownCode(() => reliabilityDiagram(fromRows([[0.5, 0.6]]), [0]))).toBe(
      'E_NOT_DISTRIBUTION',
    );
    expect(thrownCode(() => reliabilityDiagram([0.5], [1], { bins: 0 }))).toBe('E_RANGE');
    expect(thrownCode(() => reliabilityDiagram([0.5], [1], { level: 1.5 }))).toBe('E_RANGE');
    expect(thrownCode(() => reliabilityDiagram([0.5], [1], { resamples: -1 }))).toBe('E_RANGE');
    // @ts-expect-error: unknown option
    expect(thrownCode(() => reliabilityDiagram([0.5], [1], { norm: 'l2' }))).toBe('E_OPTION');
    // @ts-expect-error: unknown binning
    expect(thrownCode(() => reliabilityDiagram([0.5], [1], { binning: 'quantile' }))).toBe(
      'E_OPTION',
    );
  });
});
