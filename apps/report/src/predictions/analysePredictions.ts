import {
  applyTemperature,
  bootstrap,
  brierScore,
  expectedCalibrationError,
  fitTemperature,
  negativeLogLikelihood,
  overUnderConfidence,
  reliabilityDiagram,
  smoothCalibrationError,
} from '@lslab/calibration';
import type { Matrix } from '@lslab/core';
import { type ClassRow, perClass } from './perClass.js';
import type { Predictions } from './readPredictions.js';

/** A metric with its bootstrap interval. */
export interface MetricRow {
  metric: string;
  /** What the metric measures, in words. */
  about: string;
  estimate: number;
  /** Bootstrap interval; `null` for a metric not bootstrapped (`resamples` 0). */
  lower: number | null;
  upper: number | null;
  resamples: number;
}

/** The calibration analysis of a predictions file. */
export interface PredictionsReport {
  file: string;
  kind: 'probabilities' | 'logits';
  rows: number;
  classes: string[];
  seed: number;
  bins: number;
  metrics: MetricRow[];
  temperature: {
    temperature: number;
    status: string;
    nllBefore: number;
    nllAfter: number;
    eceBefore: number;
    eceAfter: number;
  };
  overconfidence: number;
  underconfidence: number;
  /** Support, frequency, predictions, recall and mean probability of each class. */
  perClass: ClassRow[];
  /** Tidy rows: `metrics`, `reliability` (as given and after temperature scaling), `smooth` (smECE curve). */
  series: Record<string, object[]>;
  notes: string[];
}

type Metric = (p: Matrix, y: ArrayLike<number>) => number;

const BINS = 15;

const METRICS: { metric: string; about: string; fn: Metric; resamples: number }[] = [
  {
    metric: 'accuracy',
    about: 'share of rows whose argmax is the label',
    fn: (p, y) => expectedCalibrationError(p, y, { bins: 1 }).bins[0].accuracy as number,
    resamples: 1000,
  },
  {
    metric: 'mean confidence',
    about: 'mean of the largest probability',
    fn: (p, y) => expectedCalibrationError(p, y, { bins: 1 }).bins[0].confidence as number,
    resamples: 1000,
  },
  {
    metric: 'NLL',
    about: 'mean negative log-likelihood (nats)',
    fn: (p, y) => negativeLogLikelihood(p, y),
    resamples: 1000,
  },
  {
    metric: 'Brier',
    about: 'mean squared distance to the one-hot label, in [0, 2]',
    fn: (p, y) => brierScore(p, y),
    resamples: 1000,
  },
  {
    metric: 'ECE',
    about: `top-label, ${BINS} equal-width bins, l1`,
    fn: (p, y) => expectedCalibrationError(p, y, { bins: BINS }).value,
    resamples: 1000,
  },
  {
    metric: 'ECE (debiased)',
    about: 'Kumar et al. (2019) bias correction',
    fn: (p, y) => expectedCalibrationError(p, y, { bins: BINS, debias: true }).value,
    resamples: 1000,
  },
  {
    metric: 'ECE (equal-mass bins)',
    about: `${BINS} bins of equal count`,
    fn: (p, y) => expectedCalibrationError(p, y, { bins: BINS, binning: 'equal-mass' }).value,
    resamples: 1000,
  },
  {
    metric: 'RMSCE',
    about: 'l2 calibration error',
    fn: (p, y) => expectedCalibrationError(p, y, { bins: BINS, norm: 'l2' }).value,
    resamples: 1000,
  },
  {
    metric: 'MCE',
    about: 'largest gap of a non-empty bin',
    fn: (p, y) => expectedCalibrationError(p, y, { bins: BINS, norm: 'max' }).value,
    resamples: 1000,
  },
  {
    metric: 'classwise ECE',
    about: 'mean over classes of the ECE of p_c',
    fn: (p, y) => expectedCalibrationError(p, y, { bins: BINS, scope: 'classwise' }).value,
    resamples: 1000,
  },
  {
    metric: 'smECE',
    about:
      'smooth ECE of Błasiok & Nakkiran (2023), bin-free; not bootstrapped (one evaluation costs about as much as 400 of the ECE)',
    fn: (p, y) => smoothCalibrationError(p, y).value,
    resamples: 0,
  },
];

