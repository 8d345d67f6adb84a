import { fromRows, LslabError } from '@lslab/core';
import { describe, expect, it } from 'vitest';
import { createDataset } from '../../src/index.ts';

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
