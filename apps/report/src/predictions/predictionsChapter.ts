import type { Chart } from '../charts/chartConfig.js';
import { predictionsCharts } from '../charts/predictionsCharts.js';
import { formatNumber } from '../formatNumber.js';
import type { PageBlock, PageChapter } from '../pageData.js';
import type { PredictionsReport } from './analysePredictions.js';

/** The example file the how-to names. */
export const EXAMPLE_PREDICTIONS = 'examples/predictions/overconfident.csv';

/**
 * The charts of a predictions analysis, named `model-<series>`.
 *
 * @example
 * predictionChartsOf(report).map((c) => c.name); // ['model-metrics', 'model-reliability', 'model-smooth']
 */
export function predictionChartsOf(r: PredictionsReport): Chart[] {
  return Object.entries(r.series).flatMap(([name, rows]) => {
    const build = predictionsCharts[name];
    if (!build) return [];
    return [build(rows)]
      .flat()
      .map((p) => ({ name: `model-${name}`, caption: p.caption, spec: p.spec }));
  });
}

const f = (x: number) => formatNumber(x, 4);

/**
 * The last chapter, "Your model": the analysis of `--predictions` when given,
 * otherwise how to get one, with the example file.
 *
 * @param r - the analysis, or `undefined`
 * @param charts - its charts
 * @returns the chapter
 * @example
 * predictionsChapter(undefined, []).cells[0].kind; // 'block'
 */
export function predictionsChapter(r: PredictionsReport | undefined, charts: Chart[]): PageChapter {
  const base = { id: 'your-model', title: 'Your model' };
  if (r === undefined) {
    const block: PageBlock = {
      title: 'Analyse your own predictions',
      paragraphs: [
        'Give the report a CSV or JSON file of your model’s predictions on held-out data: a label column (label, y or target) and one column per class, probabilities (p_<class>) or logits (logit_<class>, or any names with --logits). A label is a class index from 0 or a class name.',
        'This chapter then shows accuracy, NLL, Brier, every ECE variant with bootstrap intervals, smECE, a reliability diagram, temperature scaling before and after, and what the C8 experiments say label smoothing would be expected to do.',
      ],
      code: `npx -y pnpm@12.4.2 lslab report --predictions ${EXAMPLE_PREDICTIONS}`,
      notes: [],
      charts: [],
    };
    return {
      ...base,
      intro: 'A calibration analysis of your own model.',
      cells: [{ kind: 'block', block }],
    };
  }
  const t = r.temperature;
  const summary: PageBlock = {
    title: `Calibration of ${r.file}`,
    paragraphs: [
      `${r.rows} rows, ${r.classes.length} classes (${r.classes.join(', ')}), given as ${r.kind}. Intervals: 95% percentile bootstrap, seed ${r.seed}.`,
      `Over-confident part of the ECE: ${f(r.overconfidence)}; under-confident part: ${f(r.underconfidence)}.`,
    ],
    table: {
      header: ['metric', 'estimate', '95% interval', 'resamples', 'what it is'],
      rows: r.metrics.map((m) => [
        m.metric,
        f(m.estimate),
        m.lower === null || m.upper === null ? '–' : `[${f(m.lower)}, ${f(m.upper)}]`,
        String(m.resamples),
        m.about,
      ]),
    },
    notes: [],
    charts: charts.filter((c) => c.name !== 'model-reliability'),
  };
  const temperature: PageBlock = {
    title: 'Temperature scaling',
    paragraphs: [
      `Fitted temperature T = ${formatNumber(t.temperature, 6)} (${t.status}). NLL ${f(t.nllBefore)} → ${f(t.nllAfter)}; ECE ${f(t.eceBefore)} → ${f(t.eceAfter)}.`,
    ],
    notes: r.notes,
    charts: charts.filter((c) => c.name === 'model-reliability'),
  };
  const classes: PageBlock = {
    title: 'Per class',
    paragraphs: [
      'How often each class is the label and the prediction, its recall, and its mean predicted probability (equal to its frequency for a model calibrated in the large). Also in classes.csv.',
    ],
    table: {
      header: ['class', 'support', 'frequency', 'predicted', 'recall', 'mean probability'],
      rows: r.perClass.map((c) => [
        c.class,
        String(c.support),
        f(c.frequency),
        String(c.predicted),
        c.recall === null ? '–' : f(c.recall),
        f(c.meanProbability),
      ]),
    },
    notes: [],
    charts: [],
  };
  return {
    ...base,
    intro: `The calibration of the predictions in ${r.file}, with the metrics of @lslab/calibration.`,
    cells: [
      { kind: 'block', block: summary },
      { kind: 'block', block: temperature },
      { kind: 'block', block: classes },
    ],
  };
}
