import { type Matrix, matrix } from '@lslab/core';
import { createRng } from '@lslab/models';
import { expectClose } from '@lslab/test-utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bootstrap as bootstrapAll,
  type ResampleMetric,
  type ResampleOptions,
} from '../../src/index.ts';
import { thrownCode } from '../recalibration/helpers.ts';

/** One model, one metric: the interval, the samples and the settings of `bootstrap`. */
function bootstrap<P extends Matrix | ArrayLike<number>>(
  metric: ResampleMetric<P>,
  probs: P,
  labels: ArrayLike<number>,
  options?: ResampleOptions,
) {
  const r = bootstrapAll(metric, probs, labels, options);
  return { ...r.interval(), samples: r.samples(), level: r.level, resamples: r.resamples };
}

const mean = (p: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < p.length; i++) s += p[i];
  return s / p.length;
};

/** Type-7 quantile written out: h = (n−1)q, linear between order statistics. */
function type7(values: ArrayLike<number>, q: number): number {
  const x = Array.from(values).sort((a, b) => a - b);
  const h = (x.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, x.length - 1);
  return x[lo] + (h - lo) * (x[hi] - x[lo]);
}

function bernoulli(seed: number, n: number, p: number): Float64Array {
  const rng = createRng(seed);
  return Float64Array.from({ length: n }, () => rng.bernoulli(p));
}

