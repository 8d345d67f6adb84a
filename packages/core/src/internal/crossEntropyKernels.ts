import { LslabError } from '../errors.js';
import { crossEntropyIndex, crossEntropyProbability } from '../kernels/crossEntropy.js';
import { crossEntropyPooled, type KernelPool, POOL_MIN_LOGITS } from '../kernels/pool.js';
import type { IndexArgs, ProbabilityArgs } from '../kernels/types.js';
import type { Matrix } from '../matrix.js';

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
  if (bad >= 0) checkRow(logits, bad);
  return args.total;
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
  if (bad >= 0) checkRow(logits, bad);
  return args.total;
}
