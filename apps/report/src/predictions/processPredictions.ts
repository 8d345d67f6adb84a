import type { Chart } from '../charts/chartConfig.js';
import { renderSvg } from '../renderSvg.js';
import { analysePredictions, type PredictionsReport } from './analysePredictions.js';
import { predictionChartsOf } from './predictionsChapter.js';
import type { Predictions } from './readPredictions.js';

/** The "Your model" analysis with its charts and their SVGs. */
export interface ProcessedModel {
  report: PredictionsReport;
  charts: Chart[];
  /** Chart name → SVG document. */
  svgs: Record<string, string>;
  /** Wall time in milliseconds (not part of the results). */
  ms: number;
}

/**
 * Analyses predictions, builds the charts of "Your model" and renders each to
 * SVG: a unit of work of the report, like a claim, done in a worker thread or
 * in this one.
 *
 * @param predictions - from `readPredictions`
 * @param seed - the bootstrap seed
 * @returns the analysis, charts and SVGs
 * @throws LslabError from the metrics
 * @example
 * (await processPredictions(readPredictions(text), 0)).charts.length; // 3
 */
export async function processPredictions(
  predictions: Predictions,
  seed: number,
): Promise<ProcessedModel> {
  const start = performance.now();
  const report = analysePredictions(predictions, seed);
  const charts = predictionChartsOf(report);
  const svgs: Record<string, string> = {};
  for (const c of charts) svgs[c.name] = await renderSvg(c.spec);
  return { report, charts, svgs, ms: performance.now() - start };
}
