import type { TopLevelSpec } from 'vega-lite';

/**
 * The Okabe–Ito palette (Okabe & Ito 2008), distinguishable with every common
 * form of colour-vision deficiency; black is last.
 */
export const OKABE_ITO = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#D55E00',
  '#CC79A7',
  '#56B4E9',
  '#F0E442',
  '#000000',
] as const;

/** A chart of the report: a file-safe name, a caption and its Vega-Lite spec. */
export interface Chart {
  /** File-safe name, unique in the report: `'C3-trajectory'` → `figures/C3-trajectory.svg`. */
  name: string;
  /** One line saying what the chart shows. */
  caption: string;
  /** The Vega-Lite specification, data inlined. */
  spec: TopLevelSpec;
}

/** The Vega-Lite schema every spec declares. */
export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/**
 * Completes a chart body with the schema URL, the colour-blind safe palette,
 * fonts and sizes shared by every chart of the report.
 *
 * @param body - a Vega-Lite spec without `$schema` and `config`
 * @returns the spec with `$schema` and `config` set
 * @example
 * withConfig({ data: { values: [] }, mark: 'point' }).config?.range?.category; // OKABE_ITO
 */
export function withConfig(body: TopLevelSpec): TopLevelSpec {
  return {
    $schema: VEGA_LITE_SCHEMA,
    ...body,
    config: {
      range: { category: [...OKABE_ITO] },
      font: 'system-ui, sans-serif',
      axis: { labelFontSize: 11, titleFontSize: 12, grid: true, gridOpacity: 0.4 },
      legend: { labelFontSize: 11, titleFontSize: 12, orient: 'bottom' },
      view: { continuousWidth: 360, continuousHeight: 220 },
    },
  } as TopLevelSpec;
}

/**
 * Replaces non-finite numbers (which JSON cannot hold and Vega cannot place)
 * by `null`, so a chart shows a gap rather than failing.
 *
 * @example
 * finiteRows([{ x: 1, y: Number.NaN }]); // [{ x: 1, y: null }]
 */
export function finiteRows(rows: readonly object[]): Record<string, unknown>[] {
  return rows.map((r) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(r)) {
      out[k] = typeof v === 'number' && !Number.isFinite(v) ? null : v;
    }
    return out;
  });
}
