import { describe, expect, it } from 'vitest';
import { fromRows } from '../../src/index.ts';
import { checkDistributionRows, DISTRIBUTION_TOLERANCE } from '../../src/validate/index.ts';
import { thrownLslabError } from '../helpers/index.ts';

describe('checkDistributionRows(fn, name, m, tol?)', () => {
  it('accepts rows in [0, 1] summing to 1 within the tolerance (default 1e-6)', () => {
    expect(DISTRIBUTION_TOLERANCE).toBe(1e-6);
    expect(() =>
      checkDistributionRows(
        'f',
        'p',
        fromRows([
          [0.2, 0.8],
          [1, 0],
        ]),
      ),
    ).not.toThrow();
    expect(() => checkDistributionRows('f', 'p', fromRows([[0.5, 0.5 + 9e-7]]))).not.toThrow();
  });

  it('E_NOT_DISTRIBUTION for a row sum off by more than tol, naming the row', () => {
    const e = thrownLslabError(
      () =>
        checkDistributionRows(
          'f',
          'probs',
          fromRows([
            [0.5, 0.5],
            [0.5, 0.6],
          ]),
        ),
      'E_NOT_DISTRIBUTION',
    );
    expect(e.details).toEqual({ argument: 'probs', row: 1 });
    expect(e.message).toBe('f: probs[1]: row sums to 1.1, not 1 (tolerance 0.000001)');
    thrownLslabError(
      () => checkDistributionRows('f', 'p', fromRows([[0.5, 0.5 + 1e-9]]), 1e-12),
      'E_NOT_DISTRIBUTION',
    );
  });

  it('E_NOT_DISTRIBUTION for an entry outside [0, 1] and E_NOT_FINITE for NaN, naming row and column', () => {
    expect(
      thrownLslabError(
        () => checkDistributionRows('f', 'p', fromRows([[1.5, -0.5]])),
        'E_NOT_DISTRIBUTION',
      ).message,
    ).toBe('f: p[0][0] = 1.5: is not a probability in [0, 1]');
    expect(
      thrownLslabError(
        () => checkDistributionRows('f', 'p', fromRows([[0.5, Number.NaN]])),
        'E_NOT_FINITE',
      ).message,
    ).toBe('f: p[0][1] = NaN: is not finite');
  });
});
