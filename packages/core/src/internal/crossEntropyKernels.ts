import { LslabError } from '../errors.js';
import type { Matrix } from '../matrix.js';

// The loops of softmaxCrossEntropy, kept apart from its option handling.

const FN = 'softmaxCrossEntropy';

/**
 * Where the kernels write: the gradient, per-row losses (for 'none'), a
 * K-long scratch row of exponentials, and the factor (1/divisor for 'mean',
 * else 1) that the gradient is multiplied by as it is written.
 */
export interface KernelOut {
  grad: Float64Array | Float32Array;
  losses: Float64Array | undefined;
  exps: Float64Array;
  scale: number;
}

/**
 * Called when a row's sums came out non-finite: throws E_NOT_FINITE for the
 * first non-finite logit of row i. Finite logits so extreme that z − max or
 * Σ a_c·(z_c − max) overflows (a spread near 1e308) find none; their loss
 * would come out NaN (0·∞), so they throw E_RANGE instead.
 */
function checkRow(z: Matrix, i: number): never {
  const { cols: k, data } = z;
  for (let j = 0; j < k; j++) {
    const v = data[i * k + j];
    if (!(v > -Infinity && v < Infinity)) {
      throw new LslabError('E_NOT_FINITE', FN, 'is not finite', {
        argument: 'logits',
        row: i,
        column: j,
        value: v,
      });
    }
  }
  throw new LslabError(
    'E_RANGE',
    FN,
    'spans more than the double range: z − max(z) overflows; rescale the logits',
    { argument: 'logits', row: i },
  );
}

/**
 * Index targets, q_c = off + (on − off)·[c = y]. Per row: one Math.exp per
 * logit into the scratch row with Σe; then one loop writes the gradient,
 * already scaled, adds up Σ a_c·(z_c − max) and finds the max of the next row
 * (a separate pass over short rows cost as much as their exponentials).
 * Returns Σ_i l_i.
 */
export function indexKernel(
  logits: Matrix,
  labels: ArrayLike<number>,
  mass: { on: number; off: number },
  w: ArrayLike<number> | undefined,
  mode: 'target' | 'sample',
  ignoreIndex: number | undefined,
  out: KernelOut,
): number {
  const { rows: n, cols: k, data: z } = logits;
  const { grad, losses, exps, scale } = out;
  const { on, off } = mass;
  const jump = on - off;
  const rowWeights = w === undefined || mode === 'sample';
  let wSum = 0;
  if (w !== undefined) for (let c = 0; c < k; c++) wSum += w[c];
  let total = 0;
  let m = rowMax(z, 0, k);
  for (let i = 0; i < n; i++) {
    const o = i * k;
    const y = labels[i];
    // the next row, whose max the gradient loop finds on the way (the last row rescans itself)
    const ahead = i + 1 < n ? o + k : o;
    if (y === ignoreIndex) {
      // loss 0, gradient 0 (options.out may hold old values); a non-finite
      // logit is still bad input, even in a row that does not count
      for (let j = 0; j < k; j++) {
        const v = z[o + j];
        if (!(v > -Infinity && v < Infinity)) checkRow(logits, i);
      }
      grad.fill(0, o, o + k);
      m = rowMax(z, ahead, k);
      continue;
    }
    let s = 0;
    for (let j = 0; j < k; j++) {
      const e = Math.exp(z[o + j] - m);
      exps[j] = e;
      s += e;
    }
    let dot = 0;
    let mNext = z[ahead];
    let l: number;
    if (rowWeights) {
      // a_c = w_y·q_c: Σ_c a_c = w_y and Σ_c q_c d_c = off·Σ d_c + jump·d_y
      const wy = w === undefined ? 1 : w[y];
      const inv = wy / s;
      const offS = wy * off;
      for (let j = 0; j < k; j++) {
        grad[o + j] = (exps[j] * inv - offS) * scale;
        dot += z[o + j] - m;
        const v = z[ahead + j];
        if (v > mNext) mNext = v;
      }
      // a NaN or ±∞ logit makes s or dot non-finite (also NaN for −∞ times 0)
      if (!(s < Infinity && dot > -Infinity && dot < Infinity)) checkRow(logits, i);
      l = wy * (Math.log(s) - (off * dot + jump * (z[o + y] - m)));
      grad[o + y] = (exps[y] * inv - offS - wy * jump) * scale;
    } else {
      const wt = w as ArrayLike<number>;
      const wy = wt[y];
      const S = off * wSum + jump * wy; // Σ_c w_c q_c
      const inv = S / s;
      for (let j = 0; j < k; j++) {
        grad[o + j] = (exps[j] * inv - off * wt[j]) * scale;
        dot += wt[j] * (z[o + j] - m);
        const v = z[ahead + j];
        if (v > mNext) mNext = v;
      }
      if (!(s < Infinity && dot > -Infinity && dot < Infinity)) checkRow(logits, i);
      l = S * Math.log(s) - (off * dot + jump * wy * (z[o + y] - m));
      grad[o + y] = (exps[y] * inv - off * wy - jump * wy) * scale;
    }
    if (losses !== undefined) losses[i] = l;
    total += l;
    m = mNext;
  }
  return total;
}

/** The largest of z[o..o+k), compared in order from z[o] (NaN handling as in the kernels). */
function rowMax(z: Float64Array | Float32Array, o: number, k: number): number {
  let m = z[o];
  for (let j = 1; j < k; j++) {
    const v = z[o + j];
    if (v > m) m = v;
  }
  return m;
}

/**
 * Probability targets t: q = (1 − a)·t + a/K with a the uniform-equivalent α.
 * Returns Σ_i l_i.
 */
export function probabilityKernel(
  logits: Matrix,
  t: ArrayLike<number>,
  a: number,
  w: ArrayLike<number> | undefined,
  mode: 'target' | 'sample',
  out: KernelOut,
): number {
  const { rows: n, cols: k, data: z } = logits;
  const { grad, losses, exps, scale } = out;
  const keep = 1 - a;
  const u = a / k;
  const classWeights = w !== undefined && mode === 'target';
  let total = 0;
  for (let i = 0; i < n; i++) {
    const o = i * k;
    let m = z[o];
    for (let j = 1; j < k; j++) {
      const v = z[o + j];
      if (v > m) m = v;
    }
    // row weight in sample mode: ⟨w, t_i⟩ (= w_{y_i} for a one-hot row)
    let rw = 1;
    if (w !== undefined && mode === 'sample') {
      rw = 0;
      for (let j = 0; j < k; j++) rw += w[j] * t[o + j];
    }
    let s = 0;
    let dot = 0;
    let S = 0;
    for (let j = 0; j < k; j++) {
      const d = z[o + j] - m;
      const e = Math.exp(d);
      exps[j] = e;
      s += e;
      const q = keep * t[o + j] + u;
      const ac = classWeights ? (w as ArrayLike<number>)[j] * q : rw * q;
      S += ac;
      dot += ac * d;
    }
    if (!(s < Infinity && dot > -Infinity && dot < Infinity)) checkRow(logits, i);
    const l = S * Math.log(s) - dot;
    const inv = S / s;
    for (let j = 0; j < k; j++) {
      const q = keep * t[o + j] + u;
      const ac = classWeights ? (w as ArrayLike<number>)[j] * q : rw * q;
      grad[o + j] = (exps[j] * inv - ac) * scale;
    }
    if (losses !== undefined) losses[i] = l;
    total += l;
  }
  return total;
}
