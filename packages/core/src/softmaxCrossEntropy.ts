import { SMOOTHING_CONVENTIONS, type SmoothingConvention } from './convention.js';
import { LslabError } from './errors.js';
import { allocate } from './internal/rows.js';
import { smoothingMass } from './internal/smoothingMass.js';
import {
  checkAlpha,
  checkDistributionRows,
  checkLabels,
  checkMatrix,
  checkNonEmpty,
  checkOption,
  checkWeights,
} from './internal/validate.js';
import type { Dtype, Matrix } from './matrix.js';

/** How a cross-entropy is reduced over the batch. */
export type Reduction = 'mean' | 'sum' | 'none';

/** Options of {@link softmaxCrossEntropy}. */
export interface SoftmaxCrossEntropyOptions<R extends Reduction = Reduction> {
  /** Smoothing α ∈ [0, 1]; default 0 (PyTorch's `label_smoothing`). */
  labelSmoothing?: number;
  /** `'uniform'` (default, PyTorch) or `'others'`. */
  convention?: SmoothingConvention;
  /** Class weights w ∈ [0, ∞)^K (PyTorch's `weight`). */
  weight?: ArrayLike<number>;
  /**
   * `'target'` (default, PyTorch): l_i = −Σ_c w_c·q_ic·log p_ic — weights the
   * target mass and moves the optimum to p* ∝ w∘q. `'sample'`: l_i =
   * w_{y_i}·CE(q_i, p_i) — weights whole rows and keeps the optimum at q.
   */
  weightMode?: 'target' | 'sample';
  /** Rows whose label equals this value contribute nothing (index targets only). No default. */
  ignoreIndex?: number;
  /** `'mean'` (default), `'sum'` or `'none'`. */
  reduction?: R;
  /** Precision of `grad`: `'float64'` (default) or `'float32'`. */
  dtype?: Dtype;
  /**
   * A Float64Array or Float32Array of length N·K that receives the gradient
   * (returned as `grad.data`) instead of a new array; its type sets the
   * precision. Reusing one buffer across calls of the same shape, as a
   * training loop does, saves allocating and zeroing N·K numbers per call.
   * It must not share memory with `logits` or `target`.
   */
  out?: Float64Array | Float32Array;
}

/** Result of a cross-entropy: the loss and its gradient with respect to the logits. */
export interface CrossEntropyResult<R extends Reduction = Reduction> {
  /** A number for `'mean'`/`'sum'`; per-row losses (Float64Array) for `'none'`. */
  loss: R extends 'none' ? Float64Array : number;
  /** ∂loss/∂logits (for `'none'`, row i holds ∂loss_i/∂z_i). */
  grad: Matrix;
}

const FN = 'softmaxCrossEntropy';

/**
 * Softmax cross-entropy with label smoothing, class weights and ignored rows,
 * with the numbers of PyTorch's `F.cross_entropy(logits, target, weight,
 * ignore_index, reduction, label_smoothing)` (float64, relative error ≤ 1e-12).
 *
 * Per row, with q the smoothed target and p = softmax(z):
 * l_i = −Σ_c a_ic·log p_ic, a_ic = w_c·q_ic (`weightMode: 'target'`) or
 * w_{y_i}·q_ic (`'sample'`). The gradient is ∂l_i/∂z_i = (Σ_c a_ic)·p_i − a_i,
 * which is p − q without weights.
 *
 * `'mean'` divides by Σ w_{y_i} over non-ignored rows for index targets (by
 * their count without weights) and by N for probability targets, as PyTorch
 * does. Probability targets are smoothed by mixing with the uniform
 * distribution: q = (1−α)·t + α/K (`'others'`: the same with α·K/(K−1)); do not
 * pass targets that are already smoothed.
 *
 * One pass over the rows, one `Math.exp` per logit, no allocation per row;
 * the 'mean' scaling is applied as the gradient is written. Logits may be
 * Float32 (all arithmetic is in Float64; a Float32 gradient is the Float64
 * gradient rounded once). Pass `options.out` to reuse a gradient buffer.
 *
 * @param logits - N×K finite logits, K ≥ 2
 * @param target - N class indices, or an N×K Matrix of probability rows
 * @param options - see {@link SoftmaxCrossEntropyOptions}
 * @throws LslabError `E_SHAPE`, `E_NOT_FINITE`, `E_LABEL`, `E_RANGE`,
 *   `E_NOT_DISTRIBUTION`, `E_EMPTY`, `E_OPTION`
 * @example
 * const z = fromRows([[2, 0, 0]]);
 * softmaxCrossEntropy(z, [0]).loss;                        // 0.2395447662496...  = log(1 + 2e^{-2})
 * softmaxCrossEntropy(z, [0], { labelSmoothing: 0.3 }).loss; // 0.2395... + 0.2·2 = 0.6395447662496...
 * const buf = new Float64Array(3);                        // reused across calls of this shape
 * softmaxCrossEntropy(z, [0], { out: buf }).grad.data === buf; // true; buf = p − e_0
 */
