import { fromRows } from '@lslab/core';
import { createRng } from '@lslab/models';
import { expectClose } from '@lslab/test-utils';
import fc from 'fast-check';
import { all, create } from 'mathjs';
import { describe, expect, it } from 'vitest';
import {
  brierScore,
  type CalibrationSummary,
  createCalibrationAccumulator,
  expectedCalibrationError,
  negativeLogLikelihood,
} from '../../src/index.ts';
import { binaryCase, probabilityCase, sliceRows } from './arbitraries.ts';

const SEED = { seed: 7031 };

/** Counts are integers: equal bit for bit. Float sums are compensated: a few ulps. */
function expectSameSummary(a: CalibrationSummary, b: CalibrationSummary): void {
  expect(a.n).toBe(b.n);
  expect(a.bins.map((x) => x.count)).toEqual(b.bins.map((x) => x.count));
  expect(a.bins.map((x) => x.accuracy)).toEqual(b.bins.map((x) => x.accuracy));
  a.bins.forEach((x, i) => {
    if (x.confidence !== null) expectClose(x.confidence, b.bins[i].confidence!, { rtol: 4 });
  });
  expectClose(a.ece, b.ece, { atol: 8 });
  expectClose(a.mce, b.mce, { atol: 8 });
  expectClose(a.rmsce ** 2, b.rmsce ** 2, { atol: 16 });
  expectClose(a.classwiseEce, b.classwiseEce, { atol: 8 });
  expectClose(a.brier, b.brier, { rtol: 4 });
  expectClose(a.nll, b.nll, { rtol: 4 });
}

