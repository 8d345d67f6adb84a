import type { TopLevelSpec } from 'vega-lite';
import { finiteRows, withConfig } from './chartConfig.js';
import type { SeriesCharts } from './seriesChart.js';

/**
 * Charts of C3 (finite optimum): the logit along gradient descent against t
 * on a log axis (hard labels follow ln t + ln η, smoothed targets level off),
 * and the increments of z_t − ln t per decade, which shrink towards 0.
 *
 * @example
 * c3Charts.trajectory(rows).spec.encoding?.x; // { field: 't', scale: { type: 'log' }, … }
 */
export const c3Charts: SeriesCharts = {
  trajectory: (rows) => ({
    caption:
      'A free binary logit z_t under gradient descent: hard labels grow like ln t without end; smoothed targets converge to ln((1 − α)/α) or ln((2 − α)/α).',
    spec: withConfig({
      data: { values: finiteRows(rows) },
      mark: { type: 'line', tooltip: true },
      encoding: {
        x: {
          field: 't',
          type: 'quantitative',
          title: 'step t (log scale)',
          scale: { type: 'log' },
        },
        y: { field: 'z', type: 'quantitative', title: 'logit z_t' },
        color: { field: 'target', type: 'nominal', title: 'target' },
        strokeDash: {
          condition: { test: "datum.target === 'ln t + ln η'", value: [4, 4] },
          value: [1, 0],
        },
        tooltip: [
          { field: 'target', type: 'nominal' },
          { field: 't', type: 'quantitative' },
          { field: 'z', type: 'quantitative', title: 'z_t', format: '.6~g' },
        ],
      },
    } as TopLevelSpec),
  }),
  increments: (rows) => ({
    caption:
      'Hard labels: the change of z_t − ln t over each decade of steps, on a log axis; it tends to 0, so z_t − ln t converges.',
    spec: withConfig({
      data: { values: finiteRows(rows) },
      transform: [
        { calculate: "format(datum.from, '~s') + '–' + format(datum.to, '~s')", as: 'decade' },
      ],
      mark: { type: 'line', point: true, tooltip: true },
      encoding: {
        x: { field: 'decade', type: 'ordinal', title: 'steps', sort: { field: 'from' } },
        y: {
          field: 'increment',
          type: 'quantitative',
          title: 'Δ(z_t − ln t) (log scale)',
          scale: { type: 'log' },
        },
        tooltip: [
          { field: 'from', type: 'quantitative' },
          { field: 'to', type: 'quantitative' },
          { field: 'increment', type: 'quantitative', format: '.4~e' },
        ],
      },
    } as TopLevelSpec),
  }),
};
