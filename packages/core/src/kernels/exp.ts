// The exponential of the kernels, built from IEEE-754 +, −, ×, ÷ and exact
// scaling by powers of two only, in a fixed order: no Math.exp (ECMAScript
// leaves its last bit to the engine) and no fused multiply-add. The
// WebAssembly kernels (kernels.wat, $exp2) do the same operations in the same
// order on each f64x2 lane, so both give the same bits in every engine.

/** 1/ln 2, rounded. */
export const INV_LN2 = Math.LOG2E;
/** 1.5·2^52: (x + S) − S rounds x to an integer, ties to even, for |x| < 2^51. */
export const ROUND_SHIFTER = 6755399441055744;
/** ln 2 = LN2_HI + LN2_LO; LN2_HI has 32 significant bits, so k·LN2_HI is exact for |k| < 2^21. */
export const LN2_HI = 0.6931471803691238;
export const LN2_LO = 1.9082149292705877e-10;
/** Below this e^x rounds to 0 (e^−745.14 is half the smallest subnormal). */
export const EXP_LOW = -746;
/** Above this e^x overflows to +∞ (ln(2^1024) = 709.78…). */
export const EXP_HIGH = 710;
/** c_n = 1/n! for n = 2…13, each correctly rounded (n! is exact). */
export const C2 = 0.5;
export const C3 = 0.16666666666666666;
export const C4 = 0.041666666666666664;
export const C5 = 0.008333333333333333;
export const C6 = 0.001388888888888889;
export const C7 = 0.0001984126984126984;
export const C8 = 0.0000248015873015873;
export const C9 = 0.0000027557319223985893;
export const C10 = 2.755731922398589e-7;
export const C11 = 2.505210838544172e-8;
export const C12 = 2.08767569878681e-9;
export const C13 = 1.6059043836821613e-10;

/** 2^j for j ∈ [−538, 513], set bit by bit (exact), made on first use. */
let pow2: Float64Array | undefined;
const POW2_MIN = -538;

function pow2Table(): Float64Array {
  const t = new Float64Array(513 - POW2_MIN + 1);
  const view = new DataView(new ArrayBuffer(8));
  for (let j = POW2_MIN; j <= 513; j++) {
    view.setUint32(0, (j + 1023) << 20);
    view.setUint32(4, 0);
    t[j - POW2_MIN] = view.getFloat64(0);
  }
  return t;
}

/**
 * @internal e^x for any double x, within 1 ulp of the correctly rounded
 * value over [−745.13, 709.78] (subnormal results included; see the test).
 *
 * 1. Clamp x to [−746, 710], where e^x is already 0 or +∞ beyond; NaN stays NaN.
 * 2. k = round(x/ln 2) (ties to even, by the shifter); hi = x − k·LN2_HI is exact
 *    (Sterbenz), lo = k·LN2_LO, r = hi − lo, |r| ≤ ln2/2 + tiny.
 * 3. e^r = 1 + (hi + (r²·P(r) − lo)), keeping the exact hi apart from the
 *    rounding of r, with P the Taylor polynomial Σ_{n=2}^{13} r^{n−2}/n!
 *    (truncation < 6e-18 relative), evaluated by Estrin's scheme:
 *    pairs a_i = c + c'·r, then b = a + a'·r², then (b0 + b1·r⁴) + b2·r⁸.
 * 4. Scale by 2^k as (p·2^k1)·2^k2, k1 = ⌊k/2⌋, k2 = k − k1: the first product
 *    is exact and the second rounds once, so subnormal results round once and
 *    2^1024 never has to be formed.
 */
export function portableExp(x: number): number {
  if (x < EXP_LOW) x = EXP_LOW;
  if (x > EXP_HIGH) x = EXP_HIGH;
  const kf = x * INV_LN2 + ROUND_SHIFTER - ROUND_SHIFTER;
  const hi = x - kf * LN2_HI;
  const lo = kf * LN2_LO;
  const r = hi - lo;
  const r2 = r * r;
  const r4 = r2 * r2;
  const r8 = r4 * r4;
  const b0 = C2 + C3 * r + (C4 + C5 * r) * r2;
  const b1 = C6 + C7 * r + (C8 + C9 * r) * r2;
  const b2 = C10 + C11 * r + (C12 + C13 * r) * r2;
  const p = 1 + (hi + (r2 * (b0 + b1 * r4 + b2 * r8) - lo));
  const k = kf | 0; // NaN → 0; p is NaN then anyway
  const k1 = k >> 1;
  if (pow2 === undefined) pow2 = pow2Table();
  const t = pow2;
  return p * t[k1 - POW2_MIN] * t[k - k1 - POW2_MIN];
}
