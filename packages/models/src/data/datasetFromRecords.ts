import { LslabError } from '@lslab/core';
import { createDataset } from './createDataset.js';
import type { Dataset, DatasetMeta } from './dataset.js';

/** A feature computed from a whole record (for derived features such as a season). */
export interface FeatureColumn<R> {
  /** Feature name as it appears in `featureNames`. */
  readonly name: string;
  /** The value; `null`/`undefined` or a missing token marks it missing. */
  value(record: R): unknown;
}

/** How {@link datasetFromRecords} reads records. */
export interface RecordSpec<R = Record<string, unknown>> {
  /** Feature columns, by field name or as computed columns, in output order. */
  readonly features: readonly (string | FeatureColumn<R>)[];
  /** The field holding the class name. */
  readonly label: string;
  /** Class names in label order; default: the distinct labels, sorted. */
  readonly classNames?: readonly string[];
  /** `'drop'` (default) drops rows with a missing value and records why; `'error'` throws. */
  readonly missing?: 'drop' | 'error';
  /** Strings that mean "missing" (compared after trimming); default `['', 'NA', 'null']`. */
  readonly missingTokens?: readonly string[];
  /** Provenance merged into `meta`. */
  readonly meta?: Partial<DatasetMeta>;
  /** @internal One-based source line of each record, for error messages. */
  readonly lines?: readonly number[];
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Turns an array of records (parsed JSON objects or CSV rows) into a
 * {@link Dataset}. Numbers are taken as is; strings are trimmed and parsed as
 * decimal numbers (`1`, `-2.5`, `3e-4`). A value that is `null`, `undefined` or
 * a missing token is missing: with `missing: 'drop'` the row is dropped and
 * `meta.dropped` counts the rows per reason, `meta.cleaning` says it in words.
 *
 * @param records - the rows; at least one must survive cleaning
 * @param spec - feature columns, label field, class order and missing-value policy
 * @returns the data set, with `meta.rowsRead` and `meta.dropped`
 * @throws LslabError `E_EMPTY` (no rows, or none left), `E_PARSE` (a string
 *   that is not a number, with row, column and line when known), `E_NOT_FINITE`
 *   (NaN or ±∞ given as a number), `E_LABEL` (a class not in `classNames`),
 *   `E_OPTION` (a bad `missing` policy); with `missing: 'error'`, `E_PARSE`
 *   for the first missing value
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
  const fn = 'datasetFromRecords';
  const policy = spec.missing ?? 'drop';
  if (policy !== 'drop' && policy !== 'error') {
    throw new LslabError('E_OPTION', fn, "must be 'drop' or 'error'", {
      argument: 'spec.missing',
      value: policy,
    });
  }
  if (records.length === 0)
    throw new LslabError('E_EMPTY', fn, 'is empty', { argument: 'records' });
  const tokens = new Set(spec.missingTokens ?? ['', 'NA', 'null']);
  const cols = spec.features.map((f) =>
    typeof f === 'string'
      ? { name: f, value: (r: R) => (r as Record<string, unknown>)[f] }
      : { name: f.name, value: (r: R) => f.value(r) },
  );
  const d = cols.length;
  const where = (row: number, column?: number) => {
    const line = spec.lines?.[row];
    return {
      argument: 'records',
      row,
      ...(column === undefined ? {} : { column }),
      ...(line === undefined ? {} : { line }),
    };
  };
  const isMissing = (v: unknown) =>
    v === null || v === undefined || (typeof v === 'string' && tokens.has(v.trim()));
  const dropped: Record<string, number> = {};
  const drop = (reason: string, row: number, column?: number) => {
    if (policy === 'error') {
      throw new LslabError('E_PARSE', fn, `has a missing value (${reason})`, where(row, column));
    }
    dropped[reason] = (dropped[reason] ?? 0) + 1;
  };
  const x: number[] = [];
  const labels: string[] = [];
  const source: number[] = [];
  const row = new Float64Array(d);
  outer: for (let i = 0; i < records.length; i++) {
    const rec = records[i];
    const lab = (rec as Record<string, unknown>)[spec.label];
    if (isMissing(lab)) {
      drop(`missing ${spec.label}`, i);
      continue;
    }
    for (let j = 0; j < d; j++) {
      const v = cols[j].value(rec);
      if (isMissing(v)) {
        drop(`missing ${cols[j].name}`, i, j);
        continue outer;
      }
      let num: number;
      if (typeof v === 'number') num = v;
      else if (typeof v === 'string' && NUMBER.test(v.trim())) num = Number(v.trim());
      else {
        throw new LslabError(
          'E_PARSE',
          fn,
          `is not a number in feature ${JSON.stringify(cols[j].name)}`,
          {
            ...where(i, j),
            value: v,
          },
        );
      }
      if (!Number.isFinite(num)) {
        throw new LslabError(
          'E_NOT_FINITE',
          fn,
          `is not finite in feature ${JSON.stringify(cols[j].name)}`,
          {
            ...where(i, j),
            value: num,
          },
        );
      }
      row[j] = num;
    }
    for (let j = 0; j < d; j++) x.push(row[j]);
    labels.push(String(lab).trim());
    source.push(i);
  }
  const n = labels.length;
  if (n === 0) {
    throw new LslabError(
      'E_EMPTY',
      fn,
      `has no rows left after dropping ${records.length} with missing values`,
      {
        argument: 'records',
      },
    );
  }
  const classNames = spec.classNames ?? [...new Set(labels)].sort();
  const index = new Map(classNames.map((c, k) => [c, k] as const));
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const k = index.get(labels[i]);
    if (k === undefined) {
      throw new LslabError('E_LABEL', fn, `is not one of the classes ${classNames.join(', ')}`, {
        ...where(source[i]),
        argument: `records.${spec.label}`,
        value: labels[i],
      });
    }
    y[i] = k;
  }
  const cleaning = [
    ...(spec.meta?.cleaning ?? []),
    ...Object.entries(dropped).map(([reason, count]) => `dropped ${count} row(s): ${reason}`),
  ];
  return createDataset({ rows: n, cols: d, data: Float64Array.from(x) }, y, {
    numClasses: classNames.length,
    featureNames: cols.map((c) => c.name),
    classNames,
    meta: { name: 'records', ...spec.meta, cleaning, rowsRead: records.length, dropped },
  });
}
