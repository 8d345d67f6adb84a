import { claimPrefix } from '../catalogue.js';
import { c1Charts } from './C1.js';
import { c2Charts } from './C2.js';
import { c3Charts } from './C3.js';
import { c4Charts } from './C4.js';
import { c5Charts } from './C5.js';
import { c6Charts } from './C6.js';
import { c7Charts } from './C7.js';
import { c8Charts } from './C8.js';
import { c9Charts } from './C9.js';
import { c10Charts } from './C10.js';
import { c11Charts } from './C11.js';
import type { Chart } from './chartConfig.js';
import { genericChart } from './genericChart.js';
import type { SeriesCharts } from './seriesChart.js';

/**
 * The dedicated chart builders, keyed by claim prefix and then series name.
 * A series with no builder here gets {@link genericChart}.
 */
export const chartBuilders: Readonly<Record<string, SeriesCharts>> = {
  C1: c1Charts,
  C2: c2Charts,
  C3: c3Charts,
  C4: c4Charts,
  C5: c5Charts,
  C6: c6Charts,
  C7: c7Charts,
  C8: c8Charts,
  C9: c9Charts,
  C10: c10Charts,
  C11: c11Charts,
};

/**
 * Turns a file-unsafe string into a name for `figures/<name>.svg`.
 *
 * @example
 * fileSafe('C8 / ECE α'); // 'C8-ECE'
 */
export function fileSafe(s: string): string {
  return s
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}

/**
 * The charts of one claim: each series through its builder (by claim prefix
 * and series name), or the generic chart when there is none. Empty series
 * give no chart.
 *
 * @param id - the claim id, e.g. `'C8.smoothing-calibration'`
 * @param series - the claim's series
 * @returns named charts, in series order
 * @example
 * chartsForClaim('C9.training-rhythm', result.series).map((c) => c.name); // ['C9-norms']
 */
export function chartsForClaim(id: string, series: Record<string, object[]>): Chart[] {
  const prefix = claimPrefix(id);
  const builders = chartBuilders[prefix] ?? {};
  const charts: Chart[] = [];
  for (const [name, rows] of Object.entries(series)) {
    if (rows.length === 0) continue;
    const builder = builders[name];
    const parts = builder
      ? [builder(rows)].flat()
      : [
          {
            caption: `The series “${name}” of ${id}.`,
            spec: genericChart(rows, `${prefix} · ${name}`),
          },
        ];
    for (const part of parts) {
      const base = fileSafe(`${prefix}-${name}`);
      charts.push({
        name: part.suffix ? `${base}-${fileSafe(part.suffix)}` : base,
        caption: part.caption,
        spec: part.spec,
      });
    }
  }
  return charts;
}
