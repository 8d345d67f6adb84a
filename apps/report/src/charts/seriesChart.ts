import type { TopLevelSpec } from 'vega-lite';

/** A chart before it is named: what it shows, and its spec. */
export interface ChartPart {
  /** One line saying what the chart shows. */
  caption: string;
  /** The Vega-Lite specification, data inlined. */
  spec: TopLevelSpec;
  /** Appended to the series name in the file name when a series gives several charts. */
  suffix?: string;
}

/** Builds the chart (or charts) of one series of a claim from its tidy rows. */
export type SeriesChart = (rows: readonly object[]) => ChartPart | ChartPart[];

/** The chart builders of one claim, keyed by series name. */
export type SeriesCharts = Readonly<Record<string, SeriesChart>>;
