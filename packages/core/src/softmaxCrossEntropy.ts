import type { SmoothingConvention } from './convention.js';
import { LslabError } from './errors.js';
import { indexKernel, type KernelOut, probabilityKernel } from './internal/crossEntropyKernels.js';
import { checkNoOverflow } from './internal/overflow.js';
import { allocate } from './internal/rows.js';
import { isOpenPool, type KernelPool } from './kernels/pool.js';
import type { Dtype, Matrix } from './matrix.js';
import { meanDivisor } from './meanDivisor.js';
import { smoothingMass } from './smoothingMass.js';
import {
  checkAlpha,
  checkConvention,
  checkDistributionRows,
  checkLabels,
  checkMatrix,
  checkNonEmpty,
  checkOption,
  checkOptions,
  checkWeights,
} from './validate/index.js';

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
  /**
   * A pool from {@link createKernelPool}: batches of at least 10^6 logits are
   * split over its threads, with the same bits as on one thread. Without it,
   * nothing runs off the calling thread.
   */
  pool?: KernelPool;
}

/** Result of a cross-entropy: the loss and its gradient with respect to the logits. */
export interface CrossEntropyResult<R extends Reduction = Reduction> {
  /** A number for `'mean'`/`'sum'`; per-row losses (Float64Array) for `'none'`. */
  loss: R extends 'none' ? Float64Array : number;
  /** ∂loss/∂logits (for `'none'`, row i holds ∂loss_i/∂z_i). */
  grad: Matrix;
}

const FN = 'softmaxCrossEntropy';
const OPTIONS = [
  'labelSmoothing',
  'convention',
  'weight',
  'weightMode',
  'ignoreIndex',
  'reduction',
  'dtype',
  'out',
  'pool',
] as const;

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
 * Runs on the kernel layer: WebAssembly SIMD where the engine has it, else a
 * JavaScript twin with the same bits; e^x is the kernels' portable
 * exponential (within 1 ulp, the same in every engine, not `Math.exp`). The
 * 'mean' scaling is applied as the gradient is written. Logits may be Float32
 * (all arithmetic is in Float64; a Float32 gradient is the Float64 gradient
 * rounded once). Pass `options.out` to reuse a gradient buffer.
 *
 * Any finite logits are accepted: a row whose spread overflows the kernels'
 * sums (such as [1e308, 0, 0], whose loss for label 0 is exactly 0) is
 * computed apart as Σ_c a_c·L + Σ_c a_c·(m − z_c), in which a class of zero
 * mass adds 0. Only a loss that is itself beyond the double range throws
 * `E_RANGE`: a row loss, or a `'sum'`; a `'mean'` whose row losses are finite
 * but add up past the range is their mean, each divided before adding.
 *
 * @param logits - N×K finite logits, K ≥ 2
 * @param target - N class indices, or an N×K Matrix of probability rows
 * @param options - see {@link SoftmaxCrossEntropyOptions}
 * @throws LslabError `E_SHAPE`, `E_NOT_FINITE`, `E_LABEL`, `E_RANGE`,
 *   `E_NOT_DISTRIBUTION`, `E_EMPTY`, `E_OPTION`
 * @see [conventions.md](../../../docs/conventions.md): PyTorch's class-weight semantics, ignored rows, 'mean', smoothing probability targets
 * @see [C2.gradient.md](../../../docs/theory/C2.gradient.md): why the gradient is p − q
 * @example
 * const z = fromRows([[2, 0, 0]]);
 * softmaxCrossEntropy(z, [0]).loss;                        // 0.2395447662218847 = log(1 + 2e^{-2})
 * softmaxCrossEntropy(z, [0], { labelSmoothing: 0.3 }).loss; // 0.6395447662218847
 *   // = 0.2395… + α·(z_0 − mean z) = 0.2395… + 0.3·(2 − 2/3)
 * const buf = new Float64Array(3);                        // reused across calls of this shape
 * softmaxCrossEntropy(z, [0], { out: buf }).grad.data === buf; // true; buf = p − e_0
 */
