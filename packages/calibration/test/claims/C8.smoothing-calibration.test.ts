import { type ClaimResult, createRng } from '@lslab/core';
import { checkNamed, expectClaimHolds, expectProgressContract } from '@lslab/test-utils/claims';
import { beforeAll, describe, expect, it } from 'vitest';
import type {
  ComparisonRow,
  ExperimentPredictions,
} from '../../src/claims/C8.smoothing-calibration/evaluate.ts';
import {
  overconfidentRegime,
  wellSpecifiedRegime,
} from '../../src/claims/C8.smoothing-calibration/regimes.ts';
import { c8SmoothingCalibration as claim, claims } from '../../src/claims/index.ts';
import { applyTemperature, bootstrap, fitTemperature } from '../../src/index.ts';
import { brier, CHECK, debiasedEce, ece, gap } from './c8Helpers.ts';

// Independent paths: every check is recomputed here from the models' test predictions with the
// public metrics (expectedCalibrationError, brierScore) and the public bootstrap on the same
// named stream, and the confidence gap is written out in c8Helpers; the directions are confirmed
// with a bootstrap on an unrelated generator.

type MetricRow = { experiment: string; model: string; metric: string; estimate: number };

const d = claim.defaults;
const a = d.alphas.indexOf(d.alpha);
const root = createRng(d.seed);
let full: ClaimResult;
let over: ExperimentPredictions;
let well: ExperimentPredictions;

beforeAll(() => {
  full = expectClaimHolds(claim, d);
  over = overconfidentRegime(root.derive('data:over-confident'), d);
  well = wellSpecifiedRegime(root.derive('data:well-specified'), d);
}, 600_000);

/** The public bootstrap of `metric` on the hard and the α models, on the claim's stream. */
function paired(e: ExperimentPredictions, metric: typeof ece) {
  const rng = root.derive(`evaluation:${e.name}`).derive('bootstrap');
  return bootstrap(metric, [e.testProbs[0], e.testProbs[a]], e.testLabels, {
    resamples: d.resamples,
    rng,
  });
}

