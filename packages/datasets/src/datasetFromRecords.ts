import type { Dataset, DatasetMeta } from '@lslab/models';
import { recordsToDataset } from './internal/recordsToDataset.js';

/** A feature computed from a whole record (for derived features such as a season). */
export interface FeatureColumn<R> {
  /** Feature name as it appears in `featureNames`. */
  readonly name: string;
  /** The value; `null`/`undefined` or a missing token marks it missing. */
  value(record: R): unknown;
}

/** How {@link datasetFromRecords} and `datasetFromCsv` read records. */
export interface RecordSpec<R = Record<string, unknown>> {
  /** Feature columns, by field name or as computed columns, in output order (at least one, names distinct). */
  readonly features: readonly (string | FeatureColumn<R>)[];
  /** The field holding the class name. */
  readonly label: string;
  /** Class names in label order (distinct, at least two); default: the distinct labels, sorted. */
  readonly classNames?: readonly string[];
  /** `'drop'` (default) drops rows with a missing value and records why; `'error'` throws. */
  readonly missing?: 'drop' | 'error';
  /** Strings that mean "missing" (compared after trimming); default `['', 'NA', 'null']`. */
  readonly missingTokens?: readonly string[];
  /** Provenance merged into `meta`. */
  readonly meta?: Partial<DatasetMeta>;
}

/**
 * Turns an array of records (parsed JSON objects or CSV rows) into a
 * `Dataset` of `@lslab/models`. Numbers are taken as is; strings are trimmed
 * and parsed as decimal numbers (`1`, `-2.5`, `3e-4`). A value that is `null`,
 * `undefined` or a missing token is missing: with `missing: 'drop'` the row is
 * dropped and `meta.dropped` counts the rows per reason, `meta.cleaning` says
 * it in words.
 *
 * @param records - the rows (an array of objects); at least one must survive cleaning
 * @param spec - feature columns, label field, class order and missing-value policy
 * @returns the data set, with `meta.rowsRead` and `meta.dropped`
 * @throws LslabError `E_OPTION` (an unknown key in `spec`, a bad `missing`
 *   policy, or a feature or label column that no record has — the message
 *   lists the columns there are), `E_SHAPE` (records not an array, no feature,
 *   a repeated feature or class name), `E_EMPTY` (no rows, or none left),
 *   `E_PARSE` (a record that is not an object, a string that is not a number,
 *   with row and column; with `missing: 'error'`, the first missing value),
 *   `E_NOT_FINITE` (NaN or ±∞ given as a number), `E_LABEL` (a class not in
 *   `classNames`)
 * @example
 * const ds = datasetFromRecords(
 *   [{ a: 1, c: 'x' }, { a: null, c: 'y' }, { a: '3', c: 'y' }],
 *   { features: ['a'], label: 'c' },
 * );
 * [ds.x.rows, ds.meta.dropped]; // [2, { 'missing a': 1 }]
 */
export function datasetFromRecords<R extends object>(
  records: readonly R[],
  spec: RecordSpec<R>,
): Dataset {
  return recordsToDataset('datasetFromRecords', records, spec);
}