export function softmaxCrossEntropy<R extends Reduction = 'mean'>(
  logits: Matrix,
  target: ArrayLike<number> | Matrix,
  options: SoftmaxCrossEntropyOptions<R> = {},
): CrossEntropyResult<R> {
  checkMatrix(FN, 'logits', logits);
  const { rows: n, cols: k } = logits;
  checkNonEmpty(FN, 'logits', n);
  if (k < 2)
    throw new LslabError('E_RANGE', FN, 'needs K ≥ 2 columns', { argument: 'logits', value: k });
  const alpha = options.labelSmoothing ?? 0;
  checkAlpha(FN, alpha, 'options.labelSmoothing');
  const convention = checkOption(
    FN,
    'options.convention',
    options.convention ?? 'uniform',
    SMOOTHING_CONVENTIONS,
  );
  const mode = checkOption(FN, 'options.weightMode', options.weightMode ?? 'target', [
    'target',
    'sample',
  ] as const);
  const reduction = checkOption(FN, 'options.reduction', options.reduction ?? 'mean', [
    'mean',
    'sum',
    'none',
  ] as const);
  const w = options.weight;
  if (w !== undefined) checkWeights(FN, 'options.weight', w, k);
  const grad = gradBuffer(options.out, n * k, options.dtype);
  // per-row losses only for 'none'; otherwise the kernels add them up as they go
  const losses = reduction === 'none' ? new Float64Array(n) : undefined;
  const out: KernelOut = { grad, losses, exps: new Float64Array(k), scale: 1 };
  const isProb =
    target !== null && typeof target === 'object' && 'data' in target && 'rows' in target;
  let denom: number;
  let total: number;
  if (isProb) {
    const t = target as Matrix;
    checkMatrix(FN, 'target', t);
    if (t.rows !== n || t.cols !== k) {
      throw new LslabError(
        'E_SHAPE',
        FN,
        `is ${t.rows} × ${t.cols}, expected ${n} × ${k} like logits`,
        {
          argument: 'target',
        },
      );
    }
    if (options.ignoreIndex !== undefined) {
      throw new LslabError('E_OPTION', FN, 'applies to class-index targets only', {
        argument: 'options.ignoreIndex',
        value: options.ignoreIndex,
      });
    }
    checkDistributionRows(FN, 'target', t);
    const a = convention === 'uniform' ? alpha : (alpha * k) / (k - 1);
    denom = n;
    if (reduction === 'mean') out.scale = 1 / denom;
    total = probabilityKernel(logits, t.data, a, w, mode, out);
  } else {
    const labels = target as ArrayLike<number>;
    checkLabels(FN, 'target', labels, n, k, options.ignoreIndex);
    denom = meanDivisor(labels, w, options.ignoreIndex);
    if (reduction === 'mean' && denom > 0) out.scale = 1 / denom;
    total = indexKernel(
      logits,
      labels,
      smoothingMass(alpha, k, convention),
      w,
      mode,
      options.ignoreIndex,
      out,
    );
    if (reduction === 'mean' && !(denom > 0)) {
      throw new LslabError(
        'E_EMPTY',
        FN,
        'no weight left to average over: every row is ignored or has class weight 0',
        { argument: 'target' },
      );
    }
  }
  const g: Matrix = { rows: n, cols: k, data: grad };
  if (losses !== undefined) return { loss: losses, grad: g } as CrossEntropyResult<R>;
  return { loss: reduction === 'mean' ? total / denom : total, grad: g } as CrossEntropyResult<R>;
}

/**
 * Where the kernels write: the gradient, per-row losses (for 'none'), a
 * K-long scratch row of exponentials, and the factor (1/divisor for 'mean',
 * else 1) that the gradient is multiplied by as it is written.
 */
interface KernelOut {
  grad: Float64Array | Float32Array;
  losses: Float64Array | undefined;
  exps: Float64Array;
  scale: number;
}

/** The caller's `out` after checking its type, length and dtype, or a new zeroed array. */
function gradBuffer(
  out: unknown,
  length: number,
  dtype: Dtype | undefined,
): Float64Array | Float32Array {
  if (out === undefined) return allocate(FN, length, dtype);
  if (!(out instanceof Float64Array || out instanceof Float32Array)) {
    throw new LslabError('E_OPTION', FN, 'must be a Float64Array or a Float32Array', {
      argument: 'options.out',
    });
  }
  if (out.length !== length) {
    throw new LslabError('E_SHAPE', FN, `has length ${out.length}, expected N × K = ${length}`, {
      argument: 'options.out',
    });
  }
  const own = out instanceof Float32Array ? 'float32' : 'float64';
  if (dtype !== undefined && dtype !== own) {
    throw new LslabError('E_OPTION', FN, `is '${dtype}' but options.out is ${own}`, {
      argument: 'options.dtype',
      value: dtype,
    });
  }
  return out;
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

/** The 'mean' divisor for index targets: Σ w_{y_i} over kept rows (their count without weights). */
function meanDivisor(
  labels: ArrayLike<number>,
  w: ArrayLike<number> | undefined,
  ignoreIndex: number | undefined,
): number {
  let denom = 0;
  for (let i = 0; i < labels.length; i++) {
    const y = labels[i];
    if (y === ignoreIndex) continue;
    denom += w === undefined ? 1 : w[y];
  }
  return denom;
}

/**
 * Index targets, q_c = off + (on − off)·[c = y]. Per row: one Math.exp per
 * logit into the scratch row with Σe; then one loop writes the gradient,
 * already scaled, adds up Σ a_c·(z_c − max) and finds the max of the next row
 * (a separate pass over short rows cost as much as their exponentials).
 * Returns Σ_i l_i.
 */
function indexKernel(
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
      grad.fill(0, o, o + k); // loss 0, gradient 0 (options.out may hold old values)
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
function probabilityKernel(
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
