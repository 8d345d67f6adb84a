import { fromRows, type LslabError } from '@lslab/core';
import { expectArraysClose } from '@lslab/test-utils';
import { describe, expect, it } from 'vitest';
import {
  createRng,
  linearlySeparable,
  overparameterized,
  simplexEtf,
  softmaxData,
  unconstrainedFeaturesData,
} from '../../src/index.ts';

const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as LslabError).code;
  }
  return 'none';
};

describe('linearlySeparable(rng, options)', () => {
  it('puts every row at least γ from the hyperplane on its label’s side', () => {
    const ds = linearlySeparable(createRng(1), { n: 500, dim: 7, margin: 0.3 });
    const u = ds.truth.direction;
    let norm = 0;
    for (const v of u) norm += v * v;
    expect(Math.sqrt(norm)).toBeCloseTo(1, 14);
    let min = Infinity;
    for (let i = 0; i < 500; i++) {
      let p = 0;
      for (let j = 0; j < 7; j++) p += u[j] * ds.x.data[i * 7 + j];
      min = Math.min(min, (2 * ds.y[i] - 1) * p);
    }
    expect(min).toBeGreaterThanOrEqual(0.3 - 1e-12);
    expect(ds.truth.margin).toBe(min);
    expect(ds.meta.classCounts?.every((c) => c > 0)).toBe(true);
  });

  it('uses a given direction and always yields both classes', () => {
    const ds = linearlySeparable(createRng(2), { n: 2, dim: 1, direction: [-3] });
    expect(Array.from(ds.truth.direction)).toEqual([-1]);
    expect(new Set(ds.y).size).toBe(2);
    expect(codeOf(() => linearlySeparable(createRng(2), { n: 5, dim: 2, direction: [0, 0] }))).toBe(
      'E_RANGE',
    );
    expect(codeOf(() => linearlySeparable(createRng(2), { n: 5, dim: 2, margin: -1 }))).toBe(
      'E_RANGE',
    );
  });
});

describe('softmaxData(rng, options)', () => {
  it('returns the true probabilities softmax(W x) of each row', () => {
    const W = fromRows([
      [1, -2, 0.5],
      [0, 1, 1],
      [-1, 0, 2],
    ]);
    const ds = softmaxData(createRng(3), { n: 20, dim: 3, numClasses: 3, weights: W });
    for (let i = 0; i < 20; i++) {
      const z = [0, 1, 2].map((k) => {
        let s = 0;
        for (let j = 0; j < 3; j++) s += W.data[k * 3 + j] * ds.x.data[i * 3 + j];
        return s;
      });
      const e = z.map(Math.exp);
      const sum = e[0] + e[1] + e[2];
      expectArraysClose(
        ds.truth.probabilities.data.subarray(i * 3, i * 3 + 3),
        e.map((v) => v / sum),
        {
          rtol: 64,
          atol: 1e-15,
        },
      );
    }
    expect(Array.from(ds.truth.weights.data)).toEqual(Array.from(W.data));
  });

  it('draws labels from those probabilities: Σ_i (1[y_i = k] − p_ik) is within 5 sd of 0', () => {
    const n = 20000;
    const ds = softmaxData(createRng(4), { n, dim: 3, numClasses: 4, weightScale: 1.5 });
    for (let k = 0; k < 4; k++) {
      let dev = 0;
      let variance = 0;
      for (let i = 0; i < n; i++) {
        const p = ds.truth.probabilities.data[i * 4 + k];
        dev += (ds.y[i] === k ? 1 : 0) - p;
        variance += p * (1 - p);
      }
      expect(Math.abs(dev)).toBeLessThan(5 * Math.sqrt(variance));
    }
  });

  it('keeps only the informative columns of a drawn W', () => {
    const ds = softmaxData(createRng(5), { n: 3, dim: 6, numClasses: 2, informative: 2 });
    for (let k = 0; k < 2; k++)
      for (let j = 2; j < 6; j++) expect(ds.truth.weights.data[k * 6 + j]).toBe(0);
    expect(
      codeOf(() => softmaxData(createRng(5), { n: 3, dim: 2, numClasses: 2, informative: 3 })),
    ).toBe('E_RANGE');
    expect(
      codeOf(() =>
        softmaxData(createRng(5), { n: 3, dim: 2, numClasses: 2, weights: fromRows([[1, 2]]) }),
      ),
    ).toBe('E_SHAPE');
  });
});

