import { fromRows, type Matrix, matrix } from '@lslab/core';
import { EPS, expectClose } from '@lslab/test-utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bootstrap, fitTemperature } from '../../src/index.ts';
import { referenceNll, temperedData, thrown, thrownCode } from './helpers.ts';

/** K = 2, every row has logit gap g, `right` rows with the label at the argmax, `wrong` not. */
function twoClass(g: number, right: number, wrong: number): { z: Matrix; y: number[] } {
  const rows: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < right + wrong; i++) {
    rows.push(i % 2 === 0 ? [g, 0] : [0, g]);
    const argmax = i % 2 === 0 ? 0 : 1;
    y.push(i < right ? argmax : 1 - argmax);
  }
  return { z: fromRows(rows), y };
}

const binaryEntropy = (q: number) => -(q * Math.log(q) + (1 - q) * Math.log(1 - q));

describe('fitTemperature(logits, labels, options?)', () => {
  it('K = 2, gap g, fraction q right: T = g / logit(q) and NLL = H(q) (closed form)', () => {
    // p(right) = σ(β·g) must equal q at the optimum, so β = ln(q/(1−q))/g.
    const { z, y } = twoClass(2, 3, 1);
    const fit = fitTemperature(z, y);
    expect(fit.status).toBe('optimum');
    expect(fit.converged).toBe(true);
    expectClose(fit.temperature, 2 / Math.log(3), { rtol: 1e-12 / EPS, label: 'T' });
    expectClose(fit.nllAfter, binaryEntropy(0.75), { rtol: 1e-12 / EPS, label: 'NLL' });
    // T = 1: three rows lose ln(1 + e^{-2}), one row loses ln(1 + e^{2}).
    const before = (3 * Math.log1p(Math.exp(-2)) + Math.log1p(Math.exp(2))) / 4;
    expectClose(fit.nllBefore, before, { rtol: 8, label: 'nllBefore' });
  });

  it('matches T = g / ln(right/wrong) for any gap and counts (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 20, noNaN: true }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 30 }),
        (g, a, b) => {
          const right = Math.max(a, b) + 1;
          const wrong = Math.min(a, b);
          const t = g / Math.log(right / wrong);
          fc.pre(t > 2e-3 && t < 500);
          const { z, y } = twoClass(g, right, wrong);
          const fit = fitTemperature(z, y);
          expect(fit.status).toBe('optimum');
          expectClose(fit.temperature, t, { rtol: 1e-9 / EPS });
        },
      ),
      { seed: 11, numRuns: 200 },
    );
  });

  it('the fitted β has zero derivative (central finite difference) and is a global minimum on a grid', () => {
    const { z, y } = temperedData(5, 2000, 6, 1.7, 2.5);
    const fit = fitTemperature(z, y);
    expect(fit.status).toBe('optimum');
    const b = fit.beta;
    // Central difference with h = 1e-4·β: truncation ~ h²·f‴ ≈ 1e-8·β², rounding ~ EPS·f/h.
    const h = 1e-4 * b;
    const fd = (referenceNll(z, y, b + h) - referenceNll(z, y, b - h)) / (2 * h);
    expect(Math.abs(fd)).toBeLessThan(1e-7);
    // For scale: the derivative 1 % away from β̂ is many orders larger.
    const fdOff = (referenceNll(z, y, 1.01 * b + h) - referenceNll(z, y, 1.01 * b - h)) / (2 * h);
    expect(Math.abs(fdOff)).toBeGreaterThan(1e-4);
    expectClose(fit.nllAfter, referenceNll(z, y, b), { rtol: 1e-13 / EPS });
    expectClose(fit.nllBefore, referenceNll(z, y, 1), { rtol: 1e-13 / EPS });
    const best = fit.nllAfter;
    for (let e = -3; e <= 3; e += 0.05) {
      const beta = 10 ** e;
      expect(referenceNll(z, y, beta)).toBeGreaterThanOrEqual(best - 1e-15);
    }
  });

  it('recovers T₀ when labels are drawn from softmax(z/T₀): T₀ lies in the bootstrap interval', () => {
    for (const [seed, t0] of [
      [1, 0.5],
      [2, 2],
    ] as const) {
      const { z, y } = temperedData(seed, 4000, 5, t0, 2);
      const r = bootstrap((m: Matrix, labels) => fitTemperature(m, labels).temperature, z, y, {
        resamples: 200,
        seed: 100 + seed,
      });
      const { lower, upper } = r.interval();
      expect(lower).toBeLessThanOrEqual(t0);
      expect(upper).toBeGreaterThanOrEqual(t0);
      expect(lower).toBeLessThan(upper);
    }
  });

  it('converges quadratically: at most 12 evaluations from T = 1 for T₀ from 0.3 to 8', () => {
    // Bracketing from β = 1 takes ⌈|log₂ β̂|⌉ + 1 evaluations, Newton about 5 more.
    for (const t0 of [0.3, 0.8, 1.5, 3, 8]) {
      const { z, y } = temperedData(17, 3000, 10, t0, 3);
      const fit = fitTemperature(z, y);
      expect(fit.status).toBe('optimum');
      expect(fit.iterations).toBeLessThanOrEqual(12);
    }
  });

  it('all rows constant: NLL = ln K for every T, returns T = 1 with status "constant"', () => {
    const z = fromRows([
      [1, 1, 1],
      [-4, -4, -4],
    ]);
    const fit = fitTemperature(z, [0, 2]);
    expect(fit).toMatchObject({ temperature: 1, beta: 1, status: 'constant', iterations: 0 });
    expectClose(fit.nllBefore, Math.log(3), { rtol: 2 });
    expectClose(fit.nllAfter, Math.log(3), { rtol: 2 });
  });

  it('every label at its row argmax: status "separable", T = minTemperature, NLL = mean ln(1 + Σ e^{−β·gap})', () => {
    const z = fromRows([
      [3, 0, 1],
      [0, 0.5, 0],
    ]);
    const fit = fitTemperature(z, [0, 1], { minTemperature: 0.25 });
    expect(fit.status).toBe('separable');
    expect(fit.temperature).toBe(0.25);
    const expected =
      (Math.log(1 + Math.exp(-12) + Math.exp(-8)) + Math.log(1 + 2 * Math.exp(-2))) / 2;
    expectClose(fit.nllAfter, expected, { rtol: 8 });
    // Tied argmax containing the label is still separable: NLL → ln 2 as T → 0.
    const tied = fitTemperature(fromRows([[2, 2, 0]]), [1]);
    expect(tied.status).toBe('separable');
    expectClose(tied.nllAfter, Math.log(2), { rtol: 2 });
  });

  it('optimum below minTemperature gives status "floor"; above maxTemperature "ceiling"', () => {
    const { z, y } = twoClass(2, 199, 1); // optimum T = 2/ln 199 ≈ 0.378
    const floor = fitTemperature(z, y, { minTemperature: 0.5 });
    expect(floor.status).toBe('floor');
    expect(floor.temperature).toBe(0.5);
    expectClose(fitTemperature(z, y).temperature, 2 / Math.log(199), { rtol: 1e-10 / EPS });
    const even = twoClass(2, 2, 2); // q = 1/2: the optimum is β = 0
    const ceiling = fitTemperature(even.z, even.y, { maxTemperature: 50 });
    expect(ceiling.status).toBe('ceiling');
    expect(ceiling.temperature).toBe(50);
    expect(ceiling.nllAfter).toBeLessThanOrEqual(ceiling.nllBefore);
  });

  it('stays finite for logits near ±1e200 (no NaN from 0·∞ in the variance)', () => {
    // Two right, one wrong at gap g = 1e200: the optimum T = g/ln 2 ≈ 1.4e200 lies above
    // maxTemperature, so the fit ends at the ceiling with finite values.
    const z = fromRows([
      [1e200, 0],
      [0, 1e200],
      [1e200, 0],
    ]);
    const fit = fitTemperature(z, [0, 1, 1]);
    expect(fit.status).toBe('ceiling');
    expect(fit.temperature).toBe(1e3);
    expect(Number.isFinite(fit.nllAfter)).toBe(true);
    expect(fit.nllBefore).toBe(1e200 / 3); // the wrong row loses 1e200, the right rows 0
    const wide = fitTemperature(z, [0, 1, 1], { maxTemperature: 1e15 });
    expect(wide.status).toBe('ceiling');
    expect(Number.isFinite(wide.nllAfter)).toBe(true);
  });

  it('scales with the logits: fitTemperature(c·z).T = c·fitTemperature(z).T', () => {
    const { z, y } = temperedData(9, 500, 4, 1.3, 1.5);
    const t = fitTemperature(z, y).temperature;
    for (const c of [0.1, 3, 40]) {
      const scaled = matrix(
        z.rows,
        z.cols,
        z.data.map((v) => v * c),
      );
      expectClose(fitTemperature(scaled, y).temperature, c * t, { rtol: 1e-9 / EPS });
    }
  });

  it('accepts Float32 logits (same values as Float64)', () => {
    const { z, y } = temperedData(4, 300, 3, 0.8, 2);
    const z32 = matrix(z.rows, z.cols, Float32Array.from(z.data));
    const z64 = matrix(z.rows, z.cols, Float64Array.from(z32.data));
    expect(fitTemperature(z32, y).temperature).toBe(fitTemperature(z64, y).temperature);
  });

  it('rejects bad input with LslabError codes', () => {
    const z = fromRows([
      [1, 0],
      [0, 1],
    ]);
    expect(thrownCode(() => fitTemperature(fromRows([[1, Number.NaN]]), [0]))).toBe('E_NOT_FINITE');
    expect(thrownCode(() => fitTemperature(fromRows([[1, Infinity]]), [0]))).toBe('E_NOT_FINITE');
    expect(thrownCode(() => fitTemperature(z, [0, 2]))).toBe('E_LABEL');
    expect(thrownCode(() => fitTemperature(z, [0, 0.5]))).toBe('E_LABEL');
    expect(thrownCode(() => fitTemperature(z, [0]))).toBe('E_SHAPE');
    expect(thrownCode(() => fitTemperature(matrix(0, 3), []))).toBe('E_EMPTY');
    expect(thrownCode(() => fitTemperature(fromRows([[1], [2]]), [0, 0]))).toBe('E_SHAPE');
    expect(thrownCode(() => fitTemperature(z, [0, 1], { maxTemp: 10 } as never))).toBe('E_OPTION');
    expect(thrownCode(() => fitTemperature(z, [0, 1], 'x' as never))).toBe('E_OPTION');
    expect(thrownCode(() => fitTemperature(z, [0, 1], { maxIterations: 2 ** 31 }))).toBe('E_RANGE');
    expect(thrownCode(() => fitTemperature(z, [0, 1], { minTemperature: 0 }))).toBe('E_RANGE');
    expect(thrownCode(() => fitTemperature(z, [0, 1], { maxTemperature: Number.NaN }))).toBe(
      'E_NOT_FINITE',
    );
    expect(
      thrownCode(() => fitTemperature(z, [0, 1], { minTemperature: 2, maxTemperature: 1 })),
    ).toBe('E_RANGE');
    expect(thrownCode(() => fitTemperature(z, [0, 1], { maxIterations: 0 }))).toBe('E_RANGE');
    const e = thrown(() =>
      fitTemperature(
        fromRows([
          [0, 1],
          [2, Number.NaN],
        ]),
        [0, 1],
      ),
    );
    expect(e.message).toBe('fitTemperature: logits[1][1] = NaN: is not finite');
  });
});
