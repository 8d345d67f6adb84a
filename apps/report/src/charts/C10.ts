import type { TopLevelSpec } from 'vega-lite';
import { finiteRows, withConfig } from './chartConfig.js';
import type { SeriesCharts } from './seriesChart.js';

/** α as a sequential, colour-blind safe colour (viridis): 11 strengths are too many for a palette. */
const alphaColour = {
  field: 'alpha',
  type: 'quantitative',
  title: 'smoothing α',
  scale: { scheme: 'viridis' },
} as const;

/** The folded `quantity` drawn solid for the first name (measured) and dashed for the second (its reference). */
const solidThenDashed = (domain: [string, string]) => ({
  field: 'quantity',
  type: 'nominal' as const,
  title: null,
  scale: {
    domain,
    range: [
      [1, 0],
      [4, 4],
    ],
  },
});

const logN = {
  field: 'n',
  type: 'quantitative',
  title: 'training set size n (log scale)',
  scale: { type: 'log' },
} as const;

/**
 * Charts of C10 (stability): ‖ΔW‖ against n on log–log axes, one line per α;
 * the same per cell against the label-flip bound; the fitted slopes (≈ −1);
 * the ratio to hard labels against its expectation 1 − α; the bound factors.
 *
 * @example
 * c10Charts.stabilityVsN(rows).spec.encoding?.y; // { field: 'deltaW', scale: { type: 'log' }, … }
 */
export const c10Charts: SeriesCharts = {
  stabilityVsN: (rows) => ({
    caption:
      'Replace-one stability of L2-regularised logistic regression: ‖ΔW‖ against n on log–log axes, one line per α. The lines fall like 1/n and smoothing lowers them.',
    spec: withConfig({
      data: { values: finiteRows(rows) },
      mark: { type: 'line', point: true, tooltip: true },
      encoding: {
        x: logN,
        y: {
          field: 'deltaW',
          type: 'quantitative',
          title: '‖ΔW‖₂ (log scale)',
          scale: { type: 'log' },
        },
        color: alphaColour,
        detail: { field: 'alpha', type: 'nominal' },
        tooltip: [
          { field: 'alpha', type: 'quantitative', title: 'α' },
          { field: 'n', type: 'quantitative' },
          { field: 'deltaW', type: 'quantitative', title: '‖ΔW‖', format: '.4~e' },
        ],
      },
    } as TopLevelSpec),
  }),
  cells: (rows) => ({
    caption:
      'Mean over replaced points of ‖ΔW‖ (solid) and of the bound ‖Δq‖‖x_i‖/(λn) (dashed) against n, log–log, one colour per α: the measurement stays under the bound.',
    spec: withConfig({
      data: { values: finiteRows(rows) },
      transform: [
        {
          aggregate: [
            { op: 'mean', field: 'deltaW', as: 'measured ‖ΔW‖' },
            { op: 'mean', field: 'bound', as: 'bound ‖Δq‖‖x‖/(λn)' },
          ],
          groupby: ['n', 'alpha'],
        },
        { fold: ['measured ‖ΔW‖', 'bound ‖Δq‖‖x‖/(λn)'], as: ['quantity', 'value'] },
      ],
      mark: { type: 'line', tooltip: true },
      encoding: {
        x: logN,
        y: {
          field: 'value',
          type: 'quantitative',
          title: 'mean ‖ΔW‖₂ (log scale)',
          scale: { type: 'log' },
        },
        color: alphaColour,
        detail: { field: 'alpha', type: 'nominal' },
        strokeDash: solidThenDashed(['measured ‖ΔW‖', 'bound ‖Δq‖‖x‖/(λn)']),
        tooltip: [
          { field: 'alpha', type: 'quantitative', title: 'α' },
          { field: 'n', type: 'quantitative' },
          { field: 'quantity', type: 'nominal' },
          { field: 'value', type: 'quantitative', title: 'mean', format: '.4~e' },
        ],
      },
    } as TopLevelSpec),
  }),
  slopes: (rows) => ({
    caption:
      'The fitted slope of ln ‖ΔW‖ against ln n for each α; the dashed line is the predicted −1.',
    spec: withConfig({
      data: { values: finiteRows(rows) },
      layer: [
        {
          mark: { type: 'rule', strokeDash: [4, 4], color: '#D55E00' },
          encoding: { y: { datum: -1 } },
        },
        {
          mark: { type: 'line', point: true, tooltip: true },
          encoding: {
            x: { field: 'alpha', type: 'quantitative', title: 'smoothing α' },
            y: {
              field: 'slope',
              type: 'quantitative',
              title: 'slope d ln‖ΔW‖ / d ln n',
              scale: { zero: false },
            },
            tooltip: [
              { field: 'alpha', type: 'quantitative', title: 'α' },
              { field: 'slope', type: 'quantitative', format: '.5f' },
            ],
          },
        },
      ],
    } as TopLevelSpec),
  }),
  ratio: (rows) => ({
    caption:
      '‖ΔW‖ at α over ‖ΔW‖ with hard labels, against n, one colour per α (solid); the dashed lines are the expectation 1 − α.',
    spec: withConfig({
      data: { values: finiteRows(rows) },
      transform: [{ fold: ['ratio', 'expected'], as: ['quantity', 'value'] }],
      mark: { type: 'line', tooltip: true },
      encoding: {
        x: logN,
        y: { field: 'value', type: 'quantitative', title: '‖ΔW(α)‖ / ‖ΔW(0)‖' },
        color: alphaColour,
        detail: { field: 'alpha', type: 'nominal' },
        strokeDash: solidThenDashed(['ratio', 'expected']),
        tooltip: [
          { field: 'alpha', type: 'quantitative', title: 'α' },
          { field: 'n', type: 'quantitative' },
          { field: 'quantity', type: 'nominal' },
          { field: 'value', type: 'quantitative', format: '.5f' },
        ],
      },
    } as TopLevelSpec),
  }),
  factors: (rows) => ({
    caption:
      'How much smoothing shrinks each stability bound relative to hard labels: the label-flip bound by 1 − α, the Bousquet–Elisseeff bound by (1 − α/2)².',
    spec: withConfig({
      data: { values: finiteRows(rows) },
      transform: [
        { fold: ['labelFlip', 'bousquetElisseeff'], as: ['bound', 'factor'] },
        {
          calculate:
            "datum.bound === 'labelFlip' ? 'label flip (1 − α)' : 'Bousquet–Elisseeff (1 − α/2)²'",
          as: 'bound',
        },
      ],
      mark: { type: 'line', point: true, tooltip: true },
      encoding: {
        x: { field: 'alpha', type: 'quantitative', title: 'smoothing α' },
        y: { field: 'factor', type: 'quantitative', title: 'bound(α) / bound(0)' },
        color: { field: 'bound', type: 'nominal', title: 'bound' },
        tooltip: [
          { field: 'bound', type: 'nominal' },
          { field: 'alpha', type: 'quantitative', title: 'α' },
          { field: 'factor', type: 'quantitative', format: '.5f' },
        ],
      },
    } as TopLevelSpec),
  }),
};
