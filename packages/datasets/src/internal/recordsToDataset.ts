import { LslabError } from '@lslab/core';
import { checkOption, checkOptions } from '@lslab/core/validate';
import { createDataset, type Dataset } from '@lslab/models';
import type { FeatureColumn, RecordSpec } from '../datasetFromRecords.js';
import { unknownColumn } from './unknownColumn.js';

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

const SPEC_KEYS = ['features', 'label', 'classNames', 'missing', 'missingTokens', 'meta'] as const;

/** @internal Where the records came from: their file lines and the columns a file declared. */
export interface RecordSource {
  readonly lines?: readonly number[];
  readonly columns?: readonly string[];
  /** The argument the records came from, as the user passed it (default `'records'`; a file's `'text'`). */
  readonly argument?: string;
}

/**
 * @internal The mapping of `datasetFromRecords` and `datasetFromCsv`, with
 * `fn` the function the user called (named in every error).
 */
export function recordsToDataset<R extends object>(
  fn: string,
  records: readonly R[],
  specArg: RecordSpec<R>,
  source: RecordSource = {},
): Dataset {
  if (specArg === undefined) {
    throw new LslabError('E_OPTION', fn, 'is required: { features, label }', { argument: 'spec' });
  }
  const spec = checkOptions<RecordSpec<R>>(fn, specArg, SPEC_KEYS, 'spec') as RecordSpec<R>;
  const arg = source.argument ?? 'records';
  const policy = checkOption(fn, 'spec.missing', spec.missing ?? 'drop', ['drop', 'error']);
  if (!Array.isArray(records)) {
    throw new LslabError('E_SHAPE', fn, 'is not an array of records', { argument: arg });
  }
  if (records.length === 0) throw new LslabError('E_EMPTY', fn, 'is empty', { argument: arg });
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    if (r === null || typeof r !== 'object') {
      throw new LslabError('E_PARSE', fn, 'is not a record (an object)', {
        argument: arg,
        row: i,
        value: r,
      });
    }
  }
  const cols = featureColumns(fn, records, spec, source);
  if (typeof spec.label !== 'string' || !hasColumn(records, spec.label, source)) {
    unknownColumn(fn, 'spec.label', spec.label, records, source.columns);
  }
  const given = spec.missingTokens ?? ['', 'NA', 'null'];
  if (!Array.isArray(given) || !given.every((t) => typeof t === 'string')) {
    throw new LslabError('E_OPTION', fn, 'must be an array of strings', {
      argument: 'spec.missingTokens',
      value: given,
    });
  }
  const tokens = new Set(given);
  const d = cols.length;
  const where = (row: number, column?: number) => {
    const line = source.lines?.[row];
    return {
      argument: arg,
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
  const rowOf: number[] = [];
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
        const feature = JSON.stringify(cols[j].name);
        throw new LslabError('E_PARSE', fn, `is not a number in feature ${feature}`, {
          ...where(i, j),
          value: v,
        });
      }
      if (!Number.isFinite(num)) {
        const feature = JSON.stringify(cols[j].name);
        throw new LslabError('E_NOT_FINITE', fn, `is not finite in feature ${feature}`, {
          ...where(i, j),
          value: num,
        });
      }
      row[j] = num;
    }
    for (let j = 0; j < d; j++) x.push(row[j]);
    labels.push(String(lab).trim());
    rowOf.push(i);
  }
  const n = labels.length;
  if (n === 0) {
    const problem = `has no rows left after dropping ${records.length} with missing values`;
    throw new LslabError('E_EMPTY', fn, problem, { argument: arg });
  }
  const classNames = checkClassNames(fn, spec.classNames) ?? [...new Set(labels)].sort();
  const index = new Map(classNames.map((c, k) => [c, k] as const));
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const k = index.get(labels[i]);
    if (k === undefined) {
      throw new LslabError('E_LABEL', fn, `is not one of the classes ${classNames.join(', ')}`, {
        ...where(rowOf[i]),
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

/** True when some record (or the file's header) has the field `key`. */
function hasColumn(records: readonly object[], key: string, source: RecordSource): boolean {
  if (source.columns !== undefined) return source.columns.includes(key);
  return records.some((r) => key in r);
}

/** The feature columns as getters, each checked to exist and named once. */
function featureColumns<R extends object>(
  fn: string,
  records: readonly R[],
  spec: RecordSpec<R>,
  source: RecordSource,
): FeatureColumn<R>[] {
  const features = spec.features;
  if (!Array.isArray(features) || features.length === 0) {
    throw new LslabError('E_SHAPE', fn, 'must list at least one feature column', {
      argument: 'spec.features',
      value: features,
    });
  }
  const names = new Set<string>();
  return features.map((f, j) => {
    const name = typeof f === 'string' ? f : f?.name;
    if (typeof f === 'string') {
      if (!hasColumn(records, f, source)) {
        unknownColumn(fn, `spec.features[${j}]`, f, records, source.columns);
      }
    } else if (f === null || typeof f !== 'object' || typeof f.value !== 'function') {
      throw new LslabError('E_SHAPE', fn, 'is neither a column name nor { name, value(record) }', {
        argument: `spec.features[${j}]`,
      });
    }
    if (typeof name !== 'string' || names.has(name)) {
      throw new LslabError('E_SHAPE', fn, 'repeats a feature name (or has none)', {
        argument: `spec.features[${j}]`,
        value: name,
      });
    }
    names.add(name);
    if (typeof f !== 'string') return f;
    return { name: f, value: (r: R) => (r as Record<string, unknown>)[f] };
  });
}

/** Class names, if given: distinct strings, at least two. */
function checkClassNames(
  fn: string,
  names: readonly string[] | undefined,
): readonly string[] | undefined {
  if (names === undefined) return undefined;
  const argument = 'spec.classNames';
  if (!Array.isArray(names) || names.length < 2) {
    throw new LslabError('E_SHAPE', fn, 'must list at least two class names', { argument });
  }
  const seen = new Set<string>();
  names.forEach((c, k) => {
    if (typeof c !== 'string' || seen.has(c)) {
      throw new LslabError('E_SHAPE', fn, 'repeats a class name (or is not a string)', {
        argument,
        column: k,
        value: c,
      });
    }
    seen.add(c);
  });
  return names;
}
