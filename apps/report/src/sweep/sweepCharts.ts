import type { TopLevelSpec } from 'vega-lite';
import { type Chart, withConfig } from '../charts/chartConfig.js';
import type { SweepRow } from './readSweepRows.js';

/** One point of a sweep chart: a check's measurements over seeds at one parameter point. */
export interface SweepPoint {
  x: number;
  group: string;
  mean: number;
  lo: number;
  hi: number;
  expected: number | null;
  seeds: number;
}

/** The z quantile of a two-sided 95% normal interval. */
const Z95 = 1.959963984540054;

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/**
 * The points of one check over a sweep: for each parameter point, the mean
 * of the finite measurements over seeds and the 95% normal interval of that
 * mean, mean ± z·s/√n (s the sample standard deviation; the mean alone when n = 1).
 *
 * @param rows - the check's rows
 * @param x - the swept parameter on the x axis
 * @returns one point per (x, other parameters), in order of first appearance
 * @example
 * sweepPoints(rows, 'alpha')[0]; // { x: 0, group: 'K=3', mean: …, lo: …, hi: …, seeds: 5 }
 */
export function sweepPoints(rows: readonly SweepRow[], x: string): SweepPoint[] {
  const groups = new Map<string, { x: number; group: string; ms: number[]; es: number[] }>();
  for (const r of rows) {
    const others = Object.entries(r.params)
      .filter(([k]) => k !== x)
      .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
      .join(', ');
    const id = `${JSON.stringify(r.params[x])}|${others}`;
    let g = groups.get(id);
    if (!g) {
      g = { x: r.params[x] as number, group: others, ms: [], es: [] };
      groups.set(id, g);
    }
    if (typeof r.measured === 'number') g.ms.push(r.measured);
    if (typeof r.expected === 'number') g.es.push(r.expected);
  }
  return [...groups.values()]
    .filter((g) => g.ms.length > 0)
    .map((g) => {
      const m = mean(g.ms);
      const n = g.ms.length;
      const sd = n > 1 ? Math.sqrt(g.ms.reduce((s, v) => s + (v - m) ** 2, 0) / (n - 1)) : 0;
      const half = (Z95 * sd) / Math.sqrt(n);
      return {
        x: g.x,
        group: g.group,
        mean: m,
        lo: m - half,
        hi: m + half,
        expected: g.es.length > 0 ? mean(g.es) : null,
        seeds: n,
      };
    });
}

/**
 * The charts of a sweep: for each check, its measured value against the
 * first numeric swept parameter (log scale when it spans more than a factor
 * 100), the mean over seeds as a line with its 95% interval as a band, the
 * expected value dashed, one colour per combination of the other parameters.
 *
 * @param rows - every row of the sweep
 * @returns one chart per check (none when no swept parameter is numeric)
 * @example
 * sweepCharts(rows).map((c) => c.name); // ['sweep-1', 'sweep-2', …]
 */
export function sweepCharts(rows: readonly SweepRow[]): Chart[] {
  const checks = rows.filter((r) => r.kind === 'check');
  if (checks.length === 0) return [];
  const axes = Object.keys(checks[0].params);
  const x = axes.find((a) => {
    const vs = new Set(checks.map((r) => r.params[a]));
    return vs.size > 1 && [...vs].every((v) => typeof v === 'number');
  });
  if (x === undefined) return [];
  const xs = checks.map((r) => r.params[x] as number);
  const log = Math.min(...xs) > 0 && Math.max(...xs) / Math.min(...xs) > 100;
  const names = [...new Set(checks.map((r) => r.name as string))];
  return names.map((name, i) => {
    const points = sweepPoints(
      checks.filter((r) => r.name === name),
      x,
    );
    const grouped = new Set(points.map((p) => p.group)).size > 1;
    const color = grouped ? { color: { field: 'group', type: 'nominal', title: null } } : {};
    const xEnc = {
      field: 'x',
      type: 'quantitative',
      title: x,
      scale: log ? { type: 'log' } : { zero: false },
    };
    const spec = withConfig({
      title: name,
      data: { values: points },
      encoding: { x: xEnc, ...color },
      layer: [
        {
          mark: { type: 'area', opacity: 0.25 },
          encoding: {
            y: {
              field: 'lo',
              type: 'quantitative',
              title: 'measured',
              axis: { format: '~g' },
              scale: { zero: false },
            },
            y2: { field: 'hi' },
          },
        },
        {
          mark: { type: 'line', point: true, tooltip: true },
          encoding: { y: { field: 'mean', type: 'quantitative' } },
        },
        {
          transform: [{ filter: 'isValid(datum.expected)' }],
          mark: { type: 'line', strokeDash: [4, 3] },
          encoding: { y: { field: 'expected', type: 'quantitative' } },
        },
      ],
    } as TopLevelSpec);
    const seeds = Math.max(...points.map((p) => p.seeds));
    return {
      name: `sweep-${i + 1}`,
      caption: `${name}: measured against ${x}, mean over ${seeds} seed${seeds > 1 ? 's' : ''} with its 95% interval; dashed: expected.`,
      spec,
    };
  });
}
