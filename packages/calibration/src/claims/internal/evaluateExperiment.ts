import type { Matrix } from '@lslab/core';
import { applyTemperature } from '../../recalibration/applyTemperature.js';
import { fitTemperature } from '../../recalibration/fitTemperature.js';
import { reliabilityDiagram } from '../../recalibration/reliabilityDiagram.js';
import { claimMetrics, METRIC_NAMES } from './claimMetrics.js';
import { type JointBootstrap, jointBootstrap } from './jointBootstrap.js';

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
export type Verdict = 'helps' | 'hurts' | 'tie';

/** @internal 'helps' when the interval of (baseline − smoothed) lies above 0, 'hurts' below, else 'tie'. */
export function verdict(lower: number, upper: number): Verdict {
  if (lower > 0) return 'helps';
  if (upper < 0) return 'hurts';
  return 'tie';
}

/** @internal Everything measured in one experiment, as tidy rows and the joint bootstrap. */
export interface ExperimentResult {
  boot: JointBootstrap;
  /** Index of the temperature-scaled hard model among the bootstrap's models. */
  temperatureModel: number;
  metrics: object[];
  comparisons: object[];
  temperature: object;
  reliability: object[];
}

/**
 * @internal Fits T on the validation logits of the hard-label model, applies
 * it to its test logits, and bootstraps ECE, Brier and confidence − accuracy
 * of every model jointly (one set of resamples for all models), then compares
 * each smoothed model with the hard-label model and with temperature scaling.
 */
export function evaluateExperiment(
  e: ExperimentPredictions,
  o: { bins: number; resamples: number; level: number; seed: number; focusAlpha: number },
): ExperimentResult {
  const fit = fitTemperature(e.hardValidationLogits, e.validationLabels);
  const scaled = applyTemperature(e.hardTestLogits, fit.temperature, { output: 'probabilities' });
  const models = [...e.testProbs, scaled];
  const ts = models.length - 1;
  const boot = jointBootstrap(models, e.testLabels, claimMetrics(o.bins), o);
  const label = (m: number) => (m === ts ? 'temperature scaling' : `α = ${e.alphas[m]}`);
  const metrics: object[] = [];
  for (let m = 0; m < models.length; m++) {
    for (let k = 0; k < METRIC_NAMES.length; k++) {
      const { lower, upper } = boot.interval(m, k);
      metrics.push({
        experiment: e.name,
        model: label(m),
        alpha: m === ts ? 0 : e.alphas[m],
        metric: METRIC_NAMES[k],
        estimate: boot.value(m, k),
        lower,
        upper,
      });
    }
  }
  const comparisons: object[] = [];
  for (let m = 1; m < e.alphas.length; m++) {
    for (const [against, b] of [
      ['hard labels', 0],
      ['temperature scaling', ts],
    ] as const) {
      for (let k = 0; k < 2; k++) {
        const { lower, upper } = boot.difference(b, m, k);
        comparisons.push({
          experiment: e.name,
          alpha: e.alphas[m],
          metric: METRIC_NAMES[k],
          against,
          difference: boot.value(b, k) - boot.value(m, k),
          lower,
          upper,
          verdict: verdict(lower, upper),
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
      seed: o.seed,
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
  };
  return { boot, temperatureModel: ts, metrics, comparisons, temperature, reliability };
}

/** @internal N×1 binary logits z as the N×2 logits [0, z]; other shapes unchanged. */
export function twoColumn(logits: Matrix): Matrix {
  if (logits.cols !== 1) return logits;
  const out = new Float64Array(logits.rows * 2);
  for (let i = 0; i < logits.rows; i++) out[2 * i + 1] = logits.data[i];
  return { rows: logits.rows, cols: 2, data: out };
}