describe('overparameterized(rng, options)', () => {
  it('draws d = n by default and a test set with the same weights', () => {
    const { train, test } = overparameterized(createRng(6), { n: 40, nTest: 100, numClasses: 3 });
    expect([train.x.rows, train.x.cols, test.x.rows, test.x.cols]).toEqual([40, 40, 100, 40]);
    expect(Array.from(test.truth.weights.data)).toEqual(Array.from(train.truth.weights.data));
    expect(train.meta.ratio).toBe(1);
  });

  it('draws the same test rows whatever n is', () => {
    const a = overparameterized(createRng(7), { n: 10, dim: 20, nTest: 5 });
    const b = overparameterized(createRng(7), { n: 30, dim: 20, nTest: 5 });
    expect(Array.from(a.test.x.data)).toEqual(Array.from(b.test.x.data));
  });
});

describe('simplexEtf(numClasses, dim, rng?)', () => {
  for (const [k, d, rotate] of [
    [2, 1, false],
    [3, 2, false],
    [5, 4, true],
    [10, 16, true],
  ] as const) {
    it(`has unit rows with pairwise products −1/(K−1) (K=${k}, d=${d}${rotate ? ', rotated' : ''})`, () => {
      const m = simplexEtf(k, d, rotate ? createRng(k) : undefined);
      expect([m.rows, m.cols]).toEqual([k, d]);
      for (let a = 0; a < k; a++)
        for (let b = 0; b <= a; b++) {
          let s = 0;
          for (let j = 0; j < d; j++) s += m.data[a * d + j] * m.data[b * d + j];
          expect(Math.abs(s - (a === b ? 1 : -1 / (k - 1)))).toBeLessThan(1e-14);
        }
      for (let j = 0; j < d; j++) {
        let s = 0;
        for (let a = 0; a < k; a++) s += m.data[a * d + j];
        expect(Math.abs(s)).toBeLessThan(1e-14);
      }
    });
  }

  it('rejects d < K − 1', () => {
    expect(codeOf(() => simplexEtf(4, 2))).toBe('E_RANGE');
  });
});

describe('unconstrainedFeaturesData(rng, options)', () => {
  it('gives class-blocked free features and scaled ETF templates', () => {
    const u = unconstrainedFeaturesData(createRng(8), {
      numClasses: 4,
      dim: 6,
      nPerClass: 3,
      templateScale: 2,
    });
    expect([u.x.rows, u.x.cols, u.templates.rows, u.templates.cols]).toEqual([12, 6, 4, 6]);
    expect(Array.from(u.y)).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3]);
    let s = 0;
    for (let j = 0; j < 6; j++) s += u.templates.data[j] * u.templates.data[6 + j];
    // (2 m_0)·(2 m_1) = 4·(−1/3)
    expect(s).toBeCloseTo(-4 / 3, 13);
  });

  it('accepts random or given templates and rejects a wrong shape', () => {
    const r = unconstrainedFeaturesData(createRng(9), {
      numClasses: 2,
      dim: 3,
      nPerClass: 1,
      templates: 'random',
    });
    expect(r.meta.templates).toBe('random');
    const t = fromRows([
      [1, 0],
      [0, 1],
    ]);
    const g = unconstrainedFeaturesData(createRng(9), {
      numClasses: 2,
      dim: 2,
      nPerClass: 1,
      templates: t,
    });
    expect(Array.from(g.templates.data)).toEqual([1, 0, 0, 1]);
    expect(
      codeOf(() =>
        unconstrainedFeaturesData(createRng(9), {
          numClasses: 3,
          dim: 2,
          nPerClass: 1,
          templates: t,
        }),
      ),
    ).toBe('E_SHAPE');
  });
});
