import { describe, expect, it } from 'vitest';
import { fromRows } from '../../src/index.ts';
import {
  checkFiniteMatrix,
  checkFiniteVector,
  checkNumber,
  firstNonFinite,
} from '../../src/validate/index.ts';
import { thrownLslabError } from '../helpers/index.ts';

describe('firstNonFinite(data)', () => {
  it('is the index of the first NaN, ±∞ or non-number, or −1', () => {
    expect(firstNonFinite([0, 1, Number.NaN, Infinity])).toBe(2);
    expect(firstNonFinite([0, -Infinity])).toBe(1);
    expect(firstNonFinite([0, '1', 2])).toBe(1);
    expect(firstNonFinite([[1], 2])).toBe(0);
    expect(firstNonFinite(new Float64Array([1e308, -1e308, 5e-324]))).toBe(-1);
    expect(firstNonFinite([])).toBe(-1);
  });
});

describe('checkNumber(fn, name, x)', () => {
  it('returns a finite number', () => {
    expect(checkNumber('f', 'options.lr', -0.5)).toBe(-0.5);
  });

  it('rejects NaN and ±∞ as not finite, other types as not a number (E_NOT_FINITE)', () => {
    expect(
      thrownLslabError(() => checkNumber('f', 'options.lr', Infinity), 'E_NOT_FINITE').message,
    ).toBe('f: options.lr = Infinity: is not finite');
    expect(
      thrownLslabError(() => checkNumber('f', 'options.lr', Number.NaN), 'E_NOT_FINITE').message,
    ).toBe('f: options.lr = NaN: is not finite');
    expect(
      thrownLslabError(() => checkNumber('f', 'options.lr', '0.1'), 'E_NOT_FINITE').message,
    ).toBe('f: options.lr = "0.1": is not a number');
  });
});

describe('checkFiniteVector(fn, name, v)', () => {
  it('accepts arrays and typed arrays of finite numbers', () => {
    expect(() => checkFiniteVector('f', 'x', [1, 2])).not.toThrow();
    expect(() => checkFiniteVector('f', 'x', new Float32Array(3))).not.toThrow();
  });

  it('names the row and value of the first bad entry', () => {
    const e = thrownLslabError(
      () => checkFiniteVector('f', 'targets', [0, 1, -Infinity]),
      'E_NOT_FINITE',
    );
    expect(e.details).toEqual({ argument: 'targets', row: 2, value: -Infinity });
    expect(e.message).toBe('f: targets[2] = -Infinity: is not finite');
  });

  it('says a nested array or a string is not a number', () => {
    const nested = [0, [1]] as unknown as number[];
    expect(
      thrownLslabError(() => checkFiniteVector('f', 'targets', nested), 'E_NOT_FINITE').message,
    ).toBe('f: targets[1] = [1]: is not a number');
    const text = ['1'] as unknown as number[];
    expect(
      thrownLslabError(() => checkFiniteVector('f', 'targets', text), 'E_NOT_FINITE').message,
    ).toBe('f: targets[0] = "1": is not a number');
  });

  it('rejects a value that is not array-like with E_SHAPE', () => {
    const e = thrownLslabError(
      () => checkFiniteVector('f', 'z', 3 as unknown as number[]),
      'E_SHAPE',
    );
    expect(e.message).toBe('f: z = 3: is not an array of numbers');
  });
});

describe('checkFiniteMatrix(fn, name, m)', () => {
  it('names the row and column of the first NaN or ±∞', () => {
    const e = thrownLslabError(
      () =>
        checkFiniteMatrix(
          'softmax',
          'z',
          fromRows([
            [0, 1],
            [2, Number.NaN],
          ]),
        ),
      'E_NOT_FINITE',
    );
    expect(e.details).toEqual({ argument: 'z', row: 1, column: 1, value: Number.NaN });
    expect(e.message).toBe('softmax: z[1][1] = NaN: is not finite');
    expect(() => checkFiniteMatrix('softmax', 'z', fromRows([[0, 1]]))).not.toThrow();
  });
});