describe('bootstrap(metric, probs, labels, options?) — one model', () => {
  it('mean of Bernoulli(p): interval width ≈ 2·1.96·√(p̂(1−p̂)/n) within 10 %', () => {
    // The bootstrap distribution of a mean of 0/1 data is Binomial(n, p̂)/n,
    // with sd √(p̂(1−p̂)/n); at n = 2000 it is close to normal, so the 95 %
    // percentile interval is ≈ ±1.96 sd. 4000 resamples put the Monte-Carlo
    // error of the two quantiles near 2 %; 10 % also covers the lattice step 1/n.
    for (const [seed, p] of [
      [1, 0.3],
      [2, 0.05],
    ] as const) {
      const x = bernoulli(seed, 2000, p);
      const r = bootstrap((v: Float64Array) => mean(v), x, new Float64Array(2000), {
        resamples: 4000,
        seed,
      });
      const phat = mean(x);
      expect(r.estimate).toBe(phat);
      const width = 2 * 1.96 * Math.sqrt((phat * (1 - phat)) / 2000);
      expect((r.upper - r.lower) / width).toBeGreaterThan(0.9);
      expect((r.upper - r.lower) / width).toBeLessThan(1.1);
      expect(r.lower).toBeLessThan(phat);
      expect(r.upper).toBeGreaterThan(phat);
    }
  });

  it('95 % intervals of a mean cover the true mean in 90–99 % of 300 seeded data sets', () => {
    // Data: n = 200 draws of Exponential(1) (mean 1, skewed). Coverage of a percentile
    // interval is close to nominal at this n; the band [0.90, 0.99] is about ±3 binomial
    // standard deviations (√(0.95·0.05/300) ≈ 0.0126) around 0.95, widened below for the
    // known slight under-coverage of percentile intervals on skewed data.
    const rng = createRng(77);
    let covered = 0;
    const trials = 300;
    for (let t = 0; t < trials; t++) {
      const x = Float64Array.from({ length: 200 }, () => -Math.log(1 - rng.uniform()));
      const r = bootstrap((v: Float64Array) => mean(v), x, x, { resamples: 400, seed: t });
      if (r.lower <= 1 && 1 <= r.upper) covered++;
    }
    expect(covered / trials).toBeGreaterThanOrEqual(0.9);
    expect(covered / trials).toBeLessThanOrEqual(0.99);
  });

  it('lower/upper are the type-7 (1∓level)/2 quantiles of the kept samples', () => {
    const x = bernoulli(3, 50, 0.4);
    for (const level of [0.5, 0.9, 0.95]) {
      const r = bootstrap((v: Float64Array) => mean(v), x, x, {
        resamples: 333,
        seed: 8,
        level,
      });
      expect(r.samples).toHaveLength(333);
      expect(r.lower).toBe(type7(r.samples!, (1 - level) / 2));
      expect(r.upper).toBe(type7(r.samples!, (1 + level) / 2));
      expect(r).toMatchObject({ level, resamples: 333 });
    }
  });

  it('the resampled values average to p̂ within 4 Monte-Carlo standard errors', () => {
    const x = bernoulli(4, 500, 0.6);
    const phat = mean(x);
    const r = bootstrap((v: Float64Array) => mean(v), x, x, {
      resamples: 2000,
      seed: 4,
    });
    const se = Math.sqrt((phat * (1 - phat)) / 500) / Math.sqrt(2000);
    expect(Math.abs(mean(r.samples!) - phat)).toBeLessThan(4 * se);
  });

  it('same seed → identical intervals; different seed → different; rng option is used', () => {
    const x = bernoulli(5, 300, 0.5);
    const f = (v: Float64Array) => mean(v);
    const a = bootstrap(f, x, x, { seed: 7 });
    const b = bootstrap(f, x, x, { seed: 7 });
    const c = bootstrap(f, x, x, { seed: 8 });
    expect(b).toEqual(a);
    expect(c.samples).not.toEqual(a.samples);
    expect([c.lower, c.upper]).not.toEqual([a.lower, a.upper]);
    const d = bootstrap(f, x, x, { rng: createRng(1) });
    const e = bootstrap(f, x, x, { rng: createRng(1) });
    expect(d.samples).toEqual(e.samples);
    expect(d.samples).not.toEqual(a.samples);
  });

  it('default seed is 0 (deterministic without options)', () => {
    const x = bernoulli(6, 100, 0.5);
    const f = (v: Float64Array) => mean(v);
    expect(bootstrap(f, x, x)).toEqual(bootstrap(f, x, x, { seed: 0 }));
  });

  it('resamples Matrix rows together with their labels, keeping the dtype', () => {
    // Row i carries i in column 0 and label i mod 3 (row id encoded so that pairing can be checked).
    const n = 40;
    const m = matrix(
      n,
      3,
      Float32Array.from({ length: n * 3 }, (_, t) => (t % 3 === 0 ? t / 3 : 0)),
    );
    const labels = Array.from({ length: n }, (_, i) => i % 3);
    let calls = 0;
    bootstrap(
      (p: Matrix, y) => {
        calls++;
        expect(p.data).toBeInstanceOf(Float32Array);
        expect(p.rows).toBe(n);
        for (let i = 0; i < n; i++) expect(y[i]).toBe(p.data[i * 3] % 3);
        return 0;
      },
      m,
      labels,
      { resamples: 20, seed: 1 },
    );
    expect(calls).toBe(21);
  });

  it('constant data: every resample equals the estimate, the interval collapses', () => {
    const x = new Float64Array(30).fill(0.25);
    const r = bootstrap((v: Float64Array) => mean(v), x, x, { resamples: 50 });
    expect(r).toMatchObject({ estimate: 0.25, lower: 0.25, upper: 0.25 });
  });

  it('a wider level never gives a narrower interval (fast-check)', () => {
    const x = bernoulli(7, 200, 0.3);
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 0.98, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (l1, t) => {
          const l2 = l1 + (0.99 - l1) * t;
          const a = bootstrap((v: Float64Array) => mean(v), x, x, {
            resamples: 200,
            seed: 2,
            level: l1,
          });
          const b = bootstrap((v: Float64Array) => mean(v), x, x, {
            resamples: 200,
            seed: 2,
            level: l2,
          });
          expect(b.lower).toBeLessThanOrEqual(a.lower);
          expect(b.upper).toBeGreaterThanOrEqual(a.upper);
        },
      ),
      { seed: 5, numRuns: 40 },
    );
  });

  it('estimate equals the metric on the full data (hand-computed)', () => {
    const r = bootstrap((v: Float64Array) => mean(v), [0.2, 0.4, 0.6, 0.8], [0, 0, 1, 1], {
      resamples: 10,
    });
    expectClose(r.estimate, 0.5, { rtol: 2 });
  });

  it('rejects bad input with LslabError codes', () => {
    const f = (v: Float64Array) => mean(v);
    const x = [0.1, 0.2];
    expect(thrownCode(() => bootstrap(f, x, [0, 1], { resamples: 0 }))).toBe('E_RANGE');
    expect(thrownCode(() => bootstrap(f, x, [0, 1], { resamples: 2.5 }))).toBe('E_RANGE');
    expect(thrownCode(() => bootstrap(f, x, [0, 1], { level: 1 }))).toBe('E_RANGE');
    expect(thrownCode(() => bootstrap(f, x, [0, 1], { level: 0 }))).toBe('E_RANGE');
    expect(thrownCode(() => bootstrap(f, x, [0, 1], { level: Number.NaN }))).toBe('E_NOT_FINITE');
    expect(thrownCode(() => bootstrap(f, x, [0, 1], { resamples: 2e6 }))).toBe('E_RANGE');
    expect(thrownCode(() => bootstrap(f, x, [0, 1], { seed: 1, rng: createRng(1) }))).toBe(
      'E_OPTION',
    );
    expect(thrownCode(() => bootstrap(f, x, [0, 1], { resample: 10 } as never))).toBe('E_OPTION');
    expect(thrownCode(() => bootstrap(f, x, [0, 1], 'fast' as never))).toBe('E_OPTION');
    expect(thrownCode(() => bootstrap(f, [[0.7, 0.3]] as never, [0]))).toBe('E_SHAPE');
    expect(thrownCode(() => bootstrap(f, [0.1, [0.2]] as never, [0, 1]))).toBe('E_NOT_FINITE');
    expect(thrownCode(() => bootstrap(f, x, [0, [1]] as never))).toBe('E_NOT_FINITE');
    expect(thrownCode(() => bootstrap(f, x, [0, 1], { seed: 0.5 }))).toBe('E_RANGE');
    expect(thrownCode(() => bootstrap(f, x, [0]))).toBe('E_SHAPE');
    expect(thrownCode(() => bootstrap(f, [], []))).toBe('E_EMPTY');
    expect(
      thrownCode(() => bootstrap(() => 0, { rows: 2, cols: 2, data: new Float64Array(3) }, [0, 1])),
    ).toBe('E_SHAPE');
    expect(thrownCode(() => bootstrap(() => Number.NaN, x, [0, 1]))).toBe('E_NOT_FINITE');
    let k = 0;
    expect(thrownCode(() => bootstrap(() => (k++ === 3 ? Infinity : 1), x, [0, 1]))).toBe(
      'E_NOT_FINITE',
    );
    // @ts-expect-error: not a function
    expect(thrownCode(() => bootstrap(42, x, [0, 1]))).toBe('E_OPTION');
    // @ts-expect-error: not an Rng of @lslab/core
    expect(thrownCode(() => bootstrap(f, x, [0, 1], { rng: { uniform: () => 0.5 } }))).toBe(
      'E_OPTION',
    );
  });
});
