import { fromRows, type LslabError } from '@lslab/core';
import { describe, expect, it } from 'vitest';
import { createRng, gaussianMixture } from '../../src/index.ts';

const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as LslabError).code;
  }
  return 'none';
};

describe('gaussianMixture(rng, options)', () => {
  it('is byte-identical for a seed and differs across seeds', () => {
    const o = { numClasses: 3, dim: 4, nPerClass: 50, labelNoise: 0.2 };
    const a = gaussianMixture(createRng(1), o);
    const b = gaussianMixture(createRng(1), o);
    const c = gaussianMixture(createRng(2), o);
    expect(Buffer.from(a.x.data.buffer).equals(Buffer.from(b.x.data.buffer))).toBe(true);
    expect(Array.from(a.y)).toEqual(Array.from(b.y));
    expect(Buffer.from(a.x.data.buffer).equals(Buffer.from(c.x.data.buffer))).toBe(false);
  });

  it('places default means exactly `separation` apart when K ≤ d', () => {
    const { truth } = gaussianMixture(createRng(3), {
      numClasses: 3,
      dim: 5,
      nPerClass: 1,
      separation: 4,
    });
    const m = truth.means.data;
    for (let a = 0; a < 3; a++)
      for (let b = 0; b < a; b++) {
        let s = 0;
        for (let j = 0; j < 5; j++) s += (m[a * 5 + j] - m[b * 5 + j]) ** 2;
        expect(Math.sqrt(s)).toBeCloseTo(4, 14);
      }
  });

  it('draws class means and spreads within sampling tolerance', () => {
    // m = 20000 rows per class, σ = (0.5, 2): the sample mean has standard error σ/√m,
    // the sample variance σ²·√(2/m); we allow 5 standard errors.
    const m = 20000;
    const ds = gaussianMixture(createRng(4), {
      numClasses: 2,
      dim: 2,
      nPerClass: m,
      std: [0.5, 2],
    });
    const sigma = [0.5, 2];
    for (let c = 0; c < 2; c++) {
      for (let j = 0; j < 2; j++) {
        let s = 0;
        let s2 = 0;
        for (let i = 0; i < ds.x.rows; i++) {
          if (ds.truth.cleanLabels[i] !== c) continue;
          const v = ds.x.data[i * 2 + j] - ds.truth.means.data[c * 2 + j];
          s += v;
          s2 += v * v;
        }
        expect(Math.abs(s / m)).toBeLessThan((5 * sigma[c]) / Math.sqrt(m));
        expect(Math.abs(s2 / m - sigma[c] ** 2)).toBeLessThan(5 * sigma[c] ** 2 * Math.sqrt(2 / m));
      }
    }
  });

  it('samples a full covariance: the sample covariance matches Σ', () => {
    // Σ = [[1, 0.8], [0.8, 1]]; the standard error of a sample covariance entry is
    // √((Σ_jj Σ_kk + Σ_jk²)/m) ≤ √(2/m); 5 standard errors allowed.
    const m = 40000;
    const cov = fromRows([
      [1, 0.8],
      [0.8, 1],
    ]);
    const ds = gaussianMixture(createRng(5), {
      numClasses: 2,
      dim: 2,
      nPerClass: [m, 0],
      covariances: [cov, cov],
      means: fromRows([
        [0, 0],
        [1, 1],
      ]),
    });
    const acc = [0, 0, 0];
    for (let i = 0; i < m; i++) {
      const a = ds.x.data[2 * i];
      const b = ds.x.data[2 * i + 1];
      acc[0] += a * a;
      acc[1] += a * b;
      acc[2] += b * b;
    }
    const tol = 5 * Math.sqrt(2 / m);
    expect(Math.abs(acc[0] / m - 1)).toBeLessThan(tol);
    expect(Math.abs(acc[1] / m - 0.8)).toBeLessThan(tol);
    expect(Math.abs(acc[2] / m - 1)).toBeLessThan(tol);
  });

  it('flips labels at rate ρ to a uniformly chosen other class and reports the count', () => {
    // n = 30000, ρ = 0.1: flips ~ Binomial(n, ρ), mean 3000, sd √(nρ(1−ρ)) ≈ 52; 5 sd allowed.
    // Given a flip from class c, each of the other two classes has probability 1/2.
    const ds = gaussianMixture(createRng(6), {
      numClasses: 3,
      dim: 2,
      nPerClass: 10000,
      labelNoise: 0.1,
    });
    let flips = 0;
    let forward = 0;
    for (let i = 0; i < ds.y.length; i++) {
      if (ds.y[i] !== ds.truth.cleanLabels[i]) {
        flips++;
        if (ds.y[i] === (ds.truth.cleanLabels[i] + 1) % 3) forward++;
      }
    }
    expect(ds.truth.flipped).toBe(flips);
    expect(ds.meta.flipped).toBe(flips);
    expect(Math.abs(flips - 3000)).toBeLessThan(5 * Math.sqrt(30000 * 0.1 * 0.9));
    expect(Math.abs(forward - flips / 2)).toBeLessThan(5 * Math.sqrt(flips / 4));
    // the clean labels keep the requested class sizes
    const counts = [0, 0, 0];
    for (const c of ds.truth.cleanLabels) counts[c]++;
    expect(counts).toEqual([10000, 10000, 10000]);
  });

  it('rejects bad options', () => {
    const base = { numClasses: 2, dim: 2, nPerClass: 5 };
    expect(codeOf(() => gaussianMixture(createRng(1), { ...base, numClasses: 1 }))).toBe('E_RANGE');
    expect(codeOf(() => gaussianMixture(createRng(1), { ...base, labelNoise: 1.5 }))).toBe(
      'E_RANGE',
    );
    expect(codeOf(() => gaussianMixture(createRng(1), { ...base, labelNoise: Number.NaN }))).toBe(
      'E_NOT_FINITE',
    );
    expect(codeOf(() => gaussianMixture(createRng(1), { ...base, std: 0 }))).toBe('E_RANGE');
    expect(codeOf(() => gaussianMixture(createRng(1), { ...base, nPerClass: 0 }))).toBe('E_EMPTY');
    expect(
      codeOf(() => gaussianMixture(createRng(1), { ...base, means: fromRows([[0, 0]]) })),
    ).toBe('E_SHAPE');
    const bad = fromRows([
      [1, 2],
      [2, 1],
    ]);
    expect(codeOf(() => gaussianMixture(createRng(1), { ...base, covariances: [bad, bad] }))).toBe(
      'E_RANGE',
    );
  });
});
