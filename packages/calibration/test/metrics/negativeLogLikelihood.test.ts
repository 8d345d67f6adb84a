import { fromRows } from '@lslab/core';
import { expectClose } from '@lslab/test-utils';
import { describe, expect, it } from 'vitest';
import { negativeLogLikelihood } from '../../src/index.ts';

describe('negativeLogLikelihood(probs, labels)', () => {
  it('is the mean of −ln p_y (by hand)', () => {
    // −ln 0.5 = ln 2, −ln 0.25 = 2 ln 2 → mean 1.5 ln 2
    const m = fromRows([
      [0.5, 0.5, 0],
      [0.25, 0.25, 0.5],
    ]);
    expectClose(negativeLogLikelihood(m, [0, 1]), 1.5 * Math.LN2, { rtol: 4 });
  });

  it('vector: −ln p for y = 1 and −ln(1 − p) for y = 0', () => {
    // (ln 2 + ln(4/3)) / 2
    expectClose(negativeLogLikelihood([0.5, 0.25], [1, 0]), (Math.LN2 + Math.log(4 / 3)) / 2, {
      rtol: 4,
    });
    // small p: −ln(1 − 1e-12) = 1e-12 + 5e-25 + …, kept to full precision by log1p
    expectClose(negativeLogLikelihood([1e-12], [0]), 1e-12 + 5e-25, { rtol: 2 });
  });

  it('is +Infinity (never NaN) when the true class has probability 0', () => {
    const m = fromRows([
      [1, 0],
      [0.5, 0.5],
    ]);
    expect(negativeLogLikelihood(m, [1, 0])).toBe(Number.POSITIVE_INFINITY);
    expect(negativeLogLikelihood([1, 0], [0, 1])).toBe(Number.POSITIVE_INFINITY);
    expect(negativeLogLikelihood([1, 0], [1, 0])).toBe(0);
  });
});
