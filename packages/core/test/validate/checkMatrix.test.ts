import { describe, expect, it } from 'vitest';
import type { Matrix } from '../../src/index.ts';
import { checkMatrix, checkNonEmpty } from '../../src/validate/index.ts';
import { thrownLslabError } from '../helpers/index.ts';

describe('checkMatrix(fn, name, m)', () => {
  it('accepts Float64 and Float32 matrices, 0×K included', () => {
    expect(() =>
      checkMatrix('f', 'z', { rows: 2, cols: 2, data: new Float64Array(4) }),
    ).not.toThrow();
    expect(() =>
      checkMatrix('f', 'z', { rows: 0, cols: 3, data: new Float32Array(0) }),
    ).not.toThrow();
  });

  it.each([
    ['null', null, 'is not a Matrix { rows, cols, data: Float64Array | Float32Array }'],
    [
      'a nested array',
      [[1, 2]],
      'is not a Matrix { rows, cols, data: Float64Array | Float32Array }',
    ],
    [
      'plain-array data',
      { rows: 1, cols: 1, data: [1] },
      'is not a Matrix { rows, cols, data: Float64Array | Float32Array }',
    ],
    [
      'fractional rows',
      { rows: 1.5, cols: 2, data: new Float64Array(3) },
      'has invalid dimensions 1.5 × 2',
    ],
    [
      'negative cols',
      { rows: 1, cols: -1, data: new Float64Array(0) },
      'has invalid dimensions 1 × -1',
    ],
    [
      'a short data array',
      { rows: 2, cols: 2, data: new Float64Array(3) },
      'has data length 3, expected 2 × 2 = 4',
    ],
  ])('rejects %s with E_SHAPE naming the argument', (_, m, problem) => {
    const e = thrownLslabError(
      () => checkMatrix('softmax', 'z', m as unknown as Matrix),
      'E_SHAPE',
    );
    expect(e.message).toBe(`softmax: z: ${problem}`);
  });
});

describe('checkNonEmpty(fn, name, n)', () => {
  it('throws E_EMPTY for 0 only', () => {
    expect(() => checkNonEmpty('f', 'logits', 1)).not.toThrow();
    expect(thrownLslabError(() => checkNonEmpty('f', 'logits', 0), 'E_EMPTY').message).toBe(
      'f: logits: is empty',
    );
  });
});
