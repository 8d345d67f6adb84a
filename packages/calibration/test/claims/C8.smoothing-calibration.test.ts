import type { ClaimResult, Matrix } from '@lslab/core';
import { createRng } from '@lslab/models';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  calibrationClaims,
  smoothingCalibrationClaim as claim,
  type SmoothingCalibrationParams,
} from '../../src/claims/index.ts';
import type { ExperimentPredictions } from '../../src/claims/internal/evaluateExperiment.ts';
import { realDataExperiment } from '../../src/claims/internal/realData.ts';
import {
  overconfidentRegime,
  wellSpecifiedRegime,
} from '../../src/claims/internal/syntheticRegimes.ts';
import {
  applyTemperature,
  brierScore,
  expectedCalibrationError,
  fitTemperature,
  pairedBootstrap,
} from '../../src/index.ts';
import { thrownCode } from '../recalibration/helpers.ts';

type MetricRow = {
  experiment: string;
  model: string;
  metric: string;
  estimate: number;
  lower: number;
  upper: number;
};
type ComparisonRow = {
  experiment: string;
  alpha: number;
  metric: string;
  against: string;
  difference: number;
  lower: number;
  upper: number;
  verdict: string;
};

const ece = (p: Matrix, y: ArrayLike<number>) => expectedCalibrationError(p, y, { bins: 15 }).value;
const brier = (p: Matrix, y: ArrayLike<number>) => brierScore(p, y);

/** Mean top-label confidence minus accuracy, written out here (ties to the lowest index). */
function gap(p: Matrix, y: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < p.rows; i++) {
    let best = 0;
    for (let j = 1; j < p.cols; j++)
      if (p.data[i * p.cols + j] > p.data[i * p.cols + best]) best = j;
    s += p.data[i * p.cols + best] - (best === y[i] ? 1 : 0);
  }
  return s / p.rows;
}

/** helps / hurts / tie from an interval of (baseline − smoothed), as the claim defines it. */
const direction = (lo: number, hi: number) => (lo > 0 ? 'helps' : hi < 0 ? 'hurts' : 'tie');

const d = claim.defaults;
const a = d.alphas.indexOf(d.alpha);
let full: ClaimResult;
let over: ExperimentPredictions;
let well: ExperimentPredictions;

beforeAll(() => {
  full = claim.run(d);
  over = overconfidentRegime(d);
  well = wellSpecifiedRegime(d);
}, 600_000);

function check(name: string) {
  const c = full.checks.find((x) => x.name.startsWith(name));
  expect(c, `no check starting '${name}'`).toBeDefined();
  return c!;
}

