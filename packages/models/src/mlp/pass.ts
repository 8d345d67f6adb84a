import { addTransposeProductRows, productRows, type Rows } from '@lslab/core/kernels';
import { transpose } from '../linalg/rows.js';
import { type Activation, activate, multiplyDerivative } from './activation.js';

/**
 * @internal Rows per block of the forward and backward sweeps: a multiple of 4
 * (see productJs.ts in @lslab/core's kernels) small enough that a block's activations and deltas stay
 * in cache while every layer works on them.
 */
export const BLOCK = 64;

/** @internal The parameters, gradients and per-model scratch of an MLP's layers. */
export interface MlpLayers {
  /** d, the hidden widths, K. */
  sizes: readonly number[];
  act: Activation;
  W: Float64Array[];
  b: Float64Array[];
  gW: Float64Array[];
  gb: Float64Array[];
  /** W_lᵀ (fan_out×fan_in), refreshed by each backward sweep. */
  Wt: Float64Array[];
}

/** @internal Per-batch-size scratch of the sweeps. */
export interface MlpScratch {
  /** Hidden activations, n×h_l each. */
  act: Float64Array[];
  /** Deltas of one block, BLOCK×h_l each. */
  delta: Float64Array[];
}

/** @internal Scratch for n rows. */
export function mlpScratch(sizes: readonly number[], n: number): MlpScratch {
  const hidden = sizes.slice(1, sizes.length - 1);
  return {
    act: hidden.map((h) => new Float64Array(n * h)),
    delta: hidden.map((h) => new Float64Array(BLOCK * h)),
  };
}

/**
 * @internal Forward sweep of x (n×d): for each block of rows, every hidden
 * layer h_l = f(h_{l−1}W_l + b_l) into `s.act`, then the logits into `logits`.
 */
export function forwardSweep(
  L: MlpLayers,
  x: Rows,
  n: number,
  s: MlpScratch,
  logits: Float64Array,
): void {
  const sizes = L.sizes;
  const hidden = sizes.length - 2;
  for (let i0 = 0; i0 < n; i0 += BLOCK) {
    const rows = Math.min(BLOCK, n - i0);
    let input: Rows = x;
    for (let l = 0; l < hidden; l++) {
      const m = sizes[l];
      const p = sizes[l + 1];
      const out = s.act[l];
      productRows(input, i0 * m, rows, m, L.W[l], p, L.b[l], out, i0 * p);
      activate(L.act, out, i0 * p, (i0 + rows) * p);
      input = out;
    }
    const m = sizes[hidden];
    const k = sizes[hidden + 1];
    productRows(input, i0 * m, rows, m, L.W[hidden], k, L.b[hidden], logits, i0 * k);
  }
}

/**
 * @internal Backward sweep after {@link forwardSweep}: with g (n×K) the
 * gradient of the objective with respect to the logits, adds ∂/∂W_l =
 * h_{l−1}ᵀδ_l and ∂/∂b_l = Σ_rows δ_l to `L.gW`, `L.gb` (which the caller
 * zeroes), where δ_L = g and δ_{l−1} = (δ_l W_lᵀ) ⊙ f′(h_{l−1}), block by
 * block, so a block's deltas never leave cache.
 */
export function backwardSweep(
  L: MlpLayers,
  x: Rows,
  n: number,
  s: MlpScratch,
  g: Float64Array,
): void {
  const sizes = L.sizes;
  const hidden = sizes.length - 2;
  for (let l = 1; l <= hidden; l++) transpose(L.W[l], sizes[l], sizes[l + 1], L.Wt[l]);
  for (let i0 = 0; i0 < n; i0 += BLOCK) {
    const rows = Math.min(BLOCK, n - i0);
    let delta = g;
    let dOff = i0 * sizes[hidden + 1];
    for (let l = hidden; l >= 0; l--) {
      const m = sizes[l];
      const p = sizes[l + 1];
      const input = l === 0 ? x : s.act[l - 1];
      addTransposeProductRows(input, i0 * m, rows, m, delta, dOff, p, L.gW[l], L.gb[l]);
      if (l > 0) {
        const prev = s.delta[l - 1];
        productRows(delta, dOff, rows, p, L.Wt[l], m, undefined, prev, 0);
        multiplyDerivative(L.act, s.act[l - 1], i0 * m, prev, 0, rows * m);
        delta = prev;
        dOff = 0;
      }
    }
  }
}
