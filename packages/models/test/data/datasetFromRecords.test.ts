import { fromRows, LslabError } from '@lslab/core';
import { describe, expect, it } from 'vitest';
import {
  createDataset,
  datasetFromCsv,
  datasetFromRecords,
  parseJsonRecords,
} from '../../src/index.ts';

function code(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof LslabError) return e.code;
    throw e;
  }
  return 'no error';
}

describe('createDataset(x, y, options)', () => {
  it('copies features to Float64, fills names and class counts', () => {
    const ds = createDataset(
      { rows: 3, cols: 2, data: Float32Array.of(1, 2, 3, 4, 5, 6) },
      [0, 2, 2],
    );
    expect(ds.x.data).toBeInstanceOf(Float64Array);
    expect(Array.from(ds.x.data)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(ds.numClasses).toBe(3);
    expect(ds.featureNames).toEqual(['x0', 'x1']);
    expect(ds.classNames).toEqual(['0', '1', '2']);
    expect(ds.meta.classCounts).toEqual([1, 0, 2]);
  });

  it('rejects empty data, length mismatch, non-finite features and bad labels', () => {
    expect(code(() => createDataset(fromRows([]), []))).toBe('E_EMPTY');
    expect(code(() => createDataset(fromRows([[1], [2]]), [0]))).toBe('E_SHAPE');
    expect(code(() => createDataset(fromRows([[1], [Number.NaN]]), [0, 1]))).toBe('E_NOT_FINITE');
    expect(code(() => createDataset(fromRows([[1], [Infinity]]), [0, 1]))).toBe('E_NOT_FINITE');
    expect(code(() => createDataset(fromRows([[1], [2]]), [0, 1.5]))).toBe('E_LABEL');
    expect(code(() => createDataset(fromRows([[1], [2]]), [0, 2], { numClasses: 2 }))).toBe(
      'E_LABEL',
    );
    expect(code(() => createDataset(fromRows([[1]]), [0], { numClasses: 1 }))).toBe('E_RANGE');
    expect(code(() => createDataset(fromRows([[1]]), [0], { featureNames: ['a', 'b'] }))).toBe(
      'E_SHAPE',
    );
  });

  it('names the row and column of a non-finite feature', () => {
    try {
      createDataset(
        fromRows([
          [1, 2],
          [3, Number.NaN],
        ]),
        [0, 1],
      );
    } catch (e) {
      expect(e).toBeInstanceOf(LslabError);
      const err = e as LslabError;
      expect([err.details.row, err.details.column]).toEqual([1, 1]);
      expect(err.message).toBe('createDataset: x[1][1] = NaN: is not finite');
      return;
    }
    throw new Error('expected a throw');
  });
});

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