describe('smoothingCalibrationClaim.run(params)', () => {
  it('is the one claim of calibrationClaims, with the catalogue id and five checks', () => {
    expect(calibrationClaims.map((c) => c.id)).toEqual(['C8.smoothing-calibration']);
    expect(full.checks).toHaveLength(5);
    for (const c of full.checks) {
      expect(c.expected).toBe(0);
      expect(c.tolerance).toBe(0);
      expect(c.holds).toBe(c.name.endsWith('< 0') ? c.measured < 0 : c.measured > 0);
    }
  });

  it('every check equals an interval of the public pairedBootstrap / bootstrap with the same seed', () => {
    // The claim resamples all models jointly; the public functions with the same seed draw the
    // same indices, so the intervals agree exactly.
    const o = { resamples: d.resamples, level: d.level, seed: d.seed };
    const w = { ...o, seed: d.seed + 1 };
    const [hardO, smoothO] = [over.testProbs[0], over.testProbs[a]];
    const [hardW, smoothW] = [well.testProbs[0], well.testProbs[a]];
    expect(check('over-confident: ECE(hard)').measured).toBe(
      pairedBootstrap(ece, hardO, smoothO, over.testLabels, o).lower,
    );
    expect(check('over-confident: Brier(hard)').measured).toBe(
      pairedBootstrap(brier, hardO, smoothO, over.testLabels, o).lower,
    );
    expect(check('well-specified: ECE(α').measured).toBe(
      pairedBootstrap(ece, smoothW, hardW, well.testLabels, w).lower,
    );
    // A paired bootstrap of gap(model) − 0 is the bootstrap of gap(model): pair the model with an
    // all-zero matrix on which the metric is defined as 0.
    const zero = { rows: hardO.rows, cols: hardO.cols, data: new Float64Array(hardO.data.length) };
    const g = (p: Matrix, y: ArrayLike<number>) =>
      p.data[0] === 0 && p.data[1] === 0 ? 0 : gap(p, y);
    expect(check('over-confident: hard labels').measured).toBe(
      pairedBootstrap(g, hardO, zero, over.testLabels, o).lower,
    );
    expect(check('well-specified: α').measured).toBe(
      pairedBootstrap(g, smoothW, zero, well.testLabels, w).upper,
    );
  });

  it('over-confident regime: hard labels over-confident, smoothing lowers ECE and Brier (paired intervals above 0)', () => {
    expect(gap(over.testProbs[0], over.testLabels)).toBeGreaterThan(0);
    expect(check('over-confident: hard labels').holds).toBe(true);
    expect(check('over-confident: ECE(hard)').holds).toBe(true);
    expect(check('over-confident: Brier(hard)').holds).toBe(true);
  });

  it('well-specified regime: smoothing makes the model under-confident (interval of conf − acc below 0)', () => {
    expect(gap(well.testProbs[a], well.testLabels)).toBeLessThan(0);
    expect(check('well-specified: α').holds).toBe(true);
  });

  it('directions agree with a paired bootstrap on an independent generator (createRng of @lslab/models)', () => {
    const rows = full.series.comparisons as ComparisonRow[];
    for (const [e, name] of [
      [over, 'over-confident'],
      [well, 'well-specified'],
    ] as const) {
      for (const [metric, f] of [
        ['ECE', ece],
        ['Brier', brier],
      ] as const) {
        const row = rows.find(
          (r) =>
            r.experiment === name &&
            r.alpha === d.alpha &&
            r.metric === metric &&
            r.against === 'hard labels',
        )!;
        const r = pairedBootstrap(f, e.testProbs[0], e.testProbs[a], e.testLabels, {
          resamples: d.resamples,
          rng: createRng(99),
        });
        expect(row.difference).toBe(r.difference);
        // A verdict away from the edge of its interval must not depend on the generator.
        const margin = 0.2 * (row.upper - row.lower);
        if (row.lower > margin || row.upper < -margin) {
          expect(direction(r.lower, r.upper), `${name} ${metric}`).toBe(row.verdict);
        }
        expect(row.verdict).toBe(direction(row.lower, row.upper));
      }
    }
  });

  it('every reported estimate is the metric recomputed directly on the test predictions', () => {
    const rows = full.series.metrics as MetricRow[];
    for (const [e, name] of [
      [over, 'over-confident'],
      [well, 'well-specified'],
    ] as const) {
      e.alphas.forEach((alpha, m) => {
        const of = (metric: string) =>
          rows.find(
            (r) => r.experiment === name && r.model === `α = ${alpha}` && r.metric === metric,
          )!;
        expect(of('ECE').estimate).toBe(ece(e.testProbs[m], e.testLabels));
        expect(of('Brier').estimate).toBe(brier(e.testProbs[m], e.testLabels));
        expect(of('confidence − accuracy').estimate).toBeCloseTo(
          gap(e.testProbs[m], e.testLabels),
          14,
        );
        for (const r of [of('ECE'), of('Brier')]) {
          expect(r.lower).toBeLessThanOrEqual(r.upper);
        }
      });
    }
  });

  it('temperature scaling: T fitted on validation logits, applied to test logits', () => {
    const temps = full.series.temperature as { experiment: string; temperature: number }[];
    const rows = full.series.metrics as MetricRow[];
    for (const [e, name] of [
      [over, 'over-confident'],
      [well, 'well-specified'],
    ] as const) {
      const fit = fitTemperature(e.hardValidationLogits, e.validationLabels);
      expect(temps.find((t) => t.experiment === name)!.temperature).toBe(fit.temperature);
      const p = applyTemperature(e.hardTestLogits, fit.temperature, { output: 'probabilities' });
      const row = rows.find(
        (r) => r.experiment === name && r.model === 'temperature scaling' && r.metric === 'ECE',
      )!;
      expect(row.estimate).toBe(ece(p, e.testLabels));
    }
    // The over-confident hard model is softened (T > 1).
    expect(temps.find((t) => t.experiment === 'over-confident')!.temperature).toBeGreaterThan(1);
  });

  it('sweeps every bundled real data set; penguins verdicts match an independent paired bootstrap', () => {
    const rows = full.series.comparisons as ComparisonRow[];
    for (const name of d.datasets) {
      const mine = rows.filter((r) => r.experiment === name);
      // (α > 0) × {hard, temperature} × {ECE, Brier}
      expect(mine).toHaveLength((d.alphas.length - 1) * 4);
      for (const r of mine) expect(r.verdict).toBe(direction(r.lower, r.upper));
    }
    const e = realDataExperiment('penguins', d.alphas, d.seed);
    const seed = d.seed + 2 + d.datasets.indexOf('penguins');
    const r = pairedBootstrap(ece, e.testProbs[0], e.testProbs[a], e.testLabels, {
      resamples: d.resamples,
      seed,
    });
    const row = rows.find(
      (x) =>
        x.experiment === 'penguins' &&
        x.alpha === d.alpha &&
        x.metric === 'ECE' &&
        x.against === 'hard labels',
    )!;
    expect([row.lower, row.upper]).toEqual([r.lower, r.upper]);
  });

  it('series rows hold only finite numbers and strings; notes name every experiment', () => {
    for (const [key, rows] of Object.entries(full.series)) {
      expect(rows.length, key).toBeGreaterThan(0);
      for (const row of rows)
        for (const v of Object.values(row))
          expect(typeof v === 'string' || Number.isFinite(v), `${key}: ${String(v)}`).toBe(true);
    }
    const names = ['over-confident', 'well-specified', ...d.datasets];
    expect(full.notes?.map((n) => n.split(':')[0])).toEqual(names);
  });

  it('is deterministic: the same parameters give the same result', () => {
    const p: SmoothingCalibrationParams = {
      ...d,
      datasets: [],
      resamples: 50,
      testN: 500,
      validationN: 300,
      wellN: 500,
    };
    expect(claim.run(p)).toEqual(claim.run(p));
  });

  it('rejects bad parameters with LslabError codes', () => {
    expect(thrownCode(() => claim.run({ ...d, alphas: [0.1, 0.2] }))).toBe('E_RANGE');
    expect(thrownCode(() => claim.run({ ...d, alphas: [0, 1] }))).toBe('E_RANGE');
    expect(thrownCode(() => claim.run({ ...d, alpha: 0.15 }))).toBe('E_RANGE');
    // @ts-expect-error: not a bundled data set
    expect(thrownCode(() => claim.run({ ...d, datasets: ['iris'] }))).toBe('E_OPTION');
  });
});
