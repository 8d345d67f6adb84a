// Softmax cross-entropy in JavaScript, operation for operation as
// crossEntropyIndex / crossEntropyProbability in kernels.wat.
import { portableLog } from '../random/portableMath.js';
import { portableExp as exp } from './exp.js';
import { portableLog1p, rowMax } from './fallback.js';
import type { IndexArgs, ProbabilityArgs } from './types.js';

/** ln(cnt + rest), as ln1p(rest) when cnt = 1 (see $lnSum in kernels.wat). */
function lnSum(cnt: number, rest: number): number {
  return cnt === 1 ? portableLog1p(rest) : portableLog(cnt + rest);
}

/** The label column's gradient when it is the only max: (D − A·rest)/s·scale, D = S − A ($peakGrad). */
function peakGrad(D: number, A: number, rest: number, s: number, scale: number): number {
  return ((D - A * rest) / s) * scale;
}

/** @internal Index targets; returns −1 or the first row whose sums are not finite. */
export function crossEntropyIndexJs(a: IndexArgs & { grad: Float64Array }): number {
  const { z, labels, ignoreIndex, w, grad, loss, n, k, on, off, scale, mode } = a;
  const jump = on - off;
  const kp = k & ~1;
  let total = 0;
  for (let i = 0, o = 0; i < n; i++, o += k) {
    const y = labels[i];
    let l = 0;
    if (y === ignoreIndex) {
      let s = 0;
      for (let j = 0; j < k; j++) {
        const t = z[o + j];
        s += t - t;
        grad[o + j] = 0;
      }
      if (Number.isNaN(s)) return i;
    } else {
      const m = rowMax(z, o, k);
      let s0 = 0;
      let s1 = 0;
      let c0 = 0;
      let c1 = 0;
      let d0 = 0;
      let d1 = 0;
      for (let j = 0; j < kp; j += 2) {
        const da = z[o + j] - m;
        const db = z[o + j + 1] - m;
        const ea = exp(da);
        const eb = exp(db);
        grad[o + j] = ea;
        grad[o + j + 1] = eb;
        if (da === 0) c0++;
        else s0 += ea;
        if (db === 0) c1++;
        else s1 += eb;
        if (mode === 1) {
          d0 += (w as Float64Array)[j] * da;
          d1 += (w as Float64Array)[j + 1] * db;
        } else {
          d0 += da;
          d1 += db;
        }
      }
      let s = s0 + s1;
      let cnt = c0 + c1;
      let dot = d0 + d1;
      if (k & 1) {
        const t = z[o + kp] - m;
        const c = exp(t);
        grad[o + kp] = c;
        if (t === 0) cnt++;
        else s += c;
        dot += mode === 1 ? (w as Float64Array)[kp] * t : t;
      }
      if (!(s < Infinity && dot > -Infinity && dot < Infinity)) return i;
      const lns = lnSum(cnt, s);
      const rest = s;
      s += cnt;
      const dy = z[o + y] - m;
      const peak = cnt === 1 && dy === 0;
      const ey = grad[o + y];
      const wy = w === undefined ? 1 : w[y];
      if (mode === 1) {
        const wt = w as Float64Array;
        const c = off * a.wSum + jump * wy;
        const inv = c / s;
        l = c * lns - (off * dot + jump * wy * dy);
        for (let j = 0; j < k; j++) grad[o + j] = (grad[o + j] * inv - off * wt[j]) * scale;
        grad[o + y] = (ey * inv - off * wy - jump * wy) * scale;
        if (peak) grad[o + y] = peakGrad(off * (a.wSum - wy), off * wy + jump * wy, rest, s, scale);
      } else {
        const inv = wy / s;
        const c = wy * off;
        l = wy * (lns - (off * dot + jump * dy));
        for (let j = 0; j < k; j++) grad[o + j] = (grad[o + j] * inv - c) * scale;
        grad[o + y] = (ey * inv - c - wy * jump) * scale;
        if (peak) grad[o + y] = peakGrad(wy * a.cmp, c + wy * jump, rest, s, scale);
      }
    }
    loss[i] = l;
    total += l;
  }
  a.total = total;
  return -1;
}

/** @internal Probability targets; returns −1 or the first row whose sums are not finite. */
export function crossEntropyProbabilityJs(a: ProbabilityArgs & { grad: Float64Array }): number {
  const { z, t, w, grad, loss, n, k, keep, u, scale, mode } = a;
  const kp = k & ~1;
  let total = 0;
  for (let i = 0, o = 0; i < n; i++, o += k) {
    const m = rowMax(z, o, k);
    let rw = 1;
    if (mode === 2) {
      const wt = w as Float64Array;
      let r0 = 0;
      let r1 = 0;
      for (let j = 0; j < kp; j += 2) {
        r0 += wt[j] * t[o + j];
        r1 += wt[j + 1] * t[o + j + 1];
      }
      rw = r0 + r1;
      if (k & 1) rw += wt[kp] * t[o + kp];
    }
    const mass = (j: number): number => {
      const q = keep * t[o + j] + u;
      return mode === 1 ? (w as Float64Array)[j] * q : rw * q;
    };
    let e0 = 0;
    let e1 = 0;
    let c0 = 0;
    let c1 = 0;
    for (let j = 0; j < kp; j += 2) {
      const da = z[o + j] - m;
      const db = z[o + j + 1] - m;
      const ea = exp(da);
      const eb = exp(db);
      grad[o + j] = ea;
      grad[o + j + 1] = eb;
      if (da === 0) c0++;
      else e0 += ea;
      if (db === 0) c1++;
      else e1 += eb;
    }
    let s = e0 + e1;
    let cnt = c0 + c1;
    if (k & 1) {
      const d = z[o + kp] - m;
      const e = exp(d);
      grad[o + kp] = e;
      if (d === 0) cnt++;
      else s += e;
    }
    let a0 = 0;
    let a1 = 0;
    let d0 = 0;
    let d1 = 0;
    for (let j = 0; j < kp; j += 2) {
      const aa = mass(j);
      const ab = mass(j + 1);
      a0 += aa;
      a1 += ab;
      d0 += aa * (z[o + j] - m);
      d1 += ab * (z[o + j + 1] - m);
    }
    let sa = a0 + a1;
    let dot = d0 + d1;
    if (k & 1) {
      const ac = mass(kp);
      sa += ac;
      dot += ac * (z[o + kp] - m);
    }
    if (!(s < Infinity && dot > -Infinity && dot < Infinity)) return i;
    const l = sa * lnSum(cnt, s) - dot;
    s += cnt;
    const inv = sa / s;
    for (let j = 0; j < k; j++) grad[o + j] = (grad[o + j] * inv - mass(j)) * scale;
    loss[i] = l;
    total += l;
  }
  a.total = total;
  return -1;
}
