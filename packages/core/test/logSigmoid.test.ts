import { expectArraysClose, expectClose } from '@lslab/test-utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logSigmoid } from '../src/index.ts';
import { bigLog1p, bn, num, thrownLslabError } from './helpers/index.ts';

const bigLogSigmoid = (z: number) => num(bigLog1p(bn(z).neg().exp()).neg());

describe('logSigmoid(z: number)', () => {
  it.each([-1e4, -800, -40, -3, -0.5, 0, 1e-10, 0.5, 3, 20, 36, 40, 200, 700])(
    'logSigmoid(%s) equals −ln(1 + e^{−z}) in 64-digit BigNumbers',
    (z) => {
      expectClose(logSigmoid(z), bigLogSigmoid(z), { rtol: 4 });
    },
  );

  it('logSigmoid(0) = −ln 2', () => {
    expectClose(logSigmoid(0), -Math.LN2, { rtol: 1 });
  });

  it('is exact at large |z|', () => {
    expect(logSigmoid(-1e4)).toBe(-1e4); // −1e4 − ln(1 + e^{−1e4}) rounds to −1e4
    expect(logSigmoid(-1e300)).toBe(-1e300);
    expect(logSigmoid(1e4)).toBe(-0); // −e^{−1e4} underflows, keeping its sign
    expect(logSigmoid(1e300)).toBe(-0);
    // −e^{−40}·(1 − e^{−40}/2 …): a naive log(σ(40)) would give log(1 − 4e−18) = 0
    expectClose(logSigmoid(40), -Math.exp(-40), { rtol: 2 });
  });

  it('satisfies logSigmoid(z) − logSigmoid(−z) = z (fast-check)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e3, max: 1e3, noNaN: true }), (z) => {
        expectClose(logSigmoid(z) - logSigmoid(-z), z, { atol: 8 * (Math.abs(z) + 1) });
      }),
    );
  });

  it('throws E_NOT_FINITE for NaN and ±∞', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])
      thrownLslabError(() => logSigmoid(bad), 'E_NOT_FINITE');
  });
});

describe('logSigmoid(z: ArrayLike<number>)', () => {
  it('maps every element (Float64Array out, also for Float32Array in)', () => {
    const z32 = new Float32Array([-20.5, 0.25, 7]);
    const out = logSigmoid(z32);
    expect(out).toBeInstanceOf(Float64Array);
    expectArraysClose(out, Array.from(z32, bigLogSigmoid), { rtol: 4 });
    expectArraysClose(logSigmoid([0, -1e4]), [-Math.LN2, -1e4], { rtol: 1 });
  });

  it('throws E_NOT_FINITE naming the index', () => {
    const e = thrownLslabError(() => logSigmoid([Number.POSITIVE_INFINITY]), 'E_NOT_FINITE');
    expect(e.message).toBe('logSigmoid: z[0] = Infinity: is not finite');
  });
});
