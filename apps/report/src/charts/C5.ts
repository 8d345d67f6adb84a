import type { TopLevelSpec } from 'vega-lite';
import { finiteRows, withConfig } from './chartConfig.js';
import type { SeriesCharts } from './seriesChart.js';

/**
 * Charts of C5 (weight growth): ‖w_t‖ against ln t for hard labels (growing
 * like ‖ŵ‖ ln t, dashed) and smoothed targets (levelling off); the angle to
 * the max-margin direction ŵ; the limit norm against ln(1/α).
 *
 * @example
 * c5Charts.normVsLnT(rows).spec.encoding?.x; // { field: 'lnT', … }
 */
export const c5Charts: SeriesCharts = {
  normVsLnT: (rows) => ({
    caption:
      'Logistic regression on separable data: ‖w_t‖ against ln t. Hard labels follow the dashed line ‖ŵ‖ ln t without end; smoothed targets level off at a finite norm.',
    spec: withConfig({
      data: { values: finiteRows(rows) },
      transform: [
        {
          calculate:
            "indexof(datum.target, 'hard') === 0 || indexof(datum.target, 'smoothed') === 0 ? 'gradient descent' : 'asymptote'",
          as: 'kind',
        },
      ],
      mark: { type: 'line', point: true, tooltip: true },
      encoding: {
        x: { field: 'lnT', type: 'quantitative', title: 'ln t (t = gradient step)' },
        y: { field: 'norm', type: 'quantitative', title: '‖w_t‖₂' },
        color: { field: 'target', type: 'nominal', title: 'target' },
        strokeDash: {
          field: 'kind',
          type: 'nominal',
          title: 'curve',
          scale: {
            domain: ['gradient descent', 'asymptote'],
            range: [
              [1, 0],
              [4, 4],
            ],
          },
        },
        tooltip: [
          { field: 'target', type: 'nominal' },
          { field: 't', type: 'quantitative', title: 't' },
          { field: 'lnT', type: 'quantitative', title: 'ln t', format: '.4~g' },
          { field: 'norm', type: 'quantitative', title: '‖w_t‖', format: '.6~g' },
        ],
      },
    } as TopLevelSpec),
  }),
  directionError: (rows) => ({
    caption:
      'Hard labels: the distance of w_t/‖w_t‖ from the max-margin direction ŵ shrinks like 1/ln t, so error × ln t stays bounded.',
    spec: withConfig({
      data: { values: finiteRows(rows) },
      transform: [
        { fold: ['error', 'errorTimesLnT'], as: ['quantity', 'value'] },
        {
          calculate: "datum.quantity === 'error' ? '‖w_t/‖w_t‖ − ŵ‖' : '‖w_t/‖w_t‖ − ŵ‖ · ln t'",
          as: 'quantity',
        },
      ],
      mark: { type: 'line', point: true, tooltip: true },
      encoding: {
        x: { field: 'lnT', type: 'quantitative', title: 'ln t (t = gradient step)' },
        y: { field: 'value', type: 'quantitative', title: 'direction error (dimensionless)' },
        color: { field: 'quantity', type: 'nominal', title: 'quantity' },
        tooltip: [
          { field: 'quantity', type: 'nominal' },
          { field: 't', type: 'quantitative', title: 't' },
          { field: 'value', type: 'quantitative', format: '.4~g' },
        ],
      },
    } as TopLevelSpec),
  }),
  normVsAlpha: (rows) => ({
    caption:
      'The norm where smoothed training levels off, against ln(1/α): it grows about linearly, so hard labels (α → 0) have no finite limit.',
    spec: withConfig({
      data: { values: finiteRows(rows) },
      mark: { type: 'line', point: true, tooltip: true },
      encoding: {
        x: { field: 'lnInvAlpha', type: 'quantitative', title: 'ln(1/α)' },
        y: { field: 'norm', type: 'quantitative', title: 'limit ‖w_∞‖₂' },
        tooltip: [
          { field: 'alpha', type: 'quantitative', title: 'α', format: '.4~g' },
          { field: 'lnInvAlpha', type: 'quantitative', title: 'ln(1/α)', format: '.4~g' },
          { field: 'norm', type: 'quantitative', title: '‖w‖', format: '.6~g' },
        ],
      },
    } as TopLevelSpec),
  }),
};
