import type { TopLevelSpec } from 'vega-lite';
import { finiteRows, withConfig } from './chartConfig.js';
import type { SeriesCharts } from './seriesChart.js';

/**
 * Charts of C1 (smoothed targets): the smoothed target of every class beside
 * the one-hot target, per convention; and the binary rule t ↦ smoothed t.
 *
 * @example
 * c1Charts.targets(rows).spec.facet; // { column: { field: 'convention', … } }
 */
export const c1Charts: SeriesCharts = {
  targets: (rows) => ({
    caption:
      'Hard (one-hot) and smoothed targets q_k for true class y = label, in both conventions.',
    spec: withConfig({
      data: { values: finiteRows(rows) },
      transform: [
        { calculate: 'datum.class === datum.label ? 1 : 0', as: 'hard' },
        { fold: ['hard', 'q'], as: ['target', 'value'] },
        { calculate: "datum.target === 'q' ? 'smoothed' : 'hard'", as: 'target' },
      ],
      facet: { column: { field: 'convention', type: 'nominal', title: 'convention' } },
      spec: {
        width: 160,
        height: 200,
        mark: { type: 'bar', tooltip: true },
        encoding: {
          x: { field: 'class', type: 'ordinal', title: 'class k' },
          xOffset: { field: 'target', type: 'nominal' },
          y: {
            field: 'value',
            type: 'quantitative',
            title: 'target q_k',
            scale: { domain: [0, 1] },
          },
          color: { field: 'target', type: 'nominal', title: 'target' },
          tooltip: [
            { field: 'convention', type: 'nominal' },
            { field: 'class', type: 'ordinal', title: 'class k' },
            { field: 'target', type: 'nominal' },
            { field: 'value', type: 'quantitative', title: 'q_k', format: '.6~g' },
          ],
        },
      },
    } as TopLevelSpec),
  }),
  binary: (rows) => ({
    caption:
      'Binary targets: t ↦ t(1 − α) + α/2 (uniform, Keras/TF.js) and t ↦ t(1 − 2α) + α (others); the dashed line is t itself.',
    spec: withConfig({
      data: { values: finiteRows(rows) },
      layer: [
        {
          mark: { type: 'rule', strokeDash: [4, 4], color: '#777' },
          data: { values: [{ a: 0, b: 0, c: 1, d: 1 }] },
          encoding: {
            x: { field: 'a', type: 'quantitative' },
            y: { field: 'b', type: 'quantitative' },
            x2: { field: 'c' },
            y2: { field: 'd' },
          },
        },
        {
          mark: { type: 'line', point: true, tooltip: true },
          encoding: {
            x: { field: 't', type: 'quantitative', title: 'hard target t' },
            y: { field: 'smoothed', type: 'quantitative', title: 'smoothed target' },
            color: { field: 'convention', type: 'nominal', title: 'convention' },
            tooltip: [
              { field: 'convention', type: 'nominal' },
              { field: 't', type: 'quantitative' },
              { field: 'smoothed', type: 'quantitative', format: '.6~g' },
            ],
          },
        },
      ],
    } as TopLevelSpec),
  }),
};
