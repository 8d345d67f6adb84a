/**
 * @internal tanh in place on a[from..to), in JavaScript: the twin of tanh in
 * kernels.wat, which does the same operations in the same order two at a time. Measured within 3 ulps of the
 * correctly rounded value on 200 000 arguments spread over [−23, 23], around
 * the reduction boundaries k·ln2/2 and down to 10⁻³⁰⁰ (V8's `Math.tanh`: within
 * 2); `Math.tanh` costs a call per element, about twice this loop body.
 *
 * With t = e^{2x} − 1 = expm1(2x), tanh x = (e^{2x} − 1)/(e^{2x} + 1) = t/(t + 2).
 * expm1 is reduced as 2x = k·ln2 + r, k = round(2x/ln2), |r| ≤ ln2/2, with ln2
 * split in a 32-bit head (k·head exact) and a tail, so r is exact to the
 * rounding of the tail; then expm1(r) = r + r²·Σ_{j=2}^{14} r^{j−2}/j! (the
 * first omitted term is below 10⁻¹⁸·|r|), evaluated in Estrin's scheme so the
 * products run in parallel, and
 * expm1(2x) = 2^k·(1 + expm1 r) − 1 = 2^k·expm1(r) + (2^k − 1), both parts exact
 * scalings or integers. Near 0 (k = 0) this is r·(1 + r/2 + …)/(… + 2) with no
 * cancellation, so small x keep full relative accuracy. 0, |x| ≥ 22 (where
 * tanh rounds to ±1) and NaN go to `Math.tanh`.
 */
export function tanhJs(a: Float64Array, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const x = a[i];
    if (!(x < 22 && x > -22 && x !== 0)) {
      a[i] = Math.tanh(x);
      continue;
    }
    const y = x + x;
    // y/ln2 + 64.5 ∈ (1, 128): truncation is floor, so idx − 64 = round(y/ln2)
    const idx = (y * INV_LN2 + 64.5) | 0;
    const k = idx - 64;
    const r = y - k * LN2_HI - k * LN2_LO;
    const r2 = r * r;
    const r4 = r2 * r2;
    const r8 = r4 * r4;
    const q =
      C2 +
      C3 * r +
      r2 * (C4 + C5 * r) +
      r4 * (C6 + C7 * r + r2 * (C8 + C9 * r)) +
      r8 * (C10 + C11 * r + r2 * (C12 + C13 * r) + r4 * C14);
    const e = r + r2 * q;
    const p = POW2[idx];
    const t = p * e + (p - 1);
    a[i] = t / (t + 2);
  }
}

const INV_LN2 = Math.LOG2E;
// ln 2 = LN2_HI + LN2_LO, LN2_HI with 32 significant bits so k·LN2_HI is exact for |k| ≤ 64
const LN2_HI = 0.6931471803691238;
const LN2_LO = 1.9082149292705877e-10;
// 1/j!
const C2 = 1 / 2;
const C3 = 1 / 6;
const C4 = 1 / 24;
const C5 = 1 / 120;
const C6 = 1 / 720;
const C7 = 1 / 5040;
const C8 = 1 / 40320;
const C9 = 1 / 362880;
const C10 = 1 / 3628800;
const C11 = 1 / 39916800;
const C12 = 1 / 479001600;
const C13 = 1 / 6227020800;
const C14 = 1 / 87178291200;
/** 2^(idx − 64) for idx = 0…128, exact. */
const POW2 = Float64Array.from({ length: 129 }, (_, idx) => 2 ** (idx - 64));
