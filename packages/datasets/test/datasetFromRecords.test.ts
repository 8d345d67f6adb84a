import { LslabError } from '@lslab/core';
import { describe, expect, it } from 'vitest';
import { datasetFromCsv, datasetFromRecords, parseJsonRecords } from '../src/index.ts';

function code(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof LslabError) return e.code;
    throw e;
  }
  return 'no error';
}

describe('datasetFromRecords(records, spec)', () => {
  const records = [
    { a: 1, b: '2.5', c: 'y' },
    { a: null, b: '1', c: 'x' },
    { a: 3, b: 'NA', c: 'x' },
    { a: 4, b: ' -1e1 ', c: 'x' },
    { a: 5, b: '0', c: null },
  ];

  it('parses numbers, drops rows with missing values and says why', () => {
    const ds = datasetFromRecords(records, { features: ['a', 'b'], label: 'c' });
    expect(Array.from(ds.x.data)).toEqual([1, 2.5, 4, -10]);
    expect(ds.classNames).toEqual(['x', 'y']);
    expect(Array.from(ds.y)).toEqual([1, 0]);
    expect(ds.meta.rowsRead).toBe(5);
    expect(ds.meta.dropped).toEqual({ 'missing a': 1, 'missing b': 1, 'missing c': 1 });
    expect(ds.meta.cleaning).toHaveLength(3);
  });

  it('computes derived features and keeps a given class order', () => {
    const ds = datasetFromRecords(records.slice(0, 1), {
      features: [{ name: 'twice a', value: (r) => 2 * (r.a ?? Number.NaN) }],
      label: 'c',
      classNames: ['y', 'x'],
    });
    expect([ds.x.data[0], ds.y[0], ds.numClasses]).toEqual([2, 0, 2]);
  });

  it('rejects text that is not a number, non-finite numbers, unknown classes, missing values under "error"', () => {
    expect(
      code(() => datasetFromRecords([{ a: 'abc', c: 'x' }], { features: ['a'], label: 'c' })),
    ).toBe('E_PARSE');
    expect(
      code(() => datasetFromRecords([{ a: Number.NaN, c: 'x' }], { features: ['a'], label: 'c' })),
    ).toBe('E_NOT_FINITE');
    expect(
      code(() =>
        datasetFromRecords([{ a: 1, c: 'z' }], {
          features: ['a'],
          label: 'c',
          classNames: ['x', 'y'],
        }),
      ),
    ).toBe('E_LABEL');
    expect(
      code(() => datasetFromRecords(records, { features: ['a'], label: 'c', missing: 'error' })),
    ).toBe('E_PARSE');
    expect(code(() => datasetFromRecords([], { features: ['a'], label: 'c' }))).toBe('E_EMPTY');
    expect(
      code(() => datasetFromRecords([{ a: null, c: 'x' }], { features: ['a'], label: 'c' })),
    ).toBe('E_EMPTY');
  });
});

describe('datasetFromCsv(text, spec)', () => {
  it('reads a small file', () => {
    const ds = datasetFromCsv('t,w\n1.5,rain\n2,sun\n,rain\n', { features: ['t'], label: 'w' });
    expect(Array.from(ds.x.data)).toEqual([1.5, 2]);
    expect(ds.classNames).toEqual(['rain', 'sun']);
    expect(ds.meta.dropped).toEqual({ 'missing t': 1 });
  });

  it('gives the file line and column of a value that is not a number', () => {
    try {
      datasetFromCsv('t,u,w\n1,2,a\n3,x4,b\n', { features: ['t', 'u'], label: 'w' });
    } catch (e) {
      const err = e as LslabError;
      expect([err.code, err.details.line, err.details.row, err.details.column]).toEqual([
        'E_PARSE',
        3,
        1,
        1,
      ]);
      return;
    }
    throw new Error('expected a throw');
  });
});

describe('parseJsonRecords(text)', () => {
  it('parses an array of objects', () => {
    expect(parseJsonRecords('[{"a": 1}, {"a": null}]')).toEqual([{ a: 1 }, { a: null }]);
  });

  it('reports invalid JSON with a line, and a non-record element', () => {
    try {
      parseJsonRecords('[\n{"a": 1},\n{"a": }\n]');
    } catch (e) {
      const err = e as LslabError;
      expect([err.code, err.details.line]).toEqual(['E_PARSE', 3]);
    }
    expect(code(() => parseJsonRecords('{"a": 1}'))).toBe('E_PARSE');
    expect(code(() => parseJsonRecords('[1]'))).toBe('E_PARSE');
  });
});