describe('C8.smoothing-calibration at its defaults', () => {
  it('is the one claim of claims, id = file name, seven one-sided checks, all holding', () => {
    expect(claims.map((c) => c.id)).toEqual(['C8.smoothing-calibration']);
    expect(full.checks).toHaveLength(7);
    for (const c of full.checks) {
      expect(c.expected).toBe(0);
      expect(c.tolerance).toBe(0);
      expect(['atLeast', 'atMost']).toContain(c.comparison);
    }
  });

  it('every check equals the interval of the public bootstrap on the same named stream', () => {
    // The claim resamples all five models together; `rng.int(N)` draws the same indices for two.
    const c = full.checks;
    expect(c[CHECK.overEce].measured).toBe(paired(over, ece).difference(0, 1).lower);
    expect(c[CHECK.overDebiasedEce].measured).toBe(
      paired(over, debiasedEce).difference(0, 1).lower,
    );
    expect(c[CHECK.overBrier].measured).toBe(paired(over, brier).difference(0, 1).lower);
    expect(c[CHECK.wellEce].measured).toBe(paired(well, ece).difference(1, 0).lower);
    expect(c[CHECK.wellDebiasedEce].measured).toBe(
      paired(well, debiasedEce).difference(1, 0).lower,
    );
    expect(c[CHECK.overGap].measured).toBe(paired(over, gap).interval(0).lower);
    expect(c[CHECK.wellGap].measured).toBe(paired(well, gap).interval(1).upper);
  });

  it('directions agree with a paired bootstrap on an unrelated generator (createRng(99))', () => {
    const rows = full.series.comparisons as ComparisonRow[];
    for (const e of [over, well]) {
      for (const [metric, f] of [
        ['ECE', ece],
        ['debiased ECE', debiasedEce],
        ['Brier', brier],
      ] as const) {
        const row = rows.find(
          (r) =>
            r.experiment === e.name &&
            r.alpha === d.alpha &&
            r.metric === metric &&
            r.against === 'hard labels',
        )!;
        const r = bootstrap(f, [e.testProbs[0], e.testProbs[a]], e.testLabels, {
          resamples: d.resamples,
          rng: createRng(99),
        }).difference(0, 1);
        expect(row.difference).toBe(r.estimate);
        expect(row.verdict).not.toBe('tie');
        expect(r.lower > 0 ? 'helps' : r.upper < 0 ? 'hurts' : 'tie', `${e.name} ${metric}`).toBe(
          row.verdict,
        );
      }
    }
  });

  it('every reported estimate is the metric recomputed directly on the test predictions', () => {
    const rows = full.series.metrics as MetricRow[];
    for (const e of [over, well]) {
      e.alphas.forEach((alpha, m) => {
        const of = (metric: string) =>
          rows.find(
            (r) => r.experiment === e.name && r.model === `α = ${alpha}` && r.metric === metric,
          )!.estimate;
        expect(of('ECE')).toBe(ece(e.testProbs[m], e.testLabels));
        expect(of('debiased ECE')).toBe(debiasedEce(e.testProbs[m], e.testLabels));
        expect(of('Brier')).toBe(brier(e.testProbs[m], e.testLabels));
        expect(of('confidence − accuracy')).toBeCloseTo(gap(e.testProbs[m], e.testLabels), 14);
      });
    }
  });

  it('temperature scaling: T fitted on validation logits, applied to test logits', () => {
    const temps = full.series.temperature as { experiment: string; temperature: number }[];
    const rows = full.series.metrics as MetricRow[];
    for (const e of [over, well]) {
      const fit = fitTemperature(e.hardValidationLogits, e.validationLabels);
      expect(fit.status).toBe('optimum');
      expect(temps.find((t) => t.experiment === e.name)!.temperature).toBe(fit.temperature);
      const p = applyTemperature(e.hardTestLogits, fit.temperature, { output: 'probabilities' });
      const row = rows.find(
        (r) => r.experiment === e.name && r.model === 'temperature scaling' && r.metric === 'ECE',
      )!;
      expect(row.estimate).toBe(ece(p, e.testLabels));
    }
    // The over-confident hard model is softened (T > 1).
    expect(temps.find((t) => t.experiment === 'over-confident')!.temperature).toBeGreaterThan(1);
  });

  it('penguins at seed 1: a degenerate baseline is said in words and draws no verdict', () => {
    const temps = full.series.temperature as {
      experiment: string;
      status: string;
      baseline: string;
    }[];
    const penguins = temps.find((t) => t.experiment === 'penguins')!;
    expect(penguins.status).toBe('separable');
    expect(penguins.baseline).toContain('not informative');
    expect(penguins.baseline).toContain('classifies every test row correctly');
    const rows = (full.series.comparisons as ComparisonRow[]).filter(
      (r) => r.experiment === 'penguins' && r.against === 'temperature scaling',
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.verdict).toBe('not informative');
    const note = full.notes!.find((n) => n.startsWith('penguins:'))!;
    expect(note).toContain('the comparison with temperature scaling is not informative');
    expect(note).not.toContain('vs temperature scaling:');
    // The informative experiments keep their verdicts.
    for (const t of temps.filter((x) => x.experiment !== 'penguins'))
      expect(t.baseline).toBe('informative');
  });

  it('sweeps every bundled real data set; notes name every experiment', () => {
    const rows = full.series.comparisons as ComparisonRow[];
    for (const name of d.datasets) {
      // (α > 0) × {hard, temperature} × {ECE, debiased ECE, Brier}
      expect(rows.filter((r) => r.experiment === name)).toHaveLength((d.alphas.length - 1) * 6);
    }
    expect(full.notes?.map((n) => n.split(':')[0])).toEqual([
      'over-confident',
      'well-specified',
      ...d.datasets,
    ]);
  });

  it('is deterministic, and the checks named in the doc are there', () => {
    const small = { ...d, datasets: [], resamples: 200, testN: 1000, validationN: 200, wellN: 500 };
    expect(claim.run(small)).toEqual(claim.run(small));
    checkNamed(
      full,
      'well-specified: debiased ECE(α = 0.1) − debiased ECE(hard), lower 95% bound ≥ 0',
    );
  });

  it('streams its rows: one unit per experiment, in the order of the notes', () => {
    const small = {
      ...d,
      datasets: ['penguins' as const],
      resamples: 200,
      testN: 1000,
      validationN: 200,
      wellN: 500,
    };
    const partials = expectProgressContract(claim, small, 3);
    expect(partials.map((q) => q.stage)).toEqual(['over-confident', 'well-specified', 'penguins']);
    expect(partials[0].series.temperature).toHaveLength(1);
    expect(partials[2].series.temperature).toHaveLength(3);
  });
});
