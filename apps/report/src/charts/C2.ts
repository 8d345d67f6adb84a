import type { TopLevelSpec } from 'vega-lite';
import { finiteRows, withConfig } from './chartConfig.js';
import type { SeriesCharts } from './seriesChart.js';

/**
 * Charts of C2 (gradient = prediction − target): every gradient component by
 * central differences against softmax(z) − q; the points sit on the diagonal.
 *
 * @example
 * c2Charts.gradient(rows).spec.layer?.length; // 2
 */
export const c2Charts: SeriesCharts = {
  gradient: (rows) => ({
    caption:
      'Each component of ∂ℓ/∂z by central differences against p − q, over random logits and targets; the diagonal is equality.',
    spec: withConfig({
      data: { values: finiteRows(rows) },
      layer: [
        {
          data: { values: [{ a: -1, b: 1 }] },
          mark: { type: 'rule', strokeDash: [4, 4], color: '#777' },
          encoding: {
            x: { field: 'a', type: 'quantitative' },
            y: { field: 'a', type: 'quantitative' },
            x2: { field: 'b' },
            y2: { field: 'b' },
          },
        },
        {
          mark: { type: 'point', filled: true, opacity: 0.7, tooltip: true },
          encoding: {
            x: { field: 'predictionMinusTarget', type: 'quantitative', title: 'p_k − q_k' },
            y: {
              field: 'finiteDifference',
              type: 'quantitative',
              title: '∂ℓ/∂z_k (central differences)',
            },
            color: { field: 'class', type: 'nominal', title: 'class k' },
            tooltip: [
              { field: 'trial', type: 'quantitative' },
              { field: 'class', type: 'nominal' },
              {
                field: 'predictionMinusTarget',
                type: 'quantitative',
                title: 'p − q',
                format: '.10~g',
              },
              {
                field: 'finiteDifference',
                type: 'quantitative',
                title: 'difference quotient',
                format: '.10~g',
              },
            ],
          },
        },
      ],
    } as TopLevelSpec),
  }),
};
