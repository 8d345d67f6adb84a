import type { Dataset } from './dataset.js';
import { datasetFromRecords, type RecordSpec } from './datasetFromRecords.js';
import { parseCsv } from './parseCsv.js';

/**
 * Parses CSV text with a header line ({@link parseCsv}) and reads it into a
 * {@link Dataset} ({@link datasetFromRecords}). Errors about a value carry the
 * one-based line of the file on which its row starts.
 *
 * @param text - CSV with a header line
 * @param spec - feature columns, label column, class order, missing-value policy
 * @returns the data set (`meta.rowsRead` counts the data lines read)
 * @throws LslabError `E_PARSE` (malformed CSV or a non-numeric feature, with
 *   line and column), `E_EMPTY`, `E_NOT_FINITE`, `E_LABEL` as in
 *   {@link datasetFromRecords}
 * @example
 * const ds = datasetFromCsv('t,w\n1.5,rain\n2,sun\n', { features: ['t'], label: 'w' });
 * [ds.classNames, Array.from(ds.y)]; // [['rain', 'sun'], [0, 1]]
 */
export function datasetFromCsv(text: string, spec: RecordSpec<Record<string, string>>): Dataset {
  const table = parseCsv(text);
  const records = table.rows.map((fields) => {
    const r: Record<string, string> = {};
    for (let j = 0; j < fields.length; j++) r[table.columns[j]] = fields[j];
    return r;
  });
  return datasetFromRecords(records, { ...spec, lines: table.lines });
}
