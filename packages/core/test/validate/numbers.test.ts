import { describe, expect, it } from 'vitest';
import {
  checkAlpha,
  checkInOpenRange,
  checkInRange,
  checkInteger,
  checkNumClasses,
  checkPositive,
} from '../../src/validate/index.ts';
import { thrownLslabError } from '../helpers/index.ts';

describe('checkInRange(fn, name, x, lo, hi)', () => {
  it('accepts the closed interval, ends included', () => {
    expect(checkInRange('f', 'x', 0, 0, 1)).toBe(0);
    expect(checkInRange('f', 'x', 1, 0, 1)).toBe(1);
  });

  it('E_RANGE outside (±∞ included), E_NOT_FINITE for NaN and non-numbers', () => {
    expect(
      thrownLslabError(() => checkInRange('f', 'options.level', 95, 0, 1), 'E_RANGE').message,
    ).toBe('f: options.level = 95: must lie in [0, 1]');
    thrownLslabError(() => checkInRange('f', 'x', Infinity, 0, 1), 'E_RANGE');
    expect(
      thrownLslabError(() => checkInRange('f', 'x', Number.NaN, 0, 1), 'E_NOT_FINITE').message,
    ).toBe('f: x = NaN: is not a number');
    thrownLslabError(() => checkInRange('f', 'x', '0.5', 0, 1), 'E_NOT_FINITE');
  });
});

describe('checkInOpenRange(fn, name, x, lo, hi, why?)', () => {
  it('accepts the inside of the interval, the nearest doubles to the ends included', () => {
    expect(checkInOpenRange('f', 'x', 5e-324, 0, 1)).toBe(5e-324);
    expect(checkInOpenRange('f', 'x', 1 - 2 ** -53, 0, 1)).toBe(1 - 2 ** -53);
  });

  it('E_RANGE at either end and outside, with the reason; E_NOT_FINITE for NaN and non-numbers', () => {
    expect(
      thrownLslabError(
        () => checkInOpenRange('C9.training-rhythm', 'alpha', 0, 0, 1, 'α = 0 is no smoothing'),
        'E_RANGE',
      ).message,
    ).toBe('C9.training-rhythm: alpha = 0: must lie in (0, 1) (α = 0 is no smoothing)');
    expect(thrownLslabError(() => checkInOpenRange('f', 'x', 1, 0, 1), 'E_RANGE').message).toBe(
      'f: x = 1: must lie in (0, 1)',
    );
    thrownLslabError(() => checkInOpenRange('f', 'x', -Infinity, 0, 1), 'E_RANGE');
    thrownLslabError(() => checkInOpenRange('f', 'x', Number.NaN, 0, 1), 'E_NOT_FINITE');
    thrownLslabError(() => checkInOpenRange('f', 'x', '0.5', 0, 1), 'E_NOT_FINITE');
  });
});

describe('checkPositive(fn, name, x)', () => {
  it('accepts x > 0, the smallest subnormal included', () => {
    expect(checkPositive('f', 'x', 5e-324)).toBe(5e-324);
  });

  it('E_RANGE for 0 and negatives, E_NOT_FINITE for NaN, ±∞ and non-numbers', () => {
    expect(thrownLslabError(() => checkPositive('f', 'options.lr', 0), 'E_RANGE').message).toBe(
      'f: options.lr = 0: must be > 0',
    );
    thrownLslabError(() => checkPositive('f', 'x', -1), 'E_RANGE');
    thrownLslabError(() => checkPositive('f', 'x', Infinity), 'E_NOT_FINITE');
    thrownLslabError(() => checkPositive('f', 'x', Number.NaN), 'E_NOT_FINITE');
    expect(thrownLslabError(() => checkPositive('f', 'x', null), 'E_NOT_FINITE').message).toBe(
      'f: x = null: is not a number',
    );
  });
});

describe('checkInteger(fn, name, x, { min, max })', () => {
  it('accepts integers within the bounds', () => {
    expect(checkInteger('f', 'x', 3)).toBe(3);
    expect(checkInteger('f', 'x', 1, { min: 1 })).toBe(1);
    expect(checkInteger('f', 'x', 10, { min: 1, max: 10 })).toBe(10);
  });

  it('states the domain in E_RANGE: fractions, values out of bounds, non-numbers', () => {
    expect(
      thrownLslabError(() => checkInteger('f', 'options.bins', 1.5, { min: 1 }), 'E_RANGE').message,
    ).toBe('f: options.bins = 1.5: must be an integer ≥ 1');
    expect(
      thrownLslabError(() => checkInteger('f', 'options.bins', 0, { min: 1 }), 'E_RANGE').message,
    ).toBe('f: options.bins = 0: must be an integer ≥ 1');
    expect(thrownLslabError(() => checkInteger('f', 'n', 5, { max: 4 }), 'E_RANGE').message).toBe(
      'f: n = 5: must be an integer ≤ 4',
    );
    expect(thrownLslabError(() => checkInteger('f', 'n', '3'), 'E_RANGE').message).toBe(
      'f: n = "3": is not a number; must be an integer',
    );
  });

  it('states a resource bound (max) in the message', () => {
    const e = thrownLslabError(
      () => checkInteger('f', 'options.resamples', 1e7, { min: 1, max: 1e6 }),
      'E_RANGE',
    );
    expect(e.message).toBe('f: options.resamples = 10000000: must be an integer in [1, 1000000]');
  });

  it('E_NOT_FINITE for NaN and ±∞', () => {
    expect(
      thrownLslabError(() => checkInteger('f', 'n', Number.NaN, { min: 0 }), 'E_NOT_FINITE')
        .message,
    ).toBe('f: n = NaN: is not finite; must be an integer ≥ 0');
    thrownLslabError(() => checkInteger('f', 'n', -Infinity), 'E_NOT_FINITE');
  });
});

describe('checkAlpha(fn, alpha, name?) and checkNumClasses(fn, k, name?)', () => {
  it('α ∈ [0, 1], named alpha unless told otherwise', () => {
    expect(checkAlpha('f', 0.1)).toBe(0.1);
    expect(thrownLslabError(() => checkAlpha('smoothLabels', 1.5), 'E_RANGE').message).toBe(
      'smoothLabels: alpha = 1.5: must lie in [0, 1]',
    );
    expect(
      thrownLslabError(() => checkAlpha('f', -0.1, 'options.labelSmoothing'), 'E_RANGE').details
        .argument,
    ).toBe('options.labelSmoothing');
    thrownLslabError(() => checkAlpha('f', Number.NaN), 'E_NOT_FINITE');
  });

  it('K an integer ≥ 2', () => {
    expect(checkNumClasses('f', 2)).toBe(2);
    for (const k of [1, 2.5, Number.NaN, '3'])
      thrownLslabError(() => checkNumClasses('f', k), 'E_RANGE');
    expect(thrownLslabError(() => checkNumClasses('smoothLabels', 1), 'E_RANGE').message).toBe(
      'smoothLabels: numClasses = 1: must be an integer ≥ 2',
    );
    expect(thrownLslabError(() => checkNumClasses('f', 1, 'K'), 'E_RANGE').details.argument).toBe(
      'K',
    );
  });
});
