import { fromRows, type Matrix } from '@lslab/core';
import { createRng } from '@lslab/models';
import { describe, expect, it } from 'vitest';
import { bootstrap, type ResampleMetric, type ResampleOptions } from '../../src/index.ts';
import { thrownCode } from '../recalibration/helpers.ts';

/** Two models on the same resamples: the paired difference A − B as `bootstrap` reports it. */
function pairedBootstrap<P extends Matrix | ArrayLike<number>>(
  metric: ResampleMetric<P>,
  a: P,
  b: P,
  labels: ArrayLike<number>,
  options?: ResampleOptions,
) {
  const r = bootstrap(metric, [a, b], labels, options);
  const d = r.difference(0, 1);
  const samples = r.samples(0).map((v, i) => v - r.samples(1)[i]);
  return {
    estimateA: r.estimate(0),
    estimateB: r.estimate(1),
    difference: d.estimate,
    lower: d.lower,
    upper: d.upper,
    fractionALess: d.fractionLess,
    fractionEqual: d.fractionEqual,
    samples,
  };
}

const mean = (p: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < p.length; i++) s += p[i];
  return s / p.length;
};

function uniforms(seed: number, n: number): Float64Array {
  const rng = createRng(seed);
  return Float64Array.from({ length: n }, () => rng.uniform());
}

describe('bootstrap(metric, [probsA, probsB], labels, options?) — paired', () => {
  it('identical models: difference exactly 0 on every resample', () => {
    const a = uniforms(1, 200);
    const y = Float64Array.from(a, (v) => (v > 0.5 ? 1 : 0));
    const r = pairedBootstrap((p: Float64Array) => mean(p), a, Float64Array.from(a), y, {
      resamples: 300,
    });
    expect(r.difference).toBe(0);
    expect(r.lower).toBe(0);
    expect(r.upper).toBe(0);
    expect(r.fractionALess).toBe(0);
    expect(r.fractionEqual).toBe(1);
    expect(r.samples.every((d) => d === 0)).toBe(true);
  });

  it('uses the same indices for both models: samples = bootstrap(A) − bootstrap(B) with the same seed', () => {
    const a = uniforms(2, 150);
    const b = uniforms(3, 150);
    const y = new Float64Array(150);
    const f = (p: Float64Array) => mean(p);
    const opts = { resamples: 200, seed: 9 };
    const pa = bootstrap(f, a, y, opts);
    const pb = bootstrap(f, b, y, opts);
    const pd = pairedBootstrap(f, a, b, y, opts);
    expect(Array.from(pd.samples)).toEqual(Array.from(pa.samples(), (v, i) => v - pb.samples()[i]));
    expect(pd.estimateA).toBe(pa.estimate());
    expect(pd.estimateB).toBe(pb.estimate());
    const less = Array.from(pa.samples()).filter((v, i) => v < pb.samples()[i]).length;
    expect(pd.fractionALess).toBe(less / 200);
  });

  it('B = A + 0.125 (exact in binary): every difference of means is −0.125', () => {
    const a = Float64Array.from(uniforms(4, 64), (v) => Math.round(v * 8) / 16);
    const b = Float64Array.from(a, (v) => v + 0.125);
    const r = pairedBootstrap((p: Float64Array) => mean(p), a, b, new Float64Array(64), {
      resamples: 100,
    });
    expect(r).toMatchObject({ difference: -0.125, lower: -0.125, upper: -0.125, fractionALess: 1 });
  });

  it('works on Matrix input, rows of A and B paired with the same label', () => {
    const A = fromRows([
      [0.9, 0.1],
      [0.2, 0.8],
      [0.6, 0.4],
    ]);
    const B = fromRows([
      [0.5, 0.5],
      [0.5, 0.5],
      [0.5, 0.5],
    ]);
    const correctProb = (p: Matrix, y: Float64Array) => {
      let s = 0;
      for (let i = 0; i < p.rows; i++) s += p.data[i * 2 + y[i]];
      return s / p.rows;
    };
    const r = pairedBootstrap(correctProb, A, B, [0, 1, 1], { resamples: 500, seed: 2 });
    // A assigns 0.9, 0.8, 0.4 to the true class, B always 0.5: difference (2.1 − 1.5)/3 = 0.2.
    expect(r.difference).toBeCloseTo(0.2, 15);
    expect(r.lower).toBeGreaterThanOrEqual(-0.1 - 1e-15);
    expect(r.upper).toBeLessThanOrEqual(0.4 + 1e-15);
  });

  it('rejects bad input with LslabError codes', () => {
    const f = (p: Float64Array) => mean(p);
    const m = fromRows([[0.5, 0.5]]);
    expect(thrownCode(() => pairedBootstrap(f, [0.1, 0.2], [0.1], [0, 1]))).toBe('E_SHAPE');
    expect(thrownCode(() => pairedBootstrap(f, [0.1], [0.1], [0, 1]))).toBe('E_SHAPE');
    // @ts-expect-error: mixing a Matrix and a vector
    expect(thrownCode(() => pairedBootstrap(f, m, [0.5], [0]))).toBe('E_SHAPE');
    expect(thrownCode(() => pairedBootstrap(() => 0, m, fromRows([[0.2, 0.3, 0.5]]), [0]))).toBe(
      'E_SHAPE',
    );
    expect(thrownCode(() => pairedBootstrap(f, [], [], []))).toBe('E_EMPTY');
    expect(thrownCode(() => pairedBootstrap(f, [0.1], [0.1], [0], { level: 2 }))).toBe('E_RANGE');
    let k = 0;
    expect(
      thrownCode(() => pairedBootstrap(() => (k++ === 5 ? Number.NaN : 0), [0.1], [0.1], [0])),
    ).toBe('E_NOT_FINITE');
  });
});
