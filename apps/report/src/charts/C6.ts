import type { TopLevelSpec } from 'vega-lite';
import { finiteRows, withConfig } from './chartConfig.js';
import type { SeriesCharts } from './seriesChart.js';

/** The three spread measures of a row of `spreads`, one tidy row each. */
function spreadRows(rows: readonly object[]): Record<string, unknown>[] {
  const measures = [
    ['spread of the gap', 'spread', 'spreadLo', 'spreadHi'],
    ['relative spread', 'relativeSpread', 'relativeLo', 'relativeHi'],
    ['scatter ratio', 'scatterRatio', 'scatterLo', 'scatterHi'],
  ] as const;
  return finiteRows(rows).flatMap((r) =>
    measures.map(([measure, v, lo, hi]) => ({
      dataset: r.dataset,
      target: r.target,
      measure,
      value: r[v],
      lo: r[lo],
      hi: r[hi],
    })),
  );
}

/**
 * Charts of C6 (optimal margin): the trained logit gap against its optimum;
 * the spread measures with intervals; the logit-gap quantiles, hard vs
 * smoothed; the template-projection scatter coloured by class.
 *
 * @example
 * c6Charts.projection(rows).spec.facet; // { row: dataset, column: target }
 */
export const c6Charts: SeriesCharts = {
  optimum: (rows) => ({
    caption:
      'The logit gap reached by training (bars) against the optimum ln((1 − α)K/α + 1) or its convention’s twin (ticks), for free logits and unconstrained features.',
    spec: withConfig({
      data: { values: finiteRows(rows) },
      transform: [{ calculate: "datum.model + ', ' + datum.convention", as: 'setting' }],
      layer: [
        {
          mark: { type: 'bar', tooltip: true },
          encoding: {
            y: { field: 'setting', type: 'nominal', title: null },
            x: { field: 'gap', type: 'quantitative', title: 'logit gap z_y − z_k' },
            color: { field: 'convention', type: 'nominal', title: 'convention' },
            tooltip: [
              { field: 'model', type: 'nominal' },
              { field: 'convention', type: 'nominal' },
              { field: 'K', type: 'quantitative' },
              { field: 'gap', type: 'quantitative', format: '.6f' },
              { field: 'optimum', type: 'quantitative', format: '.6f' },
              { field: 'steps', type: 'quantitative' },
            ],
          },
        },
        {
          mark: { type: 'tick', color: '#000000', thickness: 2 },
          encoding: {
            y: { field: 'setting', type: 'nominal' },
            x: { field: 'optimum', type: 'quantitative' },
          },
        },
      ],
    } as TopLevelSpec),
  }),
  spreads: (rows) => ({
    caption:
      'How tightly the per-example logit gaps cluster, hard vs smoothed, with 95% bootstrap intervals: smoothing shrinks the spread of the gap.',
    spec: withConfig({
      data: { values: spreadRows(rows) },
      facet: { field: 'measure', type: 'nominal', title: null },
      resolve: { scale: { y: 'independent' } },
      spec: {
        width: 160,
        height: 160,
        layer: [
          {
            mark: { type: 'rule', strokeWidth: 2 },
            encoding: {
              x: { field: 'dataset', type: 'nominal', title: 'data set' },
              xOffset: { field: 'target', type: 'nominal' },
              y: { field: 'lo', type: 'quantitative', title: 'value (logit units or ratio)' },
              y2: { field: 'hi' },
              color: { field: 'target', type: 'nominal', title: 'target' },
            },
          },
          {
            mark: { type: 'point', filled: true, tooltip: true },
            encoding: {
              x: { field: 'dataset', type: 'nominal' },
              xOffset: { field: 'target', type: 'nominal' },
              y: { field: 'value', type: 'quantitative' },
              color: { field: 'target', type: 'nominal' },
              tooltip: [
                { field: 'dataset', type: 'nominal' },
                { field: 'target', type: 'nominal' },
                { field: 'measure', type: 'nominal' },
                { field: 'value', type: 'quantitative', format: '.4f' },
                { field: 'lo', type: 'quantitative', title: '95% from', format: '.4f' },
                { field: 'hi', type: 'quantitative', title: '95% to', format: '.4f' },
              ],
            },
          },
        ],
      },
    } as TopLevelSpec),
  }),
  gapQuantiles: (rows) => ({
    caption:
      'Distributions of the logit gap as quantile curves, hard vs smoothed: the minimum gap, the mean gap and the gap variance of each example.',
    spec: withConfig({
      data: { values: finiteRows(rows) },
      facet: {
        row: { field: 'statistic', type: 'nominal', title: null },
        column: { field: 'dataset', type: 'nominal', title: null },
      },
      resolve: { scale: { y: 'independent' } },
      spec: {
        width: 200,
        height: 130,
        mark: { type: 'line', point: true, tooltip: true },
        encoding: {
          x: {
            field: 'level',
            type: 'quantitative',
            title: 'quantile level',
            axis: { format: '.0%' },
          },
          y: { field: 'value', type: 'quantitative', title: 'logit gap (logit units)' },
          color: { field: 'target', type: 'nominal', title: 'target' },
          tooltip: [
            { field: 'dataset', type: 'nominal' },
            { field: 'target', type: 'nominal' },
            { field: 'statistic', type: 'nominal' },
            { field: 'level', type: 'quantitative', format: '.0%' },
            { field: 'value', type: 'quantitative', format: '.4f' },
          ],
        },
      },
    } as TopLevelSpec),
  }),
  projection: (rows) => ({
    caption:
      'Penultimate features projected on the plane of the class templates, coloured by class: smoothed targets draw each class into a tighter cluster.',
    spec: withConfig({
      data: { values: finiteRows(rows) },
      facet: {
        row: { field: 'dataset', type: 'nominal', title: null },
        column: { field: 'target', type: 'nominal', title: null },
      },
      resolve: { scale: { x: 'independent', y: 'independent' } },
      spec: {
        width: 200,
        height: 200,
        mark: { type: 'point', size: 12, opacity: 0.6, tooltip: true },
        encoding: {
          x: { field: 'u', type: 'quantitative', title: 'projection u' },
          y: { field: 'v', type: 'quantitative', title: 'projection v' },
          color: { field: 'label', type: 'nominal', title: 'class' },
          tooltip: [
            { field: 'label', type: 'nominal', title: 'class' },
            { field: 'u', type: 'quantitative', format: '.3f' },
            { field: 'v', type: 'quantitative', format: '.3f' },
          ],
        },
      },
    } as TopLevelSpec),
  }),
};
