import type { TopLevelSpec } from 'vega-lite';
import { finiteRows, withConfig } from './chartConfig.js';

/** Options of {@link reliabilityChart}. */
export interface ReliabilityChartOptions {
  /** A field to draw one panel per value of (e.g. `'experiment'`). */
  facet?: string;
  /** A field to colour by (e.g. `'model'`). */
  color?: string;
}

/**
 * A reliability diagram from rows of `reliabilityDiagram` (`@lslab/calibration`):
 * per bin the accuracy against the mean confidence, with the bootstrap band
 * of the accuracy as an error bar, point size by count, and the diagonal of
 * perfect calibration. Points under the diagonal are over-confident bins.
 *
 * @param rows - rows with `confidence`, `accuracy`, `lower`, `upper`, `count`
 * @param options - an optional facet and colour field
 * @returns a Vega-Lite spec
 * @example
 * reliabilityChart(rows, { facet: 'experiment', color: 'model' }).facet; // { field: 'experiment', … }
 */
export function reliabilityChart(
  rows: readonly object[],
  options: ReliabilityChartOptions = {},
): TopLevelSpec {
  const color = options.color
    ? { color: { field: options.color, type: 'nominal', title: options.color } }
    : {};
  const tooltip = [
    ...(options.facet ? [{ field: options.facet, type: 'nominal' }] : []),
    ...(options.color ? [{ field: options.color, type: 'nominal' }] : []),
    { field: 'lo', type: 'quantitative', title: 'bin from', format: '.3~f' },
    { field: 'hi', type: 'quantitative', title: 'bin to', format: '.3~f' },
    { field: 'count', type: 'quantitative', title: 'samples' },
    { field: 'confidence', type: 'quantitative', title: 'mean confidence', format: '.4f' },
    { field: 'accuracy', type: 'quantitative', format: '.4f' },
    { field: 'lower', type: 'quantitative', title: 'band from', format: '.4f' },
    { field: 'upper', type: 'quantitative', title: 'band to', format: '.4f' },
  ];
  const unit = {
    width: 220,
    height: 220,
    layer: [
      {
        data: { values: [{ a: 0, b: 1 }] },
        mark: { type: 'rule', strokeDash: [4, 4], color: '#777' },
        encoding: {
          x: { field: 'a', type: 'quantitative' },
          y: { field: 'a', type: 'quantitative' },
          x2: { field: 'b' },
          y2: { field: 'b' },
        },
      },
      {
        mark: { type: 'rule', opacity: 0.6 },
        encoding: {
          x: { field: 'confidence', type: 'quantitative' },
          y: { field: 'lower', type: 'quantitative' },
          y2: { field: 'upper' },
          ...color,
        },
      },
      {
        mark: { type: 'point', filled: true, tooltip: true },
        encoding: {
          x: {
            field: 'confidence',
            type: 'quantitative',
            title: 'mean confidence in bin',
            scale: { domain: [0, 1] },
          },
          y: {
            field: 'accuracy',
            type: 'quantitative',
            title: 'accuracy in bin',
            scale: { domain: [0, 1] },
          },
          size: { field: 'count', type: 'quantitative', title: 'samples in bin' },
          ...color,
          tooltip,
        },
      },
    ],
  };
  const values = finiteRows(rows).filter((r) => r.count !== 0 && r.accuracy !== null);
  if (options.facet) {
    return withConfig({
      data: { values },
      facet: { field: options.facet, type: 'nominal', title: null },
      columns: 3,
      spec: unit,
    } as TopLevelSpec);
  }
  return withConfig({ data: { values }, ...unit } as TopLevelSpec);
}