export function softmaxCrossEntropy<R extends Reduction = 'mean'>(
  logits: Matrix,
  target: ArrayLike<number> | Matrix,
  options?: SoftmaxCrossEntropyOptions<R>,
): CrossEntropyResult<R> {
  const o = checkOptions<SoftmaxCrossEntropyOptions<R>>(FN, options, OPTIONS);
  checkMatrix(FN, 'logits', logits);
  const { rows: n, cols: k } = logits;
  checkNonEmpty(FN, 'logits', n);
  if (k < 2)
    throw new LslabError('E_RANGE', FN, 'needs K ≥ 2 columns', {
      argument: 'logits.cols',
      value: k,
    });
  const alpha = o.labelSmoothing ?? 0;
  checkAlpha(FN, alpha, 'options.labelSmoothing');
  const convention = checkConvention(FN, o.convention);
  const mode = checkOption(FN, 'options.weightMode', o.weightMode ?? 'target', [
    'target',
    'sample',
  ] as const);
  const reduction = checkOption(FN, 'options.reduction', o.reduction ?? 'mean', [
    'mean',
    'sum',
    'none',
  ] as const);
  const w = o.weight;
  if (w !== undefined) checkWeights(FN, 'options.weight', w, k);
  const grad = gradBuffer(o.out, n * k, o.dtype);
  // per-row losses only for 'none'; otherwise the kernels add them up as they go
  const losses = reduction === 'none' ? new Float64Array(n) : undefined;
  if (o.pool !== undefined && !isOpenPool(o.pool)) {
    throw new LslabError('E_OPTION', FN, 'must be an open pool from createKernelPool()', {
      argument: 'options.pool',
    });
  }
  const out: KernelOut = { grad, losses, scale: 1, pool: o.pool };
  const isProb =
    target !== null && typeof target === 'object' && 'data' in target && 'rows' in target;
  let denom: number;
  let total: number;
  /** Runs the kernel again with other outputs (the rare 'mean' whose sum overflows). */
  let rerun: (again: KernelOut) => number;
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
    if (o.ignoreIndex !== undefined) {
      throw new LslabError('E_OPTION', FN, 'applies to class-index targets only', {
        argument: 'options.ignoreIndex',
        value: o.ignoreIndex,
      });
    }
    checkDistributionRows(FN, 'target', t);
    const a = convention === 'uniform' ? alpha : (alpha * k) / (k - 1);
    denom = n;
    if (reduction === 'mean') out.scale = 1 / denom;
    rerun = (again) => probabilityKernel(logits, t.data, a, w, mode, again);
    total = rerun(out);
  } else {
    const labels = target as ArrayLike<number>;
    checkLabels(FN, 'target', labels, n, k, o.ignoreIndex);
    denom = meanDivisor(labels, { weight: w, ignoreIndex: o.ignoreIndex });
    if (reduction === 'mean' && denom > 0) out.scale = 1 / denom;
    const mass = smoothingMass(alpha, k, convention);
    rerun = (again) => indexKernel(logits, labels, mass, w, mode, o.ignoreIndex, again);
    total = rerun(out);
    if (reduction === 'mean' && !(denom > 0)) {
      throw new LslabError(
        'E_EMPTY',
        FN,
        'no weight left to average over: every row is ignored or has class weight 0',
        { argument: 'target' },
      );
    }
  }
  let loss = reduction === 'mean' ? total / denom : total;
  if (reduction === 'mean' && !(total > -Infinity && total < Infinity)) {
    // the sum is beyond the double range, the mean need not be: average the
    // (weighted) row losses divided first; a row loss itself beyond range stays ∞
    const rows = new Float64Array(n);
    rerun({ ...out, losses: rows });
    loss = 0;
    for (let i = 0; i < n; i++) loss += rows[i] / denom;
  }
  // a row loss beyond range has thrown in the kernel, naming its row; 'none' adds nothing up
  if (reduction !== 'none') checkNoOverflow(FN, 'logits', [loss]);
  const g: Matrix = { rows: n, cols: k, data: grad };
  if (losses !== undefined) return { loss: losses, grad: g } as CrossEntropyResult<R>;
  return { loss, grad: g } as CrossEntropyResult<R>;
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
