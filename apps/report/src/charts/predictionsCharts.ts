import type { TopLevelSpec } from 'vega-lite';
import { finiteRows, withConfig } from './chartConfig.js';
import { reliabilityChart } from './reliabilityChart.js';
import type { SeriesCharts } from './seriesChart.js';

/**
 * Charts of the "Your model" chapter: the reliability diagram before and
 * after temperature scaling, the metrics with their bootstrap intervals, and
 * the smECE curve.
 *
 * @example
 * predictionsCharts.reliability(rows).spec; // a reliability diagram coloured by model
 */
export const predictionsCharts: SeriesCharts = {
  reliability: (rows) => ({
    caption:
      'Reliability diagram of your predictions as given and after temperature scaling, with 95% bootstrap bands of the accuracy per bin.',
    spec: reliabilityChart(rows, { color: 'model' }),
  }),
  metrics: (rows) => ({
    caption: 'Calibration metrics with their 95% bootstrap intervals.',
    spec: withConfig({
      data: {
        values: finiteRows(rows).filter(
          (r) => !['accuracy', 'mean confidence', 'NLL'].includes(String(r.metric)),
        ),
      },
      layer: [
        {
          mark: { type: 'rule' },
          encoding: {
            y: { field: 'metric', type: 'nominal', title: null, sort: null },
            x: { field: 'lower', type: 'quantitative', title: 'value (95% interval)' },
            x2: { field: 'upper' },
          },
        },
        {
          mark: { type: 'point', filled: true, size: 60, tooltip: true, color: '#0072B2' },
          encoding: {
            y: { field: 'metric', type: 'nominal', sort: null },
            x: { field: 'estimate', type: 'quantitative' },
            tooltip: [
              { field: 'metric', type: 'nominal' },
              { field: 'estimate', type: 'quantitative', format: '.4f' },
              { field: 'lower', type: 'quantitative', title: '95% from', format: '.4f' },
              { field: 'upper', type: 'quantitative', title: '95% to', format: '.4f' },
            ],
          },
        },
      ],
    } as TopLevelSpec),
  }),
  smooth: (rows) => ({
    caption:
      'smECE: the kernel-smoothed residual (accuracy − confidence) against confidence; below 0 the model is over-confident there. The grey area is the density of confidences.',
    spec: withConfig({
      data: { values: finiteRows(rows) },
      layer: [
        {
          mark: { type: 'area', color: '#999', opacity: 0.3 },
          encoding: {
            x: { field: 'confidence', type: 'quantitative', title: 'confidence' },
            y: { field: 'density', type: 'quantitative', title: 'density of confidences' },
          },
        },
        {
          mark: { type: 'line', color: '#D55E00', tooltip: true },
          encoding: {
            x: { field: 'confidence', type: 'quantitative' },
            y: {
              field: 'smoothedResidual',
              type: 'quantitative',
              title: 'smoothed residual y − f',
            },
            tooltip: [
              { field: 'confidence', type: 'quantitative', format: '.3f' },
              { field: 'smoothedResidual', type: 'quantitative', title: 'residual', format: '.4f' },
              { field: 'density', type: 'quantitative', format: '.3f' },
            ],
          },
        },
      ],
      resolve: { scale: { y: 'independent' } },
    } as TopLevelSpec),
  }),
};
