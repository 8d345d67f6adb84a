import { describe, expect, it } from 'vitest';
import { checkLabels, checkWeights } from '../../src/validate/index.ts';
import { thrownLslabError } from '../helpers/index.ts';

describe('checkLabels(fn, name, labels, n, k, ignoreIndex?)', () => {
  it('accepts integers in [0, K) and the ignored value', () => {
    expect(() => checkLabels('f', 'target', [0, 2, 1], 3, 3)).not.toThrow();
    expect(() => checkLabels('f', 'target', new Int32Array([0, -100]), 2, 3, -100)).not.toThrow();
  });

  it('E_LABEL names the row and value of the first bad label', () => {
    const e = thrownLslabError(
      () => checkLabels('smoothLabels', 'labels', [0, 3], 2, 3),
      'E_LABEL',
    );
    expect(e.details).toEqual({ argument: 'labels', row: 1, value: 3 });
    expect(e.message).toBe('smoothLabels: labels[1] = 3: is not a class index in [0, 3)');
    for (const y of [-1, 0.5, Number.NaN])
      thrownLslabError(() => checkLabels('f', 't', [y], 1, 3), 'E_LABEL');
  });

  it('E_LABEL for a hole or undefined when no ignoreIndex is given (it is not an ignored row)', () => {
    // biome-ignore lint/suspicious/noSparseArray: a hole is the case under test
    const holey = [0, , 1] as number[];
    expect(thrownLslabError(() => checkLabels('f', 't', holey, 3, 3), 'E_LABEL').details).toEqual({
      argument: 't',
      row: 1,
      value: undefined,
    });
    thrownLslabError(
      () => checkLabels('f', 't', [undefined as unknown as number], 1, 3),
      'E_LABEL',
    );
  });

  it('E_SHAPE for a wrong length or a non-array', () => {
    expect(thrownLslabError(() => checkLabels('f', 'target', [0], 2, 3), 'E_SHAPE').message).toBe(
      'f: target: has length 1, expected 2 (one label per row)',
    );
    expect(
      thrownLslabError(() => checkLabels('f', 'target', 0 as unknown as number[], 1, 3), 'E_SHAPE')
        .message,
    ).toBe('f: target: is not an array of class indices');
  });
});

describe('checkWeights(fn, name, w, k)', () => {
  it('accepts K finite weights ≥ 0', () => {
    expect(() => checkWeights('f', 'options.weight', [0, 2.5], 2)).not.toThrow();
  });

  it('names the column: E_RANGE negative, E_NOT_FINITE NaN/∞/non-number, E_SHAPE length', () => {
    expect(
      thrownLslabError(() => checkWeights('f', 'options.weight', [1, -1], 2), 'E_RANGE').message,
    ).toBe('f: options.weight[1] = -1: must be ≥ 0');
    expect(
      thrownLslabError(() => checkWeights('f', 'options.weight', [Infinity, 1], 2), 'E_NOT_FINITE')
        .message,
    ).toBe('f: options.weight[0] = Infinity: is not finite');
    expect(
      thrownLslabError(
        () => checkWeights('f', 'w', ['1', 1] as unknown as number[], 2),
        'E_NOT_FINITE',
      ).message,
    ).toBe('f: w[0] = "1": is not a number');
    expect(thrownLslabError(() => checkWeights('f', 'w', [1], 2), 'E_SHAPE').message).toBe(
      'f: w: has length 1, expected one weight per class (2)',
    );
  });
});
