import type { TopLevelSpec } from 'vega-lite';
import { finiteRows, withConfig } from './chartConfig.js';
import type { SeriesCharts } from './seriesChart.js';

/**
 * Charts of C11 (Lipschitz constant of the loss in the logits): per norm, the
 * smoothed constant (closed form, vertex maximum, search) beside the hard-label
 * one; and the ℓ2 constant against α per K with the hard-label √2 reference.
 *
 * @example
 * c11Charts.effect(rows).spec.layer?.length; // 2
 */
export const c11Charts: SeriesCharts = {
  norms: (rows) => ({
    caption:
      'Lipschitz constant of the smoothed cross-entropy in the logits, per norm and smoothing convention: closed form, maximum over vertices and a search agree, slightly under the hard-label value.',
    spec: withConfig({
      data: { values: finiteRows(rows) },
      transform: [
        { fold: ['hardLabels', 'closedForm', 'vertices', 'search'], as: ['method', 'lipschitz'] },
        {
          calculate:
            "datum.method === 'hardLabels' ? 'hard labels' : datum.method === 'closedForm' ? 'smoothed, closed form' : datum.method === 'vertices' ? 'smoothed, vertex maximum' : 'smoothed, search'",
          as: 'method',
        },
      ],
      facet: { field: 'convention', type: 'nominal', title: 'smoothing convention' },
      spec: {
        width: 220,
        height: 180,
        mark: { type: 'point', filled: true, size: 60, tooltip: true },
        encoding: {
          x: { field: 'norm', type: 'nominal', title: 'norm on the logits' },
          xOffset: { field: 'method', type: 'nominal' },
          y: { field: 'lipschitz', type: 'quantitative', title: 'Lipschitz constant L' },
          color: { field: 'method', type: 'nominal', title: 'constant' },
          tooltip: [
            { field: 'convention', type: 'nominal' },
            { field: 'norm', type: 'nominal' },
            { field: 'alpha', type: 'quantitative', title: 'α' },
            { field: 'K', type: 'quantitative' },
            { field: 'method', type: 'nominal' },
            { field: 'lipschitz', type: 'quantitative', title: 'L', format: '.6f' },
            { field: 'relativeChange', type: 'quantitative', title: 'vs hard', format: '+.3%' },
          ],
        },
      },
    } as TopLevelSpec),
  }),
  effect: (rows) => ({
    caption:
      'The ℓ2 Lipschitz constant of the smoothed loss against α, one line per number of classes K; the dashed line is √2, the hard-label value.',
    spec: withConfig({
      data: { values: finiteRows(rows) },
      transform: [{ calculate: 'SQRT2 * (1 + datum.relativeChange)', as: 'lipschitz' }],
      layer: [
        {
          mark: { type: 'rule', strokeDash: [4, 4], color: '#000000' },
          encoding: { y: { datum: Math.SQRT2 } },
        },
        {
          mark: { type: 'line', point: true, tooltip: true },
          encoding: {
            x: { field: 'alpha', type: 'quantitative', title: 'smoothing α' },
            y: {
              field: 'lipschitz',
              type: 'quantitative',
              title: 'ℓ2 Lipschitz constant L',
              scale: { zero: false },
            },
            color: { field: 'K', type: 'ordinal', title: 'classes K' },
            tooltip: [
              { field: 'K', type: 'quantitative' },
              { field: 'alpha', type: 'quantitative', title: 'α' },
              { field: 'lipschitz', type: 'quantitative', title: 'L', format: '.6f' },
              { field: 'relativeChange', type: 'quantitative', title: 'vs √2', format: '+.3%' },
            ],
          },
        },
      ],
    } as TopLevelSpec),
  }),
};
