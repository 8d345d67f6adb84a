import type { Matrix, Rng } from '@lslab/core';
import { reliabilityDiagram } from '../../diagrams/reliabilityDiagram.js';
import { applyTemperature } from '../../recalibration/applyTemperature.js';
import { fitTemperature } from '../../recalibration/fitTemperature.js';
import { type BootstrapResult, bootstrap } from '../../resampling/index.js';
import { accuracy, BRIER, claimMetrics, DEBIASED_ECE, ECE, METRIC_NAMES } from './metrics.js';

/** @internal Held-out predictions of one experiment: one model per α, plus the hard model's logits. */
export interface ExperimentPredictions {
  /** Name of the experiment, e.g. `'over-confident'` or `'penguins'`. */
  name: string;
  /** The α of each smoothed model; `alphas[0]` is 0 (hard labels). */
  alphas: readonly number[];
  /** Test probabilities of each model, N×K, in the order of `alphas`. */
  testProbs: readonly Matrix[];
  /** Test labels. */
  testLabels: Int32Array;
  /** Logits of the hard-label model on the validation set (for fitting T) and the test set. */
  hardValidationLogits: Matrix;
  validationLabels: Int32Array;
  hardTestLogits: Matrix;
}

/** @internal Verdict for smoothing from a paired interval of (other − smoothed): lower is better. */
export type Verdict = 'helps' | 'hurts' | 'tie' | 'not informative';

/** @internal 'helps' when the interval of (baseline − smoothed) lies above 0, 'hurts' below, else 'tie'. */
export function verdict(lower: number, upper: number): Verdict {
  if (lower > 0) return 'helps';
  if (upper < 0) return 'hurts';
  return 'tie';
}

/** @internal Why the temperature-scaling baseline of an experiment says nothing, or `null`. */
export function degenerateBaseline(status: string, temperature: number, hardTestAccuracy: number) {
  const reasons: string[] = [];
  if (status !== 'optimum') {
    reasons.push(
      `temperature scaling stopped at its ${status === 'ceiling' ? 'ceiling' : 'floor'} (T = ${temperature}, status '${status}')`,
    );
  }
  if (hardTestAccuracy === 1)
    reasons.push('the hard-label model classifies every test row correctly');
  return reasons.length === 0 ? null : reasons.join('; ');
}

/** @internal A row of the `comparisons` series: smoothing at α against a baseline. */
export interface ComparisonRow {
  experiment: string;
  alpha: number;
  metric: string;
  against: 'hard labels' | 'temperature scaling';
  /** metric(baseline) − metric(smoothed): > 0 where smoothing lowers the metric. */
  difference: number;
  lower: number;
  upper: number;
  verdict: Verdict;
}

/** @internal Everything measured in one experiment, as tidy rows and the joint bootstrap. */
export interface ExperimentResult {
  name: string;
  boot: BootstrapResult;
  /** Index of the temperature-scaled hard model among the bootstrap's models. */
  temperatureModel: number;
  /** Why comparisons against temperature scaling are not informative, or `null`. */
  degenerate: string | null;
  metrics: object[];
  comparisons: ComparisonRow[];
  temperature: object;
  reliability: object[];
}

/**
 * @internal Fits T on the validation logits of the hard-label model, applies
 * it to its test logits, and bootstraps every metric of every model jointly
 * (one `bootstrap` call: every resample shared by all models), then compares
 * each smoothed model with the hard-label model and with temperature scaling.
 * `rng` is the experiment's own sub-stream; the bootstrap and each diagram
 * derive theirs from it by name.
 */
export function evaluateExperiment(
  e: ExperimentPredictions,
  o: { bins: number; resamples: number; level: number; focusAlpha: number },
  rng: Rng,
): ExperimentResult {
  const fit = fitTemperature(e.hardValidationLogits, e.validationLabels);
  const scaled = applyTemperature(e.hardTestLogits, fit.temperature, { output: 'probabilities' });
  const models = [...e.testProbs, scaled];
  const ts = models.length - 1;
  const boot = bootstrap(claimMetrics(o.bins), models, e.testLabels, {
    resamples: o.resamples,
    level: o.level,
    rng: rng.derive('bootstrap'),
  });
  const degenerate = degenerateBaseline(
    fit.status,
    fit.temperature,
    accuracy(e.testProbs[0], e.testLabels),
  );
  const label = (m: number) => (m === ts ? 'temperature scaling' : `α = ${e.alphas[m]}`);
  const metrics: object[] = [];
  for (let m = 0; m < models.length; m++) {
    for (let k = 0; k < METRIC_NAMES.length; k++) {
      const { estimate, lower, upper } = boot.interval(m, k);
      const alpha = m === ts ? 0 : e.alphas[m];
      metrics.push({
        experiment: e.name,
        model: label(m),
        alpha,
        metric: METRIC_NAMES[k],
        estimate,
        lower,
        upper,
      });
    }
  }
  const comparisons: ComparisonRow[] = [];
  for (let m = 1; m < e.alphas.length; m++) {
    for (const [against, b] of [
      ['hard labels', 0],
      ['temperature scaling', ts],
    ] as const) {
      for (const k of [ECE, DEBIASED_ECE, BRIER]) {
        const { estimate, lower, upper } = boot.difference(b, m, k);
        const informative = against === 'hard labels' || degenerate === null;
        comparisons.push({
          experiment: e.name,
          alpha: e.alphas[m],
          metric: METRIC_NAMES[k],
          against,
          difference: estimate,
          lower,
          upper,
          verdict: informative ? verdict(lower, upper) : 'not informative',
        });
      }
    }
  }
  const reliability: object[] = [];
  const focus = e.alphas.indexOf(o.focusAlpha);
  for (const m of [0, focus, ts]) {
    if (m < 0) continue;
    const d = reliabilityDiagram(models[m], e.testLabels, {
      bins: o.bins,
      resamples: o.resamples,
      level: o.level,
      rng: rng.derive(`reliability:${label(m)}`),
    });
    for (const r of d.rows)
      if (r.count > 0) reliability.push({ experiment: e.name, model: label(m), ...r });
  }
  const temperature = {
    experiment: e.name,
    temperature: fit.temperature,
    nllBefore: fit.nllBefore,
    nllAfter: fit.nllAfter,
    status: fit.status,
    baseline: degenerate === null ? 'informative' : `not informative: ${degenerate}`,
  };
  return {
    name: e.name,
    boot,
    temperatureModel: ts,
    degenerate,
    metrics,
    comparisons,
    temperature,
    reliability,
  };
}

/** @internal N×1 binary logits z as the N×2 logits [0, z]; other shapes unchanged. */
export function twoColumn(logits: Matrix): Matrix {
  if (logits.cols !== 1) return logits;
  const out = new Float64Array(logits.rows * 2);
  for (let i = 0; i < logits.rows; i++) out[2 * i + 1] = logits.data[i];
  return { rows: logits.rows, cols: 2, data: out };
}
