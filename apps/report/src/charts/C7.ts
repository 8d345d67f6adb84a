import type { TopLevelSpec } from 'vega-lite';
import { finiteRows, withConfig } from './chartConfig.js';
import type { SeriesCharts } from './seriesChart.js';

/**
 * Charts of C7 (regulariser in disguise): KL(u‖p) of label smoothing and
 * KL(p‖u) of the confidence penalty as one logit z_1 goes to −40; the first
 * grows without bound, the second stays under ln K (dashed).
 *
 * @example
 * c7Charts.divergences(rows).spec.mark; // { type: 'line', tooltip: true }
 */
export const c7Charts: SeriesCharts = {
  divergences: (rows) => ({
    caption:
      'KL(u‖p), the term label smoothing adds, is unbounded as p_1 → 0; KL(p‖u), the confidence penalty, never exceeds ln K.',
    spec: withConfig({
      data: { values: finiteRows(rows) },
      mark: { type: 'line', tooltip: true },
      encoding: {
        x: { field: 'z1', type: 'quantitative', title: 'logit z_1 (other logits 0)' },
        y: { field: 'value', type: 'quantitative', title: 'divergence (nats)' },
        color: { field: 'divergence', type: 'nominal', title: '' },
        strokeDash: {
          condition: { test: "datum.divergence === 'ln K'", value: [4, 4] },
          value: [1, 0],
        },
        tooltip: [
          { field: 'divergence', type: 'nominal' },
          { field: 'z1', type: 'quantitative', title: 'z_1' },
          { field: 'value', type: 'quantitative', format: '.6~g' },
        ],
      },
    } as TopLevelSpec),
  }),
};