/**
 * The calibration analysis of a model's predictions, with the functions of
 * `@lslab/calibration`: accuracy, NLL, Brier, every ECE variant with seeded
 * percentile bootstrap intervals (95%), smECE, a reliability diagram with
 * bands, temperature scaling (fitted on the same rows: an in-sample, optimistic
 * after-figure), over/under-confidence, and what the C8 regimes say smoothing
 * would be expected to do (a caveat, not a prediction).
 *
 * @param p - from `readPredictions`
 * @param seed - the bootstrap seed
 * @param options - `resamples`: one count for every bootstrapped metric (default 1000; smECE is not bootstrapped)
 * @returns the analysis
 * @throws LslabError from the metrics (never for input `readPredictions` accepted)
 * @example
 * analysePredictions(readPredictions(text), 0).metrics[0].metric; // 'accuracy'
 */
export function analysePredictions(
  p: Predictions,
  seed: number,
  options: { resamples?: number } = {},
): PredictionsReport {
  const { probs, labels, logits } = p;
  const metrics: MetricRow[] = METRICS.map((m) => {
    const resamples = m.resamples === 0 ? 0 : (options.resamples ?? m.resamples);
    const row = { metric: m.metric, about: m.about, resamples };
    if (resamples === 0) return { ...row, estimate: m.fn(probs, labels), lower: null, upper: null };
    const { estimate, lower, upper } = bootstrap(m.fn, probs, labels, {
      resamples,
      seed,
    }).interval();
    return { ...row, estimate, lower, upper };
  });
  const fit = fitTemperature(logits, labels);
  const scaled = applyTemperature(logits, fit.temperature, { output: 'probabilities' });
  const before = reliabilityDiagram(probs, labels, {
    bins: BINS,
    seed,
    resamples: options.resamples,
  });
  const after = reliabilityDiagram(scaled, labels, {
    bins: BINS,
    seed,
    resamples: options.resamples,
  });
  const ou = overUnderConfidence(probs, labels, { bins: BINS });
  const smooth = smoothCalibrationError(probs, labels);
  const get = (name: string) => metrics.find((m) => m.metric === name) as MetricRow;
  const notes = regimeNotes(
    get('mean confidence').estimate - get('accuracy').estimate,
    ou,
    fit.temperature,
    fit.status,
  );
  if (p.floored)
    notes.push(
      'Some probabilities are exactly 0; their logarithm was floored at ln 1e-300 to fit the temperature.',
    );
  notes.push(
    'The temperature is fitted and evaluated on the same rows, so the after-scaling figures are optimistic; fit it on held-out data for a fair comparison.',
  );
  return {
    file: p.name,
    kind: p.kind,
    rows: labels.length,
    classes: p.classes,
    seed,
    bins: BINS,
    metrics,
    temperature: {
      temperature: fit.temperature,
      status: fit.status,
      nllBefore: fit.nllBefore,
      nllAfter: fit.nllAfter,
      eceBefore: before.ece,
      eceAfter: after.ece,
    },
    overconfidence: ou.overconfidence,
    underconfidence: ou.underconfidence,
    perClass: perClass(p),
    series: {
      metrics: metrics.map(({ metric, estimate, lower, upper }) => ({
        metric,
        estimate,
        lower,
        upper,
      })),
      reliability: [
        ...before.rows.map((r) => ({ model: 'as given', ...r })),
        ...after.rows.map((r) => ({
          model: `temperature scaled (T = ${fit.temperature.toPrecision(4)})`,
          ...r,
        })),
      ],
      smooth: smooth.curve.map((c) => ({ ...c })),
    },
    notes,
  };
}

function regimeNotes(
  gap: number,
  ou: { overconfidence: number; underconfidence: number },
  t: number,
  status: string,
): string[] {
  const notes: string[] = [];
  if (status === 'separable')
    notes.push(
      'Every label is the argmax of its row: the data are separable and the NLL falls without bound as T → 0, so the fitted temperature sits at its floor and says nothing about calibration.',
    );
  else if (status === 'floor' || status === 'ceiling')
    notes.push(
      `The fitted temperature is at its ${status === 'floor' ? 'lower' : 'upper'} bound (T = ${t}); the optimum lies beyond it.`,
    );
  else if (status === 'constant')
    notes.push('Every row of logits is constant: the temperature changes nothing.');
  const over = gap > 0 && ou.overconfidence > ou.underconfidence;
  notes.push(
    over
      ? `The model is over-confident: mean confidence exceeds accuracy by ${gap.toFixed(3)}. This is the regime of C8 in which label smoothing of strength α lowered ECE and the Brier score in our experiments — and in which temperature scaling (here T = ${t.toPrecision(4)}) did better still. A caveat from the experiments, not a prediction for this model.`
      : `The model is not over-confident (confidence − accuracy = ${gap.toFixed(3)}). This is the regime of C8 in which label smoothing made models under-confident and raised ECE in our experiments. A caveat from the experiments, not a prediction for this model.`,
  );
  return notes;
}
