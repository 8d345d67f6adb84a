import { describe, expect, it } from 'vitest';
import { fromRows, matrix, toRows } from '../src/index.ts';
import { thrown } from './helpers/index.ts';

describe('matrix(rows, cols, data?)', () => {
  it('is row-major: element (i, j) is data[i * cols + j]', () => {
    const m = matrix(2, 3, [1, 2, 3, 4, 5, 6]);
    expect(m.rows).toBe(2);
    expect(m.cols).toBe(3);
    expect(m.data).toBeInstanceOf(Float64Array);
    expect(m.data[1 * 3 + 2]).toBe(6);
  });

  it('fills with Float64 zeros without data', () => {
    const m = matrix(2, 2);
    expect(m.data).toEqual(new Float64Array(4));
  });

  it('uses a Float64Array or Float32Array as is, copies other array-likes', () => {
    const f32 = new Float32Array([1, 2]);
    expect(matrix(1, 2, f32).data).toBe(f32);
    const f64 = new Float64Array([1, 2]);
    expect(matrix(2, 1, f64).data).toBe(f64);
    const plain = [1, 2];
    const m = matrix(1, 2, plain);
    plain[0] = 9;
    expect(Array.from(m.data)).toEqual([1, 2]);
  });

  it('allows 0 rows or 0 columns', () => {
    expect(matrix(0, 3).data.length).toBe(0);
    expect(matrix(3, 0, []).data.length).toBe(0);
  });

  it('throws E_SHAPE for a wrong data length', () => {
    const e = thrown(() => matrix(2, 3, [1, 2, 3]));
    expect(e.code).toBe('E_SHAPE');
    expect(e.message).toBe('matrix: data: has length 3, expected rows × cols = 2 × 3 = 6');
  });

  it.each([
    ['rows', -1, 2],
    ['rows', 1.5, 2],
    ['cols', 2, Number.NaN],
    ['cols', 2, Number.POSITIVE_INFINITY],
  ])('throws E_RANGE for a bad dimension (%s)', (name, r, c) => {
    const e = thrown(() => matrix(r, c));
    expect(e.code).toBe('E_RANGE');
    expect(e.details.argument).toBe(name);
    expect(e.message).toMatch(new RegExp(`^matrix: ${name} = .*: must be a non-negative integer$`));
  });
});

describe('fromRows(rows)', () => {
  it('copies equally long rows into a Float64 matrix', () => {
    const m = fromRows([
      [1, 2],
      [3, 4],
    ]);
    expect([m.rows, m.cols, m.data[2]]).toEqual([2, 2, 3]);
    expect(m.data).toBeInstanceOf(Float64Array);
  });

  it('accepts typed-array rows', () => {
    const m = fromRows([new Float32Array([0.5, 0.25])]);
    expect(Array.from(m.data)).toEqual([0.5, 0.25]);
  });

  it('gives a 0 × 0 matrix for no rows', () => {
    const m = fromRows([]);
    expect([m.rows, m.cols, m.data.length]).toEqual([0, 0, 0]);
  });

  it('throws E_SHAPE naming the first row whose length differs', () => {
    const e = thrown(() => fromRows([[1, 2], [3, 4], [5]]));
    expect(e.code).toBe('E_SHAPE');
    expect(e.details.row).toBe(2);
    expect(e.message).toBe('fromRows: rows[2]: has length 1, expected 2 like row 0');
  });
});

describe('toRows(m)', () => {
  it('inverts fromRows', () => {
    const rows = [
      [1, -2, 3],
      [0.5, 0, -0.25],
    ];
    expect(toRows(fromRows(rows))).toEqual(rows);
    expect(toRows(matrix(2, 2, [1, 2, 3, 4]))).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });
});
