import { fromRows, matrix } from '@lslab/core';
import { expectClose } from '@lslab/test-utils';
import fc from 'fast-check';
import { all, create } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { negativeLogLikelihood } from '../../src/index.ts';

const big = create(all, { number: 'BigNumber', precision: 64 });
/**
 * −(1/N)·Σ ln p_y with 64-digit BigNumbers, rounded once; each p is taken at
 * its exact value (100 digits: the shortest decimal of a subnormal such as
 * 5e-324 is 1 % away from it).
 */
function bigNll(py: readonly number[]): number {
  let s = big.bignumber(0);
  for (const p of py) s = big.subtract(s, big.log(big.bignumber(p.toPrecision(100)))) as typeof s;
  return Number(big.divide(s, py.length).toString());
}

/** N rows of K = 2 with the true class (0) at p_y. */
function rowsAt(py: readonly number[]) {
  const data = new Float64Array(2 * py.length);
  py.forEach((p, i) => {
    data[2 * i] = p;
    data[2 * i + 1] = 1 - p;
  });
  return matrix(py.length, 2, data);
}

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

  it('a product far below the double range: 5000 rows at p_y = 1e-5 (10⁻²⁵⁰⁰⁰) give ln 10⁵', () => {
    const py = Array.from({ length: 5000 }, () => 1e-5);
    expectClose(negativeLogLikelihood(rowsAt(py), new Int32Array(5000)), bigNll(py), { rtol: 8 });
  });

  it('subnormal and tiny true-class probabilities mixed with ordinary ones', () => {
    const py = [5e-324, 0.3, 1e-320, 2 ** -401, 2 ** -399, 0.999, 1e-300, 0.5];
    expectClose(negativeLogLikelihood(rowsAt(py), new Int32Array(py.length)), bigNll(py), {
      rtol: 8,
    });
  });

  it('property: within 8N ulps of the 64-digit mean of −ln p_y, for any p_y in (0, 1]', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.double({ min: 1e-12, max: 1, noNaN: true }),
            fc.double({ min: 5e-324, max: 1e-290, noNaN: true }),
          ),
          { minLength: 1, maxLength: 300 },
        ),
        (py) => {
          const got = negativeLogLikelihood(rowsAt(py), new Int32Array(py.length));
          const want = bigNll(py);
          // each product rounds once (ε/2 relative): |error| ≤ N·ε/2 in ln P, plus the last roundings
          expect(Math.abs(got - want)).toBeLessThanOrEqual(
            Number.EPSILON * (py.length + 4) * Math.max(1, Math.abs(want)),
          );
        },
      ),
      { numRuns: 60 },
    );
  });
});
