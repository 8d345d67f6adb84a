import { readCsv } from './readCsv.js';

/** @internal CSV text as records keyed by the header, with each row's line and the header. */
export function csvRecords(
  fn: string,
  text: string,
): { records: Record<string, string>[]; lines: readonly number[]; columns: readonly string[] } {
  const table = readCsv(fn, text);
  const records = table.rows.map((fields) => {
    const r: Record<string, string> = {};
    for (let j = 0; j < fields.length; j++) r[table.columns[j]] = fields[j];
    return r;
  });
  return { records, lines: table.lines, columns: table.columns };
}
