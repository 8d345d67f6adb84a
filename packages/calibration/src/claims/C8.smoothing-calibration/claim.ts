import {
  type Claim,
  type ClaimProgressListener,
  type ClaimResult,
  check,
  claimProgress,
  createRng,
} from '@lslab/core';
import { type ExperimentResult, evaluateExperiment } from './evaluate.js';
import { BRIER, DEBIASED_ECE, ECE, GAP } from './metrics.js';
import { describeExperiment } from './notes.js';
import {
  C8_DEFAULTS,
  C8_ID,
  C8_SCHEMA,
  type SmoothingCalibrationParams,
  validateParams,
} from './params.js';
import { realDataExperiment } from './realData.js';
import { overconfidentRegime, wellSpecifiedRegime } from './regimes.js';

/** The five checks: one-sided sign tests of paired bootstrap intervals against 0. */
function regimeChecks(
  p: SmoothingCalibrationParams,
  over: ExperimentResult,
  well: ExperimentResult,
) {
  const a = p.alphas.indexOf(p.alpha);
  const pct = `${Math.round(p.level * 1000) / 10}%`;
  // Each check compares a bootstrap bound with 0: the interval excludes 0 on the side the theory predicts.
  const above = (name: string, lower: number) => check(name, 0, lower, 0, 'atLeast');
  const below = (name: string, upper: number) => check(name, 0, upper, 0, 'atMost');
  const diff = (r: ExperimentResult, x: number, y: number, k: number) => r.boot.difference(x, y, k);
  return [
    above(
      `over-confident: hard labels, confidence − accuracy, lower ${pct} bound ≥ 0`,
      over.boot.interval(0, GAP).lower,
    ),
    above(
      `over-confident: ECE(hard) − ECE(α = ${p.alpha}), lower ${pct} bound ≥ 0`,
      diff(over, 0, a, ECE).lower,
    ),
    above(
      `over-confident: debiased ECE(hard) − debiased ECE(α = ${p.alpha}), lower ${pct} bound ≥ 0`,
      diff(over, 0, a, DEBIASED_ECE).lower,
    ),
    above(
      `over-confident: Brier(hard) − Brier(α = ${p.alpha}), lower ${pct} bound ≥ 0`,
      diff(over, 0, a, BRIER).lower,
    ),
    above(
      `well-specified: ECE(α = ${p.alpha}) − ECE(hard), lower ${pct} bound ≥ 0`,
      diff(well, a, 0, ECE).lower,
    ),
    above(
      `well-specified: debiased ECE(α = ${p.alpha}) − debiased ECE(hard), lower ${pct} bound ≥ 0`,
      diff(well, a, 0, DEBIASED_ECE).lower,
    ),
    below(
      `well-specified: α = ${p.alpha}, confidence − accuracy, upper ${pct} bound ≤ 0`,
      well.boot.interval(a, GAP).upper,
    ),
  ];
}

/** The charted tables of the experiments run so far. */
function experimentSeries(results: readonly ExperimentResult[]): Record<string, object[]> {
  return {
    metrics: results.flatMap((r) => r.metrics),
    comparisons: results.flatMap((r) => r.comparisons),
    temperature: results.map((r) => r.temperature),
    reliability: results.flatMap((r) => r.reliability),
  };
}

function run(given: SmoothingCalibrationParams, onProgress?: ClaimProgressListener): ClaimResult {
  const p = validateParams(given);
  const root = createRng(p.seed);
  const o = { bins: p.bins, resamples: p.resamples, level: p.level, focusAlpha: p.alpha };
  // Every experiment draws its data and its resamples from streams named after it.
  const data = (name: string) => root.derive(`data:${name}`);
  const evaluation = (name: string) => root.derive(`evaluation:${name}`);
  const experiments: [string, () => ExperimentResult][] = [
    [
      'over-confident',
      () =>
        evaluateExperiment(
          overconfidentRegime(data('over-confident'), p),
          o,
          evaluation('over-confident'),
        ),
    ],
    [
      'well-specified',
      () =>
        evaluateExperiment(
          wellSpecifiedRegime(data('well-specified'), p),
          o,
          evaluation('well-specified'),
        ),
    ],
    ...p.datasets.map((name): [string, () => ExperimentResult] => [
      name,
      () => evaluateExperiment(realDataExperiment(name, p.alphas, p.seed), o, evaluation(name)),
    ]),
  ];
  // one unit per experiment: its models trained, evaluated and bootstrapped
  const step = claimProgress(C8_ID, onProgress, experiments.length);
  const results: ExperimentResult[] = [];
  for (const [name, evaluate] of experiments) {
    results.push(evaluate());
    if (onProgress !== undefined) step(name, experimentSeries(results));
  }
  const series = experimentSeries(results);
  const notes = results.map((r) => describeExperiment(r, p.alpha));
  return { checks: regimeChecks(p, results[0], results[1]), series, notes };
}

/**
 * Claim C8 (`C8.smoothing-calibration`): label smoothing lowers ECE and Brier
 * score where the hard-label model is over-confident, raises ECE where the
 * model is well specified (it becomes under-confident), and is measured
 * against temperature scaling of the hard-label model on two synthetic
 * regimes and the bundled real data. The theory, the power calculation behind
 * the test-set sizes and the measured numbers are in
 * `docs/theory/C8.smoothing-calibration.md` (in the repository); the test is
 * `packages/calibration/test/claims/C8.smoothing-calibration.test.ts`.
 *
 * Every number carries a seeded percentile bootstrap interval on the test
 * rows (the public `bootstrap`, all models of an experiment on the same
 * resamples), the plug-in ECE beside Kumar et al.'s debiased one. Each
 * comparison is reported as `helps`, `hurts`, `tie`, or `not informative`
 * where the temperature-scaling baseline is degenerate (T at a bound, or a
 * perfectly classified test set). The seven checks are one-sided sign tests
 * of intervals on the synthetic regimes; the real-data sweep is reported, not
 * checked. Sub-streams come from `createRng(seed).derive(name)`: `data:<experiment>`
 * and `evaluation:<experiment>`.
 *
 * @see [C8.smoothing-calibration.md](../../../../../docs/theory/C8.smoothing-calibration.md): the derivation and the power calculation
 * @example
 * const r = c8SmoothingCalibration.run({ ...c8SmoothingCalibration.defaults, datasets: [] });
 * r.checks.length; // 7
 */
export const c8SmoothingCalibration: Claim<SmoothingCalibrationParams> = {
  id: C8_ID,
  title: 'Calibration: where label smoothing helps and where it hurts',
  statement:
    'Label smoothing lowers $\\mathrm{ECE}$ and the Brier score of an over-confident model ($\\bar p_{\\max} > \\mathrm{acc}$) and raises $\\mathrm{ECE}$ of a well-specified one, which it makes under-confident; temperature scaling $p = \\mathrm{softmax}(z/T)$ is the baseline.',
  defaults: C8_DEFAULTS,
  paramSchema: C8_SCHEMA,
  run,
};
