import { all, type BigNumber, create } from 'mathjs';

/**
 * A mathjs instance whose numbers are 64-digit BigNumbers: the oracle for
 * values that the typed-array code computes in binary64.
 */
export const big = create(all, { number: 'BigNumber', precision: 64 });

const TWO = big.bignumber(2);
const bits = new DataView(new ArrayBuffer(8));

/**
 * The value of a double as a BigNumber, exact to 64 digits. (`bignumber(x)`
 * alone would read the shortest decimal that rounds to x, up to half an ulp
 * away from it, which matters when a comparison is made at a few EPS.)
 */
export function bn(x: number): BigNumber {
  if (!Number.isFinite(x)) throw new Error(`bn: ${x} is not finite`);
  if (Number.isInteger(x) && Math.abs(x) <= Number.MAX_SAFE_INTEGER) return big.bignumber(x);
  bits.setFloat64(0, x);
  const hi = bits.getUint32(0);
  const lo = bits.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e = biased - 1075;
  if (biased === 0) e = -1074;
  else mant |= 1n << 52n;
  const v = big.bignumber(mant.toString()).times(TWO.pow(e));
  return hi >>> 31 ? v.neg() : v;
}

/** log Σ exp(z) of one row in 64 digits (the max is subtracted so 1e300 stays in range). */
export function bigLogSumExp(z: ArrayLike<number>): BigNumber {
  let m = bn(z[0]);
  for (let j = 1; j < z.length; j++) if (bn(z[j]).gt(m)) m = bn(z[j]);
  let s = bn(0);
  for (let j = 0; j < z.length; j++) s = s.plus(bn(z[j]).minus(m).exp());
  return m.plus(s.ln());
}

/** log softmax of one row in 64 digits. */
export function bigLogSoftmax(z: ArrayLike<number>): BigNumber[] {
  const lse = bigLogSumExp(z);
  return Array.from(z, (v) => bn(v).minus(lse));
}

/** softmax of one row in 64 digits. */
export function bigSoftmax(z: ArrayLike<number>): BigNumber[] {
  return bigLogSoftmax(z).map((l) => l.exp());
}

/** −Σ_c a_c·log softmax(z)_c in 64 digits, for any coefficients a (weighted target mass). */
export function bigCrossEntropy(z: ArrayLike<number>, a: ArrayLike<number | BigNumber>): BigNumber {
  const lp = bigLogSoftmax(z);
  let s = bn(0);
  for (let c = 0; c < lp.length; c++) s = s.minus(lp[c].times(a[c]));
  return s;
}

/** Rounds a BigNumber to the nearest double. */
export function num(x: BigNumber): number {
  return x.toNumber();
}

/**
 * ln(1 + x) for x > −1 in 64 digits, with the series x − x²/2 + x³/3 for
 * |x| < 1e-20 (where 1 + x would lose x to the 64-digit rounding).
 */
export function bigLog1p(x: BigNumber): BigNumber {
  if (x.abs().lt(1e-20)) return x.minus(x.pow(2).div(2)).plus(x.pow(3).div(3));
  return x.plus(1).ln();
}

/**
 * Evaluates a mathjs expression at 64 digits with each number of `scope`
 * converted exactly by {@link bn}, and rounds the result to a double.
 */
export function bigEvaluate(expr: string, scope: Record<string, number>): number {
  const s: Record<string, BigNumber> = {};
  for (const [k, v] of Object.entries(scope)) s[k] = bn(v);
  return Number(big.evaluate(expr, s).toString());
}
