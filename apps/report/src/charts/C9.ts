import type { TopLevelSpec } from 'vega-lite';
import { finiteRows, withConfig } from './chartConfig.js';
import type { SeriesCharts } from './seriesChart.js';

/**
 * Charts of C9 (training rhythm): the gradient norm against the true-class
 * probability p_y, hard labels and both smoothing conventions.
 *
 * @example
 * c9Charts.norms(rows).spec.encoding?.x; // { field: 'py', … }
 */
export const c9Charts: SeriesCharts = {
  norms: (rows) => ({
    caption:
      '‖∇_z ℓ‖ against p_y (other classes equal): smoothing gives the smaller gradient early and keeps a restoring force α(e_y − u) as p_y → 1.',
    spec: withConfig({
      data: { values: finiteRows(rows) },
      mark: { type: 'line', tooltip: true },
      encoding: {
        x: { field: 'py', type: 'quantitative', title: 'p_y (probability of the true class)' },
        y: { field: 'norm', type: 'quantitative', title: '‖∇_z ℓ‖₂' },
        color: { field: 'gradient', type: 'nominal', title: 'target' },
        tooltip: [
          { field: 'gradient', type: 'nominal', title: 'target' },
          { field: 'py', type: 'quantitative', title: 'p_y', format: '.4~g' },
          { field: 'norm', type: 'quantitative', title: '‖∇‖', format: '.6~g' },
        ],
      },
    } as TopLevelSpec),
  }),
};
