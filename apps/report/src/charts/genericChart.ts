import type { TopLevelSpec } from 'vega-lite';
import { finiteRows, withConfig } from './chartConfig.js';

function fieldsOf(rows: readonly Record<string, unknown>[]) {
  const keys = rows.length === 0 ? [] : Object.keys(rows[0]);
  const numeric = keys.filter((k) => rows.every((r) => typeof r[k] === 'number' || r[k] === null));
  const nominal = keys.filter(
    (k) => !numeric.includes(k) && rows.every((r) => ['string', 'boolean'].includes(typeof r[k])),
  );
  return { keys, numeric, nominal };
}

/**
 * A sensible chart for a series that has no dedicated builder, so that a new
 * claim appears in the report with no edit to the app: with two numeric
 * fields, points of the second against the first, coloured by the first
 * text field; with one, bars of it per text field; otherwise a count of rows.
 * Every field is in the tooltip.
 *
 * @param rows - tidy rows of one series
 * @param title - the chart title, e.g. `'C12 · drift'`
 * @returns a Vega-Lite spec
 * @example
 * genericChart([{ n: 1, err: 0.5, kind: 'a' }], 'C12 · err').mark; // { type: 'point', tooltip: true, filled: true }
 */
export function genericChart(rows: readonly object[], title: string): TopLevelSpec {
  const values = finiteRows(rows);
  const { keys, numeric, nominal } = fieldsOf(values);
  const tooltip = keys.map((field) => ({
    field,
    type: numeric.includes(field) ? 'quantitative' : 'nominal',
  }));
  const color =
    nominal.length > 0 ? { color: { field: nominal[0], type: 'nominal', title: nominal[0] } } : {};
  if (numeric.length >= 2) {
    return withConfig({
      title,
      data: { values },
      mark: { type: 'point', tooltip: true, filled: true },
      encoding: {
        x: { field: numeric[0], type: 'quantitative', title: numeric[0], scale: { zero: false } },
        y: { field: numeric[1], type: 'quantitative', title: numeric[1], scale: { zero: false } },
        ...color,
        tooltip,
      },
    } as TopLevelSpec);
  }
  if (numeric.length === 1 && nominal.length >= 1) {
    const second = nominal.length >= 2 ? { color: { field: nominal[1], type: 'nominal' } } : {};
    return withConfig({
      title,
      data: { values },
      mark: { type: 'bar', tooltip: true },
      encoding: {
        x: { field: nominal[0], type: 'nominal', title: nominal[0] },
        y: { field: numeric[0], type: 'quantitative', title: numeric[0] },
        ...second,
        tooltip,
      },
    } as TopLevelSpec);
  }
  const first = keys[0] ?? 'row';
  return withConfig({
    title,
    data: { values: values.length === 0 ? [{ row: 'no rows' }] : values },
    mark: { type: 'bar', tooltip: true },
    encoding: {
      x: { field: first, type: 'nominal', title: first },
      y: { aggregate: 'count', type: 'quantitative', title: 'rows' },
    },
  } as TopLevelSpec);
}
