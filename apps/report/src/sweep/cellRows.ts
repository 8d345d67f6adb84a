import type { ClaimReport } from '../runClaims.js';
import type { Cell } from './expandGrid.js';

/**
 * The tidy rows of one cell, as JSON Lines (each line one JSON object, with
 * a final newline): one row per check (`kind: 'check'`: name, comparison,
 * expected, measured, tolerance, holds) then one per series row
 * (`kind: 'series'`: the series name and the row under `row`). Every row
 * starts with the cell's key, the claim, the swept values (`params`), the
 * replicate and the seed. NaN and ±∞ are written as `null`. The same report
 * gives the same bytes.
 *
 * @param cell - the cell
 * @param report - the claim's report for it
 * @returns the cell's lines
 * @example
 * cellRows(cell, report)[0]; // '{"cell":"K=3","claim":"C1.smoothed-targets","params":{"K":3},…,"kind":"check",…}\n'
 */
export function cellRows(cell: Cell, report: ClaimReport): string[] {
  const head = {
    cell: cell.key,
    claim: report.id,
    params: cell.values,
    replicate: cell.replicate,
    seed: cell.seed,
  };
  const lines: string[] = [];
  for (const c of report.checks) {
    const row = {
      ...head,
      kind: 'check',
      name: c.name,
      comparison: c.comparison,
      expected: c.expected,
      measured: c.measured,
      tolerance: c.tolerance,
      holds: c.holds,
    };
    lines.push(`${JSON.stringify(row)}\n`);
  }
  for (const [series, rows] of Object.entries(report.series)) {
    for (const r of rows)
      lines.push(`${JSON.stringify({ ...head, kind: 'series', series, row: r })}\n`);
  }
  return lines;
}