describe('createCalibrationAccumulator({ bins, numClasses, edges })', () => {
  it('one add reproduces the metrics bit for bit (same compensated sums)', () => {
    const m = fromRows([
      [0.25, 0.2, 0.55],
      [0.55, 0.05, 0.4],
      [0.1, 0.3, 0.6],
      [0.9, 0.05, 0.05],
    ]);
    const y = [0, 1, 2, 0];
    for (const edges of ['left', 'right'] as const) {
      const r = createCalibrationAccumulator({ bins: 3, numClasses: 3, edges }).add(m, y).result();
      const o = { bins: 3, edges };
      expect(r.ece).toBe(expectedCalibrationError(m, y, o).value);
      expect(r.mce).toBe(expectedCalibrationError(m, y, { ...o, norm: 'max' }).value);
      expect(r.rmsce).toBe(expectedCalibrationError(m, y, { ...o, norm: 'l2' }).value);
      expect(r.classwiseEce).toBe(
        expectedCalibrationError(m, y, { ...o, scope: 'classwise' }).value,
      );
      expect(r.bins).toEqual(expectedCalibrationError(m, y, o).bins);
      expectClose(r.brier, brierScore(m, y), { rtol: 4 });
      expectClose(r.nll, negativeLogLikelihood(m, y), { rtol: 4 });
    }
  });

  it('the documented torchmetrics example, fed one row at a time', () => {
    const acc = createCalibrationAccumulator({ bins: 2, numClasses: 2 });
    const p = [0.25, 0.25, 0.55, 0.75, 0.75];
    const y = [0, 0, 1, 1, 1];
    for (let i = 0; i < p.length; i++) acc.add([p[i]], [y[i]]);
    const r = acc.result();
    expect(Math.abs(r.ece - 0.29)).toBeLessThan(5e-5);
    expect(Math.abs(r.rmsce - 0.2918)).toBeLessThan(5e-5);
    expect(Math.abs(r.mce - 0.3167)).toBeLessThan(5e-5);
    // Brier on the binary [0, 1] scale: (2·0.0625 + 0.2025 + 2·0.0625)/5 = 0.0905
    expectClose(r.brier, 0.0905, { rtol: 8 });
  });

  it('keeps an NLL of +Infinity through batches and merges', () => {
    const a = createCalibrationAccumulator({ numClasses: 2 }).add([0], [1]);
    const b = createCalibrationAccumulator({ numClasses: 2 }).add([0.5], [1]);
    expect(b.merge(a).result().nll).toBe(Number.POSITIVE_INFINITY);
    expect(b.result().brier).toBe((0.25 + 1) / 2);
  });

  it('merged shards equal one pass (fast-check, matrices)', () => {
    fc.assert(
      fc.property(
        probabilityCase(80),
        fc.array(fc.nat(), { maxLength: 5 }),
        fc.integer({ min: 1, max: 20 }),
        fc.constantFrom('left' as const, 'right' as const),
        (c, cutSeeds, bins, edges) => {
          const k = c.probs.cols;
          const whole = createCalibrationAccumulator({ bins, numClasses: k, edges })
            .add(c.probs, c.labels)
            .result();
          const cuts = [...new Set(cutSeeds.map((s) => s % (c.probs.rows + 1)))].sort(
            (x, y) => x - y,
          );
          const bounds = [0, ...cuts, c.probs.rows];
          const shards = [];
          for (let i = 0; i + 1 < bounds.length; i++) {
            if (bounds[i] === bounds[i + 1]) continue;
            const s = sliceRows(c, bounds[i], bounds[i + 1]);
            shards.push(
              createCalibrationAccumulator({ bins, numClasses: k, edges }).add(s.probs, s.labels),
            );
          }
          // merge in reverse order into a fresh accumulator
          const merged = createCalibrationAccumulator({ bins, numClasses: k, edges });
          for (const s of shards.reverse()) merged.merge(s);
          expectSameSummary(merged.result(), whole);
        },
      ),
      SEED,
    );
  });

  it('batches of a binary vector equal one pass (fast-check)', () => {
    fc.assert(
      fc.property(binaryCase(80), fc.integer({ min: 1, max: 7 }), ({ p, y }, size) => {
        const whole = createCalibrationAccumulator({ numClasses: 2 }).add(p, y).result();
        const acc = createCalibrationAccumulator({ numClasses: 2 });
        for (let i = 0; i < p.length; i += size)
          acc.add(p.slice(i, i + size), y.slice(i, i + size));
        expectSameSummary(acc.result(), whole);
        expect(whole.ece).toBe(expectedCalibrationError(p, y).value);
      }),
      SEED,
    );
  });

  it('100 shards of 1000 rows: counts exact, float sums within a few ulps', () => {
    const rng = createRng(99);
    const whole = createCalibrationAccumulator({ numClasses: 2 });
    const merged = createCalibrationAccumulator({ numClasses: 2 });
    for (let s = 0; s < 100; s++) {
      const p = Array.from({ length: 1000 }, () => rng.uniform());
      const y = p.map((q) => rng.bernoulli(q));
      whole.add(p, y);
      merged.merge(createCalibrationAccumulator({ numClasses: 2 }).add(p, y));
    }
    expectSameSummary(merged.result(), whole.result());
    expect(merged.count).toBe(100000);
  });

  it('keeps bin confidences within 2 ulps of the exact mean (64-digit BigNumber oracle)', () => {
    const big = create(all, { number: 'BigNumber', precision: 64 });
    const rng = createRng(2024);
    const p = Array.from({ length: 20000 }, () => rng.uniform());
    const y = p.map((q) => rng.bernoulli(q));
    const acc = createCalibrationAccumulator({ bins: 1, numClasses: 2 });
    for (let i = 0; i < p.length; i += 777) acc.add(p.slice(i, i + 777), y.slice(i, i + 777));
    // bignumber(q) reads q's shortest decimal form, within ½ ulp of q with random sign:
    // over 20 000 terms that moves the mean far less than one ulp
    let exact = big.bignumber(0);
    for (const q of p) exact = big.add(exact, big.bignumber(q)) as typeof exact;
    const mean = Number(big.divide(exact, p.length));
    expectClose(acc.result().bins[0].confidence!, mean, { rtol: 2 });
  });
});
