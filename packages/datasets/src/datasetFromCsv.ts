import type { Dataset } from '@lslab/models';
import type { RecordSpec } from './datasetFromRecords.js';
import { csvRecords } from './internal/csvRecords.js';
import { recordsToDataset } from './internal/recordsToDataset.js';

/**
 * Parses CSV text with a header line ({@link parseCsv}) and reads it into a
 * `Dataset` as {@link datasetFromRecords} does. Errors about a value carry the
 * one-based line of the file on which its row starts; a feature or label
 * column that the header does not have is named, with the header's columns.
 *
 * @param text - CSV with a header line
 * @param spec - feature columns, label column, class order, missing-value policy
 * @returns the data set (`meta.rowsRead` counts the data lines read)
 * @throws LslabError `E_PARSE` (malformed CSV or a non-numeric feature, with
 *   line and column), `E_OPTION` (an unknown column or spec key), `E_RANGE`
 *   (text too long), `E_EMPTY`, `E_NOT_FINITE`, `E_LABEL` as in
 *   {@link datasetFromRecords}
 * @example
 * const ds = datasetFromCsv('t,w\n1.5,rain\n2,sun\n', { features: ['t'], label: 'w' });
 * [ds.classNames, Array.from(ds.y)]; // [['rain', 'sun'], [0, 1]]
 */
export function datasetFromCsv(text: string, spec: RecordSpec<Record<string, string>>): Dataset {
  const fn = 'datasetFromCsv';
  const csv = csvRecords(fn, text);
  return recordsToDataset(fn, csv.records, spec, { ...csv, argument: 'text' });
}
