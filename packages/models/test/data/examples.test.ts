import { fromRows } from '@lslab/core';
import { describe, expect, it } from 'vitest';
import {
  applyStandardization,
  createDataset,
  createRng,
  fitStandardization,
  gaussianMixture,
  hardMarginSvm,
  linearlySeparable,
  overparameterized,
  simplexEtf,
  softmaxData,
  splitDataset,
  unconstrainedFeaturesData,
} from '../../src/index.ts';

// Each case repeats the @example of a TSDoc comment and checks the result it states.
describe('TSDoc examples of the data entry', () => {
  it('createDataset', () => {
    const ds = createDataset(
      fromRows([
        [1, 2],
        [3, 4],
        [5, 6],
      ]),
      [0, 1, 1],
    );
    expect([ds.numClasses, ds.meta.classCounts]).toEqual([2, [1, 2]]);
  });

  it('fitStandardization, applyStandardization, splitDataset', () => {
    const s = fitStandardization(
      fromRows([
        [1, 5],
        [3, 5],
      ]),
    );
    expect([Array.from(s.mean), Array.from(s.std)]).toEqual([
      [2, 5],
      [1, 1],
    ]);
    const x = fromRows([[1], [3]]);
    expect(Array.from(applyStandardization(x, fitStandardization(x)).data)).toEqual([-1, 1]);
    const ds = gaussianMixture(createRng(0), { numClasses: 2, dim: 2, nPerClass: 20 });
    const sp = splitDataset(ds, createRng(1), { fractions: [0.5, 0.25, 0.25] });
    expect(sp.train.x.rows + sp.validation.x.rows + sp.test.x.rows).toBe(ds.x.rows);
  });

  it('generators', () => {
    const g = gaussianMixture(createRng(1), {
      numClasses: 3,
      dim: 2,
      nPerClass: 100,
      labelNoise: 0.1,
    });
    expect(g.x.rows).toBe(300);
    // flips ~ Binomial(300, 0.1): mean 30, sd 5.2
    expect(Math.abs(g.truth.flipped - 30)).toBeLessThan(5 * Math.sqrt(27));
    expect(
      linearlySeparable(createRng(4), { n: 100, dim: 5, margin: 0.5 }).truth.margin,
    ).toBeGreaterThanOrEqual(0.5);
    expect(softmaxData(createRng(2), { n: 500, dim: 4, numClasses: 3 }).truth.weights.rows).toBe(3);
    const o = overparameterized(createRng(8), { n: 100 });
    expect([o.train.x.cols, o.test.x.rows]).toEqual([100, 2000]);
    const m = simplexEtf(3, 2);
    expect(m.data[0] * m.data[2] + m.data[1] * m.data[3]).toBeCloseTo(-0.5, 15);
    const u = unconstrainedFeaturesData(createRng(6), { numClasses: 10, dim: 16, nPerClass: 5 });
    expect([u.templates.rows, u.templates.cols, u.x.rows]).toEqual([10, 16, 50]);
  });

  it('hardMarginSvm', () => {
    const w = hardMarginSvm(
      fromRows([
        [2, 1],
        [1, -2],
      ]),
      [1, 0],
    ).w;
    expect(w[0]).toBeCloseTo(0.2, 15);
    expect(w[1]).toBeCloseTo(0.6, 15);
  });
});
