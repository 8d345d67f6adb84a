import { expectArraysClose, expectClose } from '@lslab/test-utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { softplus } from '../src/index.ts';
import { bigLog1p, bn, num, thrownLslabError } from './helpers/index.ts';

const bigSoftplus = (z: number) => num(bigLog1p(bn(z).exp()));

describe('softplus(z: number)', () => {
  it.each([-700, -40, -37, -5, -0.1, 0, 1e-12, 0.1, 5, 18, 37, 40, 700, 1e4])(
    'softplus(%s) equals ln(1 + e^z) in 64-digit BigNumbers',
    (z) => {
      expectClose(softplus(z), bigSoftplus(z), { rtol: 4 });
    },
  );

  it('softplus(0) = ln 2', () => {
    expect(softplus(0)).toBe(Math.LN2);
  });

  it('is exact at large |z|', () => {
    expect(softplus(1e4)).toBe(1e4);
    expect(softplus(1e300)).toBe(1e300);
    expect(softplus(-1e300)).toBe(0);
    // e^{−740} ≈ 4.2e−322 is subnormal: the result is that subnormal, to one subnormal ulp
    expect(Math.abs(softplus(-740) - bigSoftplus(-740))).toBeLessThanOrEqual(Number.MIN_VALUE);
    expect(softplus(-740)).toBeGreaterThan(0);
    // e^{−800} ≈ 3.7e−348 is below the smallest subnormal (4.9e−324): 0 or one subnormal
    const s800 = softplus(-800);
    expect(s800).toBeGreaterThanOrEqual(0);
    expect(s800).toBeLessThanOrEqual(Number.MIN_VALUE);
  });

  it('satisfies softplus(z) − softplus(−z) = z (fast-check)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e3, max: 1e3, noNaN: true }), (z) => {
        expectClose(softplus(z) - softplus(-z), z, { atol: 8 * (Math.abs(z) + 1) });
      }),
    );
  });

  it('is positive, at least max(z, 0), at most max(z, 0) + ln 2 (fast-check)', () => {
    fc.assert(
      fc.property(fc.double({ min: -700, max: 1e300, noNaN: true }), (z) => {
        const s = softplus(z);
        expect(s).toBeGreaterThan(0);
        expect(s).toBeGreaterThanOrEqual(Math.max(z, 0));
        expect(s).toBeLessThanOrEqual(Math.max(z, 0) + Math.LN2 * (1 + 1e-15));
      }),
    );
  });

  it('throws E_NOT_FINITE for NaN and ±∞', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      const e = thrownLslabError(() => softplus(bad), 'E_NOT_FINITE');
      expect(e.message).toBe(`softplus: z = ${bad}: is not finite`);
    }
  });
});

describe('softplus(z: ArrayLike<number>)', () => {
  it('maps every element (Float64Array out, also for Float32Array in)', () => {
    const z32 = new Float32Array([-12.5, 0.3, 45]);
    const out = softplus(z32);
    expect(out).toBeInstanceOf(Float64Array);
    expectArraysClose(out, Array.from(z32, bigSoftplus), { rtol: 4 });
  });

  it('throws E_NOT_FINITE naming the index', () => {
    const e = thrownLslabError(() => softplus([1, Number.NEGATIVE_INFINITY]), 'E_NOT_FINITE');
    expect(e.message).toBe('softplus: z[1] = -Infinity: is not finite');
  });
});
