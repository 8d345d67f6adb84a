import type { TopLevelSpec } from 'vega-lite';
import { finiteRows, withConfig } from './chartConfig.js';
import { reliabilityChart } from './reliabilityChart.js';
import type { ChartPart, SeriesCharts } from './seriesChart.js';

function metricAgainstAlpha(rows: readonly object[], metric: string, title: string): ChartPart {
  const values = finiteRows(rows).filter((r) => r.metric === metric);
  const smoothing = { filter: "datum.model !== 'temperature scaling'" };
  const temperature = { filter: "datum.model === 'temperature scaling'" };
  const tooltip = [
    { field: 'experiment', type: 'nominal' },
    { field: 'model', type: 'nominal' },
    { field: 'estimate', type: 'quantitative', title: metric, format: '.4f' },
    { field: 'lower', type: 'quantitative', title: '95% from', format: '.4f' },
    { field: 'upper', type: 'quantitative', title: '95% to', format: '.4f' },
  ];
  return {
    suffix: metric === 'ECE' ? 'ece' : 'brier',
    caption: `${metric} against the smoothing strength α with 95% bootstrap intervals; the dashed line and band are temperature scaling of the hard-label model.`,
    spec: withConfig({
      data: { values },
      facet: { field: 'experiment', type: 'nominal', title: null },
      columns: 3,
      resolve: { scale: { y: 'independent' } },
      spec: {
        width: 200,
        height: 160,
        layer: [
          {
            transform: [temperature],
            mark: { type: 'rect', opacity: 0.15, color: '#D55E00' },
            encoding: { y: { field: 'lower', type: 'quantitative' }, y2: { field: 'upper' } },
          },
          {
            transform: [temperature],
            mark: { type: 'rule', strokeDash: [4, 4], color: '#D55E00', tooltip: true },
            encoding: { y: { field: 'estimate', type: 'quantitative' }, tooltip },
          },
          {
            transform: [smoothing],
            mark: { type: 'errorbar', ticks: true },
            encoding: {
              x: { field: 'alpha', type: 'quantitative' },
              y: { field: 'lower', type: 'quantitative', title: title },
              y2: { field: 'upper' },
            },
          },
          {
            transform: [smoothing],
            mark: { type: 'line', point: true, tooltip: true, color: '#0072B2' },
            encoding: {
              x: { field: 'alpha', type: 'quantitative', title: 'smoothing α' },
              y: { field: 'estimate', type: 'quantitative', title: title },
              tooltip,
            },
          },
        ],
      },
    } as TopLevelSpec),
  };
}

/**
 * Charts of C8 (calibration): ECE and Brier against α with the temperature
 * scaling reference; the paired differences with their intervals and
 * verdicts; reliability diagrams with bootstrap bands; the fitted temperature.
 *
 * @example
 * (c8Charts.metrics(rows) as ChartPart[]).map((c) => c.suffix); // ['ece', 'brier']
 */
export const c8Charts: SeriesCharts = {
  metrics: (rows) => [
    metricAgainstAlpha(rows, 'ECE', 'ECE (top-label, 15 bins)'),
    metricAgainstAlpha(rows, 'Brier', 'Brier score'),
  ],
  comparisons: (rows) => ({
    caption:
      'Paired bootstrap differences (reference − smoothed; > 0 means smoothing helps) with 95% intervals: an interval that excludes 0 is a verdict, otherwise a tie.',
    spec: withConfig({
      data: { values: finiteRows(rows) },
      facet: {
        row: { field: 'against', type: 'nominal', title: 'against' },
        column: { field: 'experiment', type: 'nominal', title: null },
      },
      spec: {
        width: 120,
        height: 120,
        layer: [
          { mark: { type: 'rule', color: '#777' }, encoding: { y: { datum: 0 } } },
          {
            mark: { type: 'rule' },
            encoding: {
              x: { field: 'alpha', type: 'ordinal', title: 'α' },
              xOffset: { field: 'metric', type: 'nominal' },
              y: { field: 'lower', type: 'quantitative', title: 'difference' },
              y2: { field: 'upper' },
              color: { field: 'metric', type: 'nominal', title: 'metric' },
            },
          },
          {
            mark: { type: 'point', filled: true, tooltip: true },
            encoding: {
              x: { field: 'alpha', type: 'ordinal' },
              xOffset: { field: 'metric', type: 'nominal' },
              y: { field: 'difference', type: 'quantitative' },
              color: { field: 'metric', type: 'nominal' },
              shape: { field: 'verdict', type: 'nominal', title: 'verdict' },
              tooltip: [
                { field: 'experiment', type: 'nominal' },
                { field: 'metric', type: 'nominal' },
                { field: 'against', type: 'nominal' },
                { field: 'alpha', type: 'quantitative', title: 'α' },
                { field: 'difference', type: 'quantitative', format: '.4f' },
                { field: 'lower', type: 'quantitative', title: '95% from', format: '.4f' },
                { field: 'upper', type: 'quantitative', title: '95% to', format: '.4f' },
                { field: 'verdict', type: 'nominal' },
              ],
            },
          },
        ],
      },
    } as TopLevelSpec),
  }),
  reliability: (rows) => ({
    caption:
      'Reliability diagrams with 95% bootstrap bands of the accuracy per bin: hard labels, α = 0.1 and temperature scaling. Under the diagonal is over-confident.',
    spec: reliabilityChart(rows, { facet: 'experiment', color: 'model' }),
  }),
  temperature: (rows) => ({
    caption:
      'Temperature scaling of the hard-label model: the fitted T (log scale) and how the fit ended (an optimum, or T at its floor on separable data).',
    spec: withConfig({
      data: { values: finiteRows(rows) },
      mark: { type: 'bar', tooltip: true },
      encoding: {
        y: { field: 'experiment', type: 'nominal', title: null },
        x: {
          field: 'temperature',
          type: 'quantitative',
          title: 'fitted temperature T (log scale)',
          scale: { type: 'log' },
        },
        color: { field: 'status', type: 'nominal', title: 'fit' },
        tooltip: [
          { field: 'experiment', type: 'nominal' },
          { field: 'temperature', type: 'quantitative', title: 'T', format: '.4~g' },
          { field: 'nllBefore', type: 'quantitative', title: 'NLL before', format: '.4f' },
          { field: 'nllAfter', type: 'quantitative', title: 'NLL after', format: '.4f' },
          { field: 'status', type: 'nominal' },
        ],
      },
    } as TopLevelSpec),
  }),
};
