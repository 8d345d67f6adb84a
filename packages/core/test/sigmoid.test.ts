import { expectArraysClose, expectClose } from '@lslab/test-utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sigmoid } from '../src/index.ts';
import { bn, num, thrownLslabError } from './helpers/index.ts';

const bigSigmoid = (z: number) => num(bn(1).div(bn(1).plus(bn(z).neg().exp())));

const POINTS = [-745, -700, -40, -20, -3.5, -1, -1e-8, 0, 1e-8, 0.5, 2, 10, 36, 40, 700];

describe('sigmoid(z: number)', () => {
  it.each(POINTS)('sigmoid(%s) equals 1/(1 + e^{−z}) in 64-digit BigNumbers', (z) => {
    // z < −708: e^z is subnormal, so only an absolute error of one subnormal ulp is possible
    if (z < -708)
      expect(Math.abs(sigmoid(z) - bigSigmoid(z))).toBeLessThanOrEqual(Number.MIN_VALUE);
    else expectClose(sigmoid(z), bigSigmoid(z), { rtol: 4 });
  });

  it('sigmoid(ln 9) = 0.9', () => {
    expectClose(sigmoid(Math.log(9)), 0.9, { rtol: 2 });
  });

  it('is finite at ±1e4 and ±1e300', () => {
    expect(sigmoid(1e4)).toBe(1);
    expect(sigmoid(1e300)).toBe(1);
    expect(sigmoid(-1e4)).toBe(0); // e^{−1e4} underflows
    expect(sigmoid(-1e300)).toBe(0);
  });

  it('satisfies sigmoid(z) + sigmoid(−z) = 1 (fast-check)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e300, max: 1e300, noNaN: true }), (z) => {
        expectClose(sigmoid(z) + sigmoid(-z), 1, { rtol: 2 });
      }),
    );
  });

  it('is monotone (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -800, max: 800, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        (z, d) => {
          expect(sigmoid(z + d)).toBeGreaterThanOrEqual(sigmoid(z));
        },
      ),
    );
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    'throws E_NOT_FINITE for %s',
    (bad) => {
      const e = thrownLslabError(() => sigmoid(bad), 'E_NOT_FINITE');
      expect(e.message).toBe(`sigmoid: z = ${bad}: is not finite`);
    },
  );
});

describe('sigmoid(z: ArrayLike<number>)', () => {
  it('maps every element and returns a Float64Array', () => {
    const out = sigmoid(POINTS.filter((z) => z > -708));
    expect(out).toBeInstanceOf(Float64Array);
    expectArraysClose(out, POINTS.filter((z) => z > -708).map(bigSigmoid), { rtol: 4 });
  });

  it('reads Float32Array input as its rounded values', () => {
    const z32 = new Float32Array([0.1, -3.7, 12.3]);
    const out = sigmoid(z32);
    expect(out).toBeInstanceOf(Float64Array);
    expectArraysClose(out, Array.from(z32, bigSigmoid), { rtol: 4 });
  });

  it('gives an empty array for empty input', () => {
    expect(sigmoid([]).length).toBe(0);
  });

  it('throws E_NOT_FINITE naming the index', () => {
    const e = thrownLslabError(() => sigmoid([0, 1, Number.NaN]), 'E_NOT_FINITE');
    expect(e.message).toBe('sigmoid: z[2] = NaN: is not finite');
  });
});
