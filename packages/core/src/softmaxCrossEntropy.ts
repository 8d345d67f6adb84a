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
 * One pass per row, one `Math.exp` per logit, no allocation per row; logits
 * may be Float32 (accumulation is in Float64).
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
  const grad = allocate(FN, n * k, options.dtype);
  const losses = new Float64Array(n);
  const isProb =
    target !== null && typeof target === 'object' && 'data' in target && 'rows' in target;
  let denom: number;
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
    probabilityKernel(logits, t.data, a, w, mode, losses, grad);
    denom = n;
  } else {
    const labels = target as ArrayLike<number>;
    checkLabels(FN, 'target', labels, n, k, options.ignoreIndex);
    denom = indexKernel(
      logits,
      labels,
      smoothingMass(alpha, k, convention),
      w,
      mode,
      options.ignoreIndex,
      losses,
      grad,
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
  if (reduction === 'none')
    return { loss: losses, grad: { rows: n, cols: k, data: grad } } as CrossEntropyResult<R>;
  let total = 0;
  for (let i = 0; i < n; i++) total += losses[i];
  if (reduction === 'mean') {
    const inv = 1 / denom;
    for (let i = 0; i < grad.length; i++) grad[i] *= inv;
    total /= denom;
  }
  return { loss: total, grad: { rows: n, cols: k, data: grad } } as CrossEntropyResult<R>;
}

function nonFinite(z: Matrix, i: number, j: number): never {
  throw new LslabError('E_NOT_FINITE', FN, 'is not finite', {
    argument: 'logits',
    row: i,
    column: j,
    value: z.data[i * z.cols + j],
  });
}

/**
 * Index targets. q_c = off + (on − off)·[c = y]. Returns the 'mean' divisor
 * Σ w_{y_i} (or the count of kept rows without weights).
 */
function indexKernel(
  logits: Matrix,
  labels: ArrayLike<number>,
  mass: { on: number; off: number },
  w: ArrayLike<number> | undefined,
  mode: 'target' | 'sample',
  ignoreIndex: number | undefined,
  losses: Float64Array,
  grad: Float64Array | Float32Array,
): number {
  const { rows: n, cols: k, data: z } = logits;
  const { on, off } = mass;
  const jump = on - off;
  let wSum = 0;
  if (w !== undefined) for (let c = 0; c < k; c++) wSum += w[c];
  let denom = 0;
  for (let i = 0; i < n; i++) {
    const o = i * k;
    const y = labels[i];
    if (y === ignoreIndex) continue; // losses[i] and grad row stay 0
    // pass 1: max, with the finiteness check folded in
    let m = -Infinity;
    for (let j = 0; j < k; j++) {
      const v = z[o + j];
      if (!(v > -Infinity && v < Infinity)) nonFinite(logits, i, j);
      if (v > m) m = v;
    }
    // pass 2: exp once per logit, stored in grad; Σ e and Σ a_c·(z_c − m)
    let s = 0;
    let dot = 0;
    const wy = w === undefined ? 1 : w[y];
    if (w === undefined || mode === 'sample') {
      for (let j = 0; j < k; j++) {
        const d = z[o + j] - m;
        const e = Math.exp(d);
        grad[o + j] = e;
        s += e;
        dot += d;
      }
      // Σ q_c d_c = off·Σ d_c + jump·d_y; scaled by w_y in sample mode
      const dy = z[o + y] - m;
      const S = wy; // Σ_c a_c = w_y·Σ q_c = w_y
      const qd = off * dot + jump * dy;
      losses[i] = wy * (Math.log(s) - qd);
      const inv = S / s;
      const offS = wy * off;
      for (let j = 0; j < k; j++) grad[o + j] = grad[o + j] * inv - offS;
      grad[o + y] -= wy * jump;
      denom += wy;
    } else {
      for (let j = 0; j < k; j++) {
        const d = z[o + j] - m;
        const e = Math.exp(d);
        grad[o + j] = e;
        s += e;
        dot += w[j] * d;
      }
      const dy = z[o + y] - m;
      const S = off * wSum + jump * wy; // Σ_c w_c q_c
      losses[i] = S * Math.log(s) - (off * dot + jump * wy * dy);
      const inv = S / s;
      for (let j = 0; j < k; j++) grad[o + j] = grad[o + j] * inv - off * w[j];
      grad[o + y] -= jump * wy;
      denom += wy;
    }
  }
  return denom;
}

/** Probability targets t: q = (1 − a)·t + a/K with a the uniform-equivalent α. */
function probabilityKernel(
  logits: Matrix,
  t: ArrayLike<number>,
  a: number,
  w: ArrayLike<number> | undefined,
  mode: 'target' | 'sample',
  losses: Float64Array,
  grad: Float64Array | Float32Array,
): void {
  const { rows: n, cols: k, data: z } = logits;
  const keep = 1 - a;
  const u = a / k;
  for (let i = 0; i < n; i++) {
    const o = i * k;
    let m = -Infinity;
    for (let j = 0; j < k; j++) {
      const v = z[o + j];
      if (!(v > -Infinity && v < Infinity)) nonFinite(logits, i, j);
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
      grad[o + j] = e;
      s += e;
      const q = keep * t[o + j] + u;
      const ac = w !== undefined && mode === 'target' ? w[j] * q : rw * q;
      S += ac;
      dot += ac * d;
    }
    losses[i] = S * Math.log(s) - dot;
    const inv = S / s;
    for (let j = 0; j < k; j++) {
      const q = keep * t[o + j] + u;
      const ac = w !== undefined && mode === 'target' ? w[j] * q : rw * q;
      grad[o + j] = grad[o + j] * inv - ac;
    }
  }
}
