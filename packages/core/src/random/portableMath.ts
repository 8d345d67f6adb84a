// Logarithm and sine/cosine built only from +, −, ×, ÷ and exact scaling by
// powers of two. IEEE-754 rounds those the same way everywhere, while
// ECMAScript leaves Math.log, Math.sin and Math.cos "implementation-
// approximated" (Chromium and Node differ in the last bit on a few percent of
// arguments). The seeded normals use these so that a seed gives the same bytes
// in every engine.

const SQRT_HALF = Math.SQRT1_2;
const SQRT_TWO = Math.SQRT2;
// ln 2 split so that e·LN2_HI is exact for |e| < 2^11 (high part has 32 bits)
const LN2_HI = 0.6931471803691238;
const LN2_LO = 1.9082149292705877e-10;
const TWO_PI = 6.283185307179586;

/**
 * @internal Natural logarithm of a positive finite x, to within about 1 ulp.
 * x = (1 + f)·2^e with 1 + f ∈ [√½, √2) (exact scaling; f = m − 1 is exact),
 * then with s = f/(2 + f): ln(1 + f) = 2·atanh(s) = 2s + s·R,
 * R = 2s²/3 + 2s⁴/5 + … + 2s²²/23, and 2s = f − s·f, so
 * ln(1 + f) = f − s·(f − R): the exact f leads and only the small correction
 * carries rounding. e·ln 2 + f is added with its rounding error kept (TwoSum).
 */
export function portableLog(x: number): number {
  let m = x;
  let e = 0;
  while (m < SQRT_HALF) {
    m *= 2;
    e--;
  }
  while (m >= SQRT_TWO) {
    m *= 0.5;
    e++;
  }
  const f = m - 1;
  const s = f / (2 + f);
  const s2 = s * s;
  let r = 2 / 23;
  for (let k = 21; k >= 3; k -= 2) r = r * s2 + 2 / k;
  r *= s2;
  const small = e * LN2_LO - s * (f - r);
  // TwoSum(e·LN2_HI, f): hi + err equals the exact sum
  const a = e * LN2_HI;
  const hi = a + f;
  const bb = hi - a;
  const err = a - (hi - bb) + (f - bb);
  return hi + (err + small);
}

/** sin θ for |θ| ≤ π/4: Taylor series to θ¹⁹/19! (truncation < 1e-19). */
function sinSmall(t: number): number {
  const t2 = t * t;
  let p = 0;
  for (let n = 19; n >= 3; n -= 2) p = (p + 1) * (-t2 / (n * (n - 1)));
  return t + t * p;
}

/** cos θ for |θ| ≤ π/4: Taylor series to θ¹⁸/18!. */
function cosSmall(t: number): number {
  const t2 = t * t;
  let p = 0;
  for (let n = 18; n >= 2; n -= 2) p = (p + 1) * (-t2 / (n * (n - 1)));
  return 1 + p;
}

/**
 * @internal [sin 2πu, cos 2πu] for u ∈ [0, 1), to within a few ulps. The
 * reduction is exact: u = q/4 + r with r ∈ [0, 1/4) (u is a multiple of
 * 2^-53), then r is folded to [0, 1/8] by the complement 1/4 − r.
 */
export function portableSinCos2Pi(u: number): [number, number] {
  const q = Math.floor(u * 4);
  const r = u - q * 0.25;
  let s: number;
  let c: number;
  if (r <= 0.125) {
    const t = TWO_PI * r;
    s = sinSmall(t);
    c = cosSmall(t);
  } else {
    const t = TWO_PI * (0.25 - r);
    s = cosSmall(t);
    c = sinSmall(t);
  }
  switch (q) {
    case 0:
      return [s, c];
    case 1:
      return [c, -s];
    case 2:
      return [-s, -c];
    default:
      return [-c, s];
  }
}
