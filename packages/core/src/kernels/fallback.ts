// The kernels in JavaScript, for engines without WebAssembly SIMD: the same
// IEEE operations in the same order as kernels.wat, so the same bits. Columns
// go in pairs as on the two f64x2 lanes (sums: even columns, odd columns, the
// two added, then an odd last column). See kernels.wat for the formulas.
import { portableLog } from '../random/portableMath.js';
import { portableExp as exp } from './exp.js';

type Values = ArrayLike<number>;

/** @internal The largest of z[o..o+k), k ≥ 1: lane maxima (a < b ? b : a), then the last column. */
export function rowMax(z: Values, o: number, k: number): number {
  if (k === 1) return z[o];
  let m0 = z[o];
  let m1 = z[o + 1];
  const kp = k & ~1;
  for (let j = 2; j < kp; j += 2) {
    const a = z[o + j];
    if (m0 < a) m0 = a;
    const b = z[o + j + 1];
    if (m1 < b) m1 = b;
  }
  let m = m0;
  if (m < m1) m = m1;
  if (k & 1) {
    const v = z[o + kp];
    if (m < v) m = v;
  }
  return m;
}

/** @internal e^(z − m) of a row into e[eo..]; returns their sum. */
export function rowExp(z: Values, o: number, e: Float64Array, eo: number, k: number, m: number) {
  let s0 = 0;
  let s1 = 0;
  const kp = k & ~1;
  for (let j = 0; j < kp; j += 2) {
    const a = exp(z[o + j] - m);
    const b = exp(z[o + j + 1] - m);
    e[eo + j] = a;
    e[eo + j + 1] = b;
    s0 += a;
    s1 += b;
  }
  let s = s0 + s1;
  if (k & 1) {
    const t = exp(z[o + kp] - m);
    e[eo + kp] = t;
    s += t;
  }
  return s;
}

/** @internal Row-wise softmax of n×k values into out (Float64). */
export function softmaxJs(z: Values, out: Float64Array, n: number, k: number): void {
  for (let i = 0, o = 0; i < n; i++, o += k) {
    const inv = 1 / rowExp(z, o, out, o, k, rowMax(z, o, k));
    for (let j = 0; j < k; j++) out[o + j] = out[o + j] * inv;
  }
}

/** @internal Row-wise log-sum-exp into lse; with out, also log-softmax z − lse. */
export function logSumExpJs(
  z: Values,
  lse: Float64Array,
  out: Float64Array | undefined,
  n: number,
  k: number,
): void {
  const scratch = new Float64Array(k);
  for (let i = 0, o = 0; i < n; i++, o += k) {
    const m = rowMax(z, o, k);
    const v = m + portableLog(rowExp(z, o, scratch, 0, k, m));
    lse[i] = v;
    if (out !== undefined) for (let j = 0; j < k; j++) out[o + j] = z[o + j] - v;
  }
}

/** @internal ln(1 + x) for x ∈ [0, 1]: x when 1 + x rounds to 1, else ln(u)·(x/(u − 1)), u = 1 + x. */
export function portableLog1p(x: number): number {
  const u = 1 + x;
  return u === 1 ? x : portableLog(u) * (x / (u - 1));
}
