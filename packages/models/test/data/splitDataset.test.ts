import type { LslabError } from '@lslab/core';
import { expectArraysClose } from '@lslab/test-utils';
import { describe, expect, it } from 'vitest';
import {
  applyStandardization,
  type CsrMatrix,
  createDataset,
  createRng,
  fitStandardization,
  gaussianMixture,
  type SparseDataset,
  splitDataset,
} from '../../src/index.ts';

// 100 rows, classes 0 (60 rows) and 1 (40 rows); row i holds (i, i²)
function toy() {
  const n = 100;
  const x = new Float64Array(n * 2);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    x[2 * i] = i;
    x[2 * i + 1] = i * i;
    y[i] = i % 5 < 3 ? 0 : 1;
  }
  return createDataset({ rows: n, cols: 2, data: x }, y);
}

describe('splitDataset(ds, rng, options)', () => {
  it('keeps class proportions: round(f·m) per class', () => {
    const s = splitDataset(toy(), createRng(3), { fractions: [0.7, 0.15, 0.15] });
    // class 0: 60 rows → 42 / 9 / 9; class 1: 40 rows → 28 / 6 / 6
    expect(s.train.meta.classCounts).toEqual([42, 28]);
    expect(s.validation.meta.classCounts).toEqual([9, 6]);
    expect(s.test.meta.classCounts).toEqual([9, 6]);
  });

  it('partitions the rows: every index exactly once', () => {
    const s = splitDataset(toy(), createRng(3));
    const all = [
      ...(s.train.meta.indices as number[]),
      ...(s.validation.meta.indices as number[]),
      ...(s.test.meta.indices as number[]),
    ].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const a = splitDataset(toy(), createRng(9)).train.meta.indices;
    const b = splitDataset(toy(), createRng(9)).train.meta.indices;
    const c = splitDataset(toy(), createRng(10)).train.meta.indices;
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('standardises with statistics of the training rows only', () => {
    const ds = toy();
    const s = splitDataset(ds, createRng(5));
    const idx = s.train.meta.indices as number[];
    // recompute mean and population std of the raw training rows by hand
    for (let j = 0; j < 2; j++) {
      const v = idx.map((i) => ds.x.data[2 * i + j]);
      const mean = v.reduce((a, b) => a + b, 0) / v.length;
      const std = Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / v.length);
      expect(s.standardization!.mean[j]).toBeCloseTo(mean, 10);
      expect(s.standardization!.std[j]).toBeCloseTo(std, 10);
      // the mean over all rows differs, so the statistics are not from the full set
      const fullMean =
        Array.from({ length: 100 }, (_, i) => ds.x.data[2 * i + j]).reduce((a, b) => a + b) / 100;
      expect(Math.abs(s.standardization!.mean[j] - fullMean)).toBeGreaterThan(1e-6);
      // the standardised test rows use the same statistics
      const t = (s.test.meta.indices as number[])[0];
      expect(s.test.x.data[j]).toBeCloseTo((ds.x.data[2 * t + j] - mean) / std, 10);
    }
  });

  it('splits a sparse data set, scaling by the training std without centring', () => {
    // rows: [1,0], [0,2], [3,0], [0,4] with labels 0,1,0,1
    const x: CsrMatrix = {
      rows: 4,
      cols: 2,
      indptr: Int32Array.of(0, 1, 2, 3, 4),
      indices: Int32Array.of(0, 1, 0, 1),
      values: Float64Array.of(1, 2, 3, 4),
    };
    const ds: SparseDataset = {
      x,
      y: Int32Array.of(0, 1, 0, 1),
      numClasses: 2,
      featureNames: ['a', 'b'],
      classNames: ['n', 'p'],
      meta: { name: 't', classCounts: [2, 2] },
    };
    const s = splitDataset(ds, createRng(1), { fractions: [0.5, 0, 0.5] });
    expect(s.train.x.rows).toBe(2);
    expect(s.validation.x.rows).toBe(0);
    const tr = s.train.meta.indices as number[];
    // training column a holds {v, 0}, b holds {0, w}; population std of {v, 0} is v/2
    const va = x.values[tr[0]];
    const vb = x.values[tr[1]];
    expectArraysClose(s.standardization!.std, [va / 2, vb / 2], { rtol: 4 });
    expect(Array.from(s.standardization!.mean)).toEqual([0, 0]);
    expectArraysClose(s.train.x.values, [2, 2], { rtol: 4 });
  });

  it('leaves a generator’s row-aligned truth behind', () => {
    const g = gaussianMixture(createRng(2), { numClasses: 2, dim: 2, nPerClass: 10 });
    const s = splitDataset(g, createRng(3));
    expect('truth' in s.train).toBe(false);
    expect(Object.keys(s.train).sort()).toEqual([
      'classNames',
      'featureNames',
      'meta',
      'numClasses',
      'x',
      'y',
    ]);
  });

  it('rejects bad fractions with E_RANGE', () => {
    for (const f of [
      [0.5, 0.5, 0.5],
      [0, 0.5, 0.5],
      [-0.1, 0.6, 0.5],
      [Number.NaN, 0.5, 0.5],
      [1, 0],
    ]) {
      try {
        splitDataset(toy(), createRng(1), { fractions: f as [number, number, number] });
        throw new Error('expected a throw');
      } catch (e) {
        expect((e as LslabError).code).toBe('E_RANGE');
      }
    }
  });

  it('rejects a stratify or standardize that is not a boolean (a string used to count as true)', () => {
    for (const key of ['stratify', 'standardize']) {
      try {
        splitDataset(toy(), createRng(1), { [key]: 'no' } as never);
        throw new Error('expected a throw');
      } catch (e) {
        expect([(e as LslabError).code, (e as LslabError).details.argument]).toEqual([
          'E_OPTION',
          `options.${key}`,
        ]);
      }
    }
  });
});

describe('fitStandardization(x) / applyStandardization(x, s)', () => {
  it('gives zero mean and unit population std, std 1 for a constant column', () => {
    const x = { rows: 4, cols: 2, data: Float64Array.of(1, 7, 2, 7, 3, 7, 6, 7) };
    const s = fitStandardization(x);
    // mean 3, deviations −2, −1, 0, 3 → variance (4 + 1 + 0 + 9)/4 = 3.5
    expectArraysClose(s.mean, [3, 7], { rtol: 4 });
    expectArraysClose(s.std, [Math.sqrt(3.5), 1], { rtol: 4 });
    const z = applyStandardization(x, s);
    expectArraysClose(
      z.data,
      [-2 / Math.sqrt(3.5), 0, -1 / Math.sqrt(3.5), 0, 0, 0, 3 / Math.sqrt(3.5), 0],
      { rtol: 4, atol: 0 },
    );
  });
});
