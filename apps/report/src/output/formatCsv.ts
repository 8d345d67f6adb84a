import { LslabError } from '@lslab/core';

/**
 * A CSV cell. Its JavaScript type decides how it is written: a `number` is a
 * number cell, a `string` is a text cell (even when it looks like a number),
 * `null` is an empty cell.
 */
export type CsvCell = string | number | boolean | null;

/** The first characters that make a spreadsheet read a text cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell as CSV text.
 * - number: its shortest round-trip decimal (`String(x)`: `-0.5`, `1e-7`),
 *   never prefixed, since a spreadsheet reads it as a number, not a formula;
 *   NaN and ±∞ are written as an empty cell (as results.json writes `null`);
 * - boolean: `true` or `false`;
 * - string: prefixed with `'` when it starts with `=`, `+`, `-`, `@`, a tab or
 *   a carriage return (OWASP's advice against formula injection), then quoted
 *   as RFC 4180 says when it holds a comma, a quote, CR or LF (quotes doubled).
 */
function cell(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Writes a table as CSV (RFC 4180: CRLF line ends, a header line, fields
 * quoted when needed) that is safe to open in a spreadsheet: a text cell that
 * would start a formula is prefixed with `'`, so `=HYPERLINK(…)` from a
 * predictions file's class name stays text. Numbers are told from text by
 * their type: pass a measured value as a `number` (it is written as a number
 * and never prefixed, so `-0.5` stays a negative number) and every outside
 * string as a `string`.
 *
 * @param header - the column names (text cells)
 * @param rows - one array of cells a row, each as long as `header`
 * @returns the CSV text, ending with CRLF
 * @throws LslabError `E_SHAPE` when a row's length differs from the header's
 * @example
 * formatCsv(['class', 'x'], [['=1+1', -0.5], ['a,b', null]]);
 * // "class,x\r\n'=1+1,-0.5\r\n\"a,b\",\r\n"
 */
export function formatCsv(
  header: readonly string[],
  rows: readonly (readonly CsvCell[])[],
): string {
  const lines = [header.map(cell).join(',')];
  rows.forEach((row, i) => {
    if (row.length !== header.length) {
      throw new LslabError(
        'E_SHAPE',
        'formatCsv',
        `has ${row.length} cells in row ${i}; the header has ${header.length}`,
        { argument: 'rows', row: i },
      );
    }
    lines.push(row.map(cell).join(','));
  });
  return `${lines.join('\r\n')}\r\n`;
}
