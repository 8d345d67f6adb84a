import { all, type BigNumber, create } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { portableLog, portableSinCos2Pi } from '../../src/random/portableMath.ts';

const big = create(all, { number: 'BigNumber', precision: 50 });

/**
 * The value of a double as a 50-digit BigNumber: x = mantissa·2^exp with an
 * integer mantissa below 2^53, both exact (x.toString() is only the shortest
 * decimal that rounds back to x, off by up to half an ulp).
 */
function bn(x: number): BigNumber {
  if (x === 0) return big.bignumber(0);
  const exp = Math.floor(Math.log2(Math.abs(x))) - 52;
  const mantissa = x / 2 ** exp; // exact: a power-of-two scaling
  if (!Number.isInteger(mantissa)) throw new Error(`bn: ${x} did not scale to an integer`);
  return big.multiply(big.bignumber(mantissa), big.pow(big.bignumber(2), exp)) as BigNumber;
}
const ulp = (x: number) => {
  const a = Math.abs(x);
  return a === 0 ? Number.MIN_VALUE : 2 ** (Math.floor(Math.log2(a)) - 52);
};

/** Deterministic test points: a small LCG, independent of the code under test. */
function points(n: number, seed: number): number[] {
  let s = seed >>> 0;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out.push((s >>> 5) / 2 ** 27);
  }
  return out;
}

describe('portableLog(x)', () => {
  it('is within 1 ulp of the 50-digit logarithm on (0, 1] and at the reduction edges', () => {
    const xs = [
      ...points(400, 1).map((u) => 1 - u),
      2 ** -53,
      Number.EPSILON,
      1e-300,
      0.5,
      Math.SQRT1_2,
      Math.SQRT2,
      1,
      2,
      10,
      1e300,
    ];
    for (const x of xs) {
      if (x <= 0) continue;
      const exact = Number(big.log(bn(x)).toString());
      const got = portableLog(x);
      expect(Math.abs(got - exact), `log(${x}) = ${exact}, got ${got}`).toBeLessThanOrEqual(
        x === 1 ? 0 : ulp(exact),
      );
    }
  });
});

describe('portableSinCos2Pi(u)', () => {
  it('is within 2·EPS of the 50-digit sin 2πu and cos 2πu, quadrant edges included', () => {
    const us = [...points(400, 2), 0, 0.125, 0.25, 0.375, 0.5, 0.75, 1 - 2 ** -53];
    const twoPi = big.multiply(big.bignumber(big.pi), big.bignumber(2)) as BigNumber;
    for (const u of us) {
      const a = big.multiply(twoPi, bn(u)) as BigNumber;
      const [s, c] = portableSinCos2Pi(u);
      const es = Number(big.sin(a).toString());
      const ec = Number(big.cos(a).toString());
      expect(Math.abs(s - es), `sin(2π·${u})`).toBeLessThanOrEqual(2 * Number.EPSILON);
      expect(Math.abs(c - ec), `cos(2π·${u})`).toBeLessThanOrEqual(2 * Number.EPSILON);
    }
  });

  it('gives exact values at multiples of a quarter turn', () => {
    expect(portableSinCos2Pi(0)).toEqual([0, 1]);
    expect(portableSinCos2Pi(0.25)).toEqual([1, -0]);
    expect(portableSinCos2Pi(0.5)).toEqual([-0, -1]);
    expect(portableSinCos2Pi(0.75)).toEqual([-1, 0]);
  });
});
