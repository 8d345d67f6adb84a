import { LslabError } from '../errors.js';
import { crossEntropyIndex, crossEntropyProbability } from '../kernels/crossEntropy.js';
import { crossEntropyPooled, type KernelPool, POOL_MIN_LOGITS } from '../kernels/pool.js';
import type { IndexArgs, ProbabilityArgs } from '../kernels/types.js';
import type { Matrix } from '../matrix.js';
import { extremeRow } from './extremeRow.js';

// The loops of softmaxCrossEntropy, kept apart from its option handling.

const FN = 'softmaxCrossEntropy';

/**
 * Where the kernels write: the gradient, per-row losses (for 'none'), and the
 * factor (1/divisor for 'mean', else 1) that the gradient is multiplied by as
 * it is written.
 */
export interface KernelOut {
  grad: Float64Array | Float32Array;
  losses: Float64Array | undefined;
  scale: number;
  /** a caller's pool: batches of ≥ 10^6 logits are split over its threads */
  pool?: KernelPool;
}

/** Whether this batch goes to the caller's pool. */
function pooled(out: KernelOut, count: number): KernelPool | undefined {
  const p = out.pool;
  return p !== undefined && p.threads > 1 && count >= POOL_MIN_LOGITS ? p : undefined;
}

/**
 * Called when a row's sums came out non-finite: throws E_NOT_FINITE for the
 * first non-finite logit of row i. Finite logits so extreme that z − max or
 * Σ a_c·(z_c − max) overflows (a spread near 1e308) find none: their row is
 * then computed apart ({@link extremeRow}), and the loss throws E_RANGE only
 * when it is itself beyond the double range.
 */
function checkFiniteRow(z: Matrix, i: number): void {
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
}

/** A loss beyond the double range (class weights near 1e308 on extreme logits). */
function checkLoss(l: number, i: number): number {
  if (!(l < Infinity && l > -Infinity)) {
    throw new LslabError(
      'E_RANGE',
      FN,
      'gives a loss beyond the double range (about 1.8e308); rescale the logits or the weights',
      { argument: 'logits', row: i },
    );
  }
  return l;
}

/** Rows [s, e) of a typed or plain array, as a view where possible. */
function part<T extends ArrayLike<number>>(v: T, s: number, e: number): T {
  if (ArrayBuffer.isView(v)) return (v as unknown as Float64Array).subarray(s, e) as unknown as T;
  return Array.prototype.slice.call(v, s, e) as unknown as T;
}

/**
 * Runs a kernel over rows [0, n) when some row is extreme (see
 * {@link checkFiniteRow}): the kernel over each run of ordinary rows, the
 * extreme rows one by one. Returns Σ_i l_i in row order.
 */
function byRuns(
  logits: Matrix,
  losses: Float64Array,
  run: (s: number, e: number) => { bad: number; total: number },
  row: (i: number) => number,
): number {
  const n = logits.rows;
  let total = 0;
  let start = 0;
  while (start < n) {
    const r = run(start, n);
    if (r.bad < 0) return total + r.total;
    const i = start + r.bad;
    checkFiniteRow(logits, i);
    if (i > start) total += run(start, i).total;
    losses[i] = checkLoss(row(i), i);
    total += losses[i];
    start = i + 1;
  }
  return total;
}
/** Class weights as a Float64Array (K values), or undefined. */
function weights(w: ArrayLike<number> | undefined): Float64Array | undefined {
  return w === undefined ? undefined : Float64Array.from(w);
}

/**
 * Index targets, q_c = off + (on − off)·[c = y], on the kernel layer
 * (kernels/kernels.wat, or its JavaScript twin): per row one pass for the
 * max, one for e^{z−m} (the kernels' portable exp) with Σe and Σ a_c·(z_c − m),
 * one that writes the gradient, already scaled. Returns Σ_i l_i.
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
  const { rows: n, cols: k } = logits;
  let wSum = 0;
  if (w !== undefined) for (let c = 0; c < k; c++) wSum += w[c];
  const args: IndexArgs = {
    z: logits.data,
    labels,
    ignoreIndex,
    w: weights(w),
    grad: out.grad,
    loss: out.losses ?? new Float64Array(n),
    n,
    k,
    on: mass.on,
    off: mass.off,
    scale: out.scale,
    mode: w === undefined || mode === 'sample' ? 0 : 1,
    wSum,
    cmp: mass.off * (k - 1),
    total: 0,
  };
  const pool = pooled(out, n * k);
  const bad = pool ? crossEntropyPooled(pool, 'index', args) : crossEntropyIndex(args);
  if (bad < 0) return args.total;
  const a = new Float64Array(k);
  const jump = mass.on - mass.off;
  return byRuns(
    logits,
    args.loss,
    (s, e) => {
      const p: IndexArgs = {
        ...args,
        z: part(args.z, s * k, e * k),
        labels: part(labels, s, e),
        grad: part(args.grad, s * k, e * k),
        loss: part(args.loss, s, e),
        n: e - s,
        total: 0,
      };
      return { bad: crossEntropyIndex(p), total: p.total };
    },
    (i) => {
      const y = labels[i];
      const wy = args.w === undefined ? 1 : args.w[y];
      for (let c = 0; c < k; c++) {
        const q = mass.off + (c === y ? jump : 0);
        a[c] = args.mode === 1 ? (args.w as Float64Array)[c] * q : wy * q;
      }
      return extremeRow(args.z, i * k, k, a, y, args.grad, args.scale);
    },
  );
}

/**
 * Probability targets t: q = (1 − a)·t + a/K with a the uniform-equivalent α,
 * on the kernel layer. Returns Σ_i l_i.
 */
export function probabilityKernel(
  logits: Matrix,
  t: ArrayLike<number>,
  a: number,
  w: ArrayLike<number> | undefined,
  mode: 'target' | 'sample',
  out: KernelOut,
): number {
  const { rows: n, cols: k } = logits;
  const args: ProbabilityArgs = {
    z: logits.data,
    t,
    w: weights(w),
    grad: out.grad,
    loss: out.losses ?? new Float64Array(n),
    n,
    k,
    keep: 1 - a,
    u: a / k,
    scale: out.scale,
    mode: w === undefined ? 0 : mode === 'target' ? 1 : 2,
    total: 0,
  };
  const pool = pooled(out, n * k);
  const bad = pool ? crossEntropyPooled(pool, 'probability', args) : crossEntropyProbability(args);
  if (bad < 0) return args.total;
  const q = new Float64Array(k);
  return byRuns(
    logits,
    args.loss,
    (s, e) => {
      const p: ProbabilityArgs = {
        ...args,
        z: part(args.z, s * k, e * k),
        t: part(t, s * k, e * k),
        grad: part(args.grad, s * k, e * k),
        loss: part(args.loss, s, e),
        n: e - s,
        total: 0,
      };
      return { bad: crossEntropyProbability(p), total: p.total };
    },
    (i) => {
      let rw = 0;
      if (args.mode === 2)
        for (let c = 0; c < k; c++) rw += (args.w as Float64Array)[c] * t[i * k + c];
      for (let c = 0; c < k; c++) {
        const v = args.keep * t[i * k + c] + args.u;
        q[c] = args.mode === 1 ? (args.w as Float64Array)[c] * v : args.mode === 2 ? rw * v : v;
      }
      return extremeRow(args.z, i * k, k, q, -1, args.grad, args.scale);
    },
  );
}
