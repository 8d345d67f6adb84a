/**
 * The kernels' exponential against the correctly rounded e^x.
 *
 * Reference, two independent ways:
 * - 10^6 seeded points over [−745.13, 709.78]: a committed fixture made by
 *   scripts/expReferenceFixture.ts from 64-digit mathjs BigNumbers (a few
 *   minutes, so not at test time). It stores the distance in ulps from
 *   Math.exp(x) to the correctly rounded value plus a hash of the Math.exp
 *   bits it was made against; the hash is checked first.
 * - 3000 points computed here with BigNumbers (near 0, over the whole domain,
 *   and in the subnormal range), and the edges.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/index.ts';
import { portableExp } from '../../src/kernels/exp.ts';
import { bn } from '../helpers/big.ts';
import { EXP_REFERENCE, expPoints, hashBits, ulpDistance } from '../helpers/expReference.ts';

/** The bound the kernels promise (measured: see the first test's message). */
const MAX_ULPS = 2;

function correctlyRounded(x: number): number {
  return Number(bn(x).exp().toString());
}

describe('portableExp(x)', () => {
  it('is within 2 ulps of the correctly rounded e^x at 10^6 seeded points (fixture)', () => {
    const fixture = JSON.parse(
      readFileSync(new URL('../fixtures/expReference.json', import.meta.url), 'utf8'),
    );
    expect([fixture.seed, fixture.count, fixture.lo, fixture.hi]).toEqual([
      EXP_REFERENCE.seed,
      EXP_REFERENCE.count,
      EXP_REFERENCE.lo,
      EXP_REFERENCE.hi,
    ]);
    const xs = expPoints(createRng(EXP_REFERENCE.seed), EXP_REFERENCE.count);
    const base = new Float64Array(xs.length);
    for (let i = 0; i < xs.length; i++) base[i] = Math.exp(xs[i]);
    // the fixture's deltas are relative to this engine's Math.exp bits
    expect(hashBits(base)).toBe(fixture.mathExpHash);
    const raw = gunzipSync(Buffer.from(fixture.deltasGzipBase64, 'base64'));
    const deltas = new Int8Array(raw.buffer, raw.byteOffset, raw.byteLength);
    expect(deltas.length).toBe(xs.length);
    const view = new DataView(new ArrayBuffer(8));
    let worst = 0;
    let worstAt = 0;
    const histogram = [0, 0, 0];
    for (let i = 0; i < xs.length; i++) {
      // reference = Math.exp(x) moved by deltas[i] ulps (all values here are > 0)
      view.setFloat64(0, base[i]);
      view.setBigInt64(0, view.getBigInt64(0) + BigInt(deltas[i]));
      const d = Math.abs(ulpDistance(view.getFloat64(0), portableExp(xs[i])));
      histogram[Math.min(d, 2)]++;
      if (d > worst) {
        worst = d;
        worstAt = xs[i];
      }
    }
    expect(
      worst,
      `worst ${worst} ulps at x = ${worstAt}; histogram ${histogram}`,
    ).toBeLessThanOrEqual(MAX_ULPS);
    // measured when written: 904450 points correctly rounded, 95550 at 1 ulp, none at 2
  });

  it('is within 2 ulps at 3000 points computed here in 64 digits', () => {
    const rng = createRng(7).derive('exp points');
    const xs: number[] = [];
    for (let i = 0; i < 1000; i++) xs.push(2 * rng.uniform() - 1); // |x| < 1: r = x
    for (let i = 0; i < 1000; i++) xs.push(-745.13 + 1454.9 * rng.uniform());
    for (let i = 0; i < 1000; i++) xs.push(-745.13 + 36.7 * rng.uniform()); // subnormal results
    for (const x of xs) {
      const d = Math.abs(ulpDistance(correctlyRounded(x), portableExp(x)));
      expect(d, `x = ${x}`).toBeLessThanOrEqual(MAX_ULPS);
    }
  });

  it('handles the edges: ±0, subnormal results, underflow, overflow, ±∞, NaN', () => {
    expect(Object.is(portableExp(0), 1)).toBe(true);
    expect(Object.is(portableExp(-0), 1)).toBe(true);
    expect(Math.abs(ulpDistance(correctlyRounded(1), portableExp(1)))).toBeLessThanOrEqual(
      MAX_ULPS,
    );
    // smallest subnormal 2^-1074 ≈ 4.94e-324 is e^−744.44; e^−745.13 is half of it
    expect(portableExp(-745)).toBe(correctlyRounded(-745)); // 4.94e-324 (rounds to 2^-1074)
    expect(portableExp(-745)).toBe(2 ** -1074);
    expect(portableExp(-745.2)).toBe(0);
    expect(portableExp(-746)).toBe(0);
    expect(portableExp(-1e300)).toBe(0);
    expect(portableExp(Number.NEGATIVE_INFINITY)).toBe(0);
    for (const x of [-708.4, -708.3964185322641, -720, -740.5, -744.4400719213812]) {
      expect(
        Math.abs(ulpDistance(correctlyRounded(x), portableExp(x))),
        `x = ${x}`,
      ).toBeLessThanOrEqual(MAX_ULPS);
    }
    // largest finite: e^709.782712893384 = 1.7976931348622732e308 (just below MAX_VALUE)
    expect(
      Math.abs(ulpDistance(correctlyRounded(709.782712893384), portableExp(709.782712893384))),
    ).toBeLessThanOrEqual(MAX_ULPS);
    expect(
      Math.abs(ulpDistance(correctlyRounded(709.78), portableExp(709.78))),
    ).toBeLessThanOrEqual(MAX_ULPS);
    expect(portableExp(709.7827128933841)).toBe(Number.POSITIVE_INFINITY);
    expect(portableExp(710)).toBe(Number.POSITIVE_INFINITY);
    expect(portableExp(1e300)).toBe(Number.POSITIVE_INFINITY);
    expect(portableExp(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(portableExp(Number.NaN)).toBeNaN();
  });
});
