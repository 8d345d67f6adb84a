import type { TopLevelSpec } from 'vega-lite';
import { finiteRows, withConfig } from './chartConfig.js';
import type { SeriesCharts } from './seriesChart.js';

/** Names α = 0 "hard labels" and any other α "smoothed α = …". */
const target = {
  calculate: "datum.alpha === 0 ? 'hard labels' : 'smoothed α = ' + datum.alpha",
  as: 'target',
};

/**
 * Charts of C4 (saturation): the fraction of saturated hidden units with its
 * 95% interval, hard vs smoothed, per activation; and the saturation along
 * training, one line per seed.
 *
 * @example
 * c4Charts.saturatedFraction(rows).spec.facet; // undefined: one panel, activations on x
 */
export const c4Charts: SeriesCharts = {
  saturatedFraction: (rows) => ({
    caption:
      'Fraction of saturated hidden units (σ′ near 0) at the end of training with a 95% interval over seeds: smoothing lowers it for both activations.',
    spec: withConfig({
      data: { values: finiteRows(rows) },
      transform: [target],
      layer: [
        {
          mark: { type: 'rule', strokeWidth: 2 },
          encoding: {
            x: { field: 'activation', type: 'nominal', title: 'hidden activation' },
            xOffset: { field: 'target', type: 'nominal' },
            y: { field: 'lo', type: 'quantitative', title: 'saturated fraction of hidden units' },
            y2: { field: 'hi' },
            color: { field: 'target', type: 'nominal', title: 'target' },
          },
        },
        {
          mark: { type: 'point', filled: true, size: 60, tooltip: true },
          encoding: {
            x: { field: 'activation', type: 'nominal' },
            xOffset: { field: 'target', type: 'nominal' },
            y: { field: 'mean', type: 'quantitative', axis: { format: '.0%' } },
            color: { field: 'target', type: 'nominal' },
            tooltip: [
              { field: 'activation', type: 'nominal' },
              { field: 'target', type: 'nominal' },
              { field: 'mean', type: 'quantitative', title: 'saturated', format: '.2%' },
              { field: 'lo', type: 'quantitative', title: '95% from', format: '.2%' },
              { field: 'hi', type: 'quantitative', title: '95% to', format: '.2%' },
            ],
          },
        },
      ],
    } as TopLevelSpec),
  }),
  hiddenSaturation: (rows) => ({
    caption:
      'Fraction of saturated hidden units along training, one thin line per seed, per activation: hard labels keep pushing units into the flat part of σ.',
    spec: withConfig({
      data: { values: finiteRows(rows) },
      transform: [target],
      facet: { field: 'activation', type: 'nominal', title: 'hidden activation' },
      resolve: { scale: { y: 'independent' } },
      spec: {
        width: 260,
        height: 180,
        mark: { type: 'line', strokeWidth: 1, opacity: 0.8, tooltip: true },
        encoding: {
          x: { field: 'step', type: 'quantitative', title: 'training step' },
          y: {
            field: 'saturation',
            type: 'quantitative',
            title: 'saturated fraction',
            axis: { format: '.0%' },
          },
          color: { field: 'target', type: 'nominal', title: 'target' },
          detail: { field: 'seed', type: 'nominal' },
          tooltip: [
            { field: 'target', type: 'nominal' },
            { field: 'seed', type: 'quantitative' },
            { field: 'step', type: 'quantitative' },
            { field: 'saturation', type: 'quantitative', format: '.2%' },
          ],
        },
      },
    } as TopLevelSpec),
  }),
};
