import type { SmoothingConvention } from '../../convention.js';
import { sigmoidScalar } from '../../internal/scalar.js';
import { softmaxCrossEntropy } from '../../softmaxCrossEntropy.js';
import { EPS } from '../tolerances.js';

/** @internal Step of the multi-class descent: softmax CE is ½-smooth, so any step below 4 descends. */
export const MULTI_LR = 2;
const MULTI_MAX_STEPS = 1_000_000;

/**
 * @internal Where the multi-class descent stops: max_k |p_k − q_k| ≤ 4·K·EPS,
 * the rounding floor of p − q (p's normaliser is a K-term sum, ≤ K·EPS/2 relative).
 */
export function stopGradient(K: number): number {
  return 4 * K * EPS;
}

/** @internal Gradient descent on K free logits towards a smoothed target of class 0. */
export function descend(K: number, alpha: number, convention: SmoothingConvention) {
  const stop = stopGradient(K);
  const z = new Float64Array(K);
  const logits = { rows: 1, cols: K, data: z };
  const opts = { labelSmoothing: alpha, convention, reduction: 'sum' } as const;
  let steps = 0;
  for (; steps < MULTI_MAX_STEPS; steps++) {
    const g = softmaxCrossEntropy(logits, [0], opts).grad.data;
    let gmax = 0;
    for (let j = 0; j < K; j++) gmax = Math.max(gmax, Math.abs(g[j]));
    if (gmax <= stop) break;
    for (let j = 0; j < K; j++) z[j] -= MULTI_LR * g[j];
  }
  return { z, steps, loss: softmaxCrossEntropy(logits, [0], opts).loss };
}

/**
 * @internal Gradient descent on one free logit with target t; records z at the
 * checkpoints. Stops early once a step is below the rounding of z (4·EPS·|z|),
 * which smoothed targets reach and hard labels never do: there |σ(z) − t| ≤ 4·EPS·|z|/η.
 */
export function binaryDescent(
  t: number,
  lr: number,
  steps: number,
  at: readonly number[],
): Float64Array {
  const out = new Float64Array(at.length);
  let z = 0;
  let next = 0;
  let due = at[0];
  for (let s = 1; s <= steps; s++) {
    const step = lr * (sigmoidScalar(z) - t);
    z -= step;
    if (s === due) {
      out[next++] = z;
      due = next < at.length ? at[next] : -1;
    }
    if (Math.abs(step) <= 4 * EPS * Math.abs(z)) break;
  }
  while (next < at.length) out[next++] = z;
  return out;
}

/** @internal About ten log-spaced steps per decade up to `steps`, plus every power of ten. */
export function checkpoints(steps: number): number[] {
  const set = new Set<number>();
  for (let e = 0; 10 ** (e / 10) <= steps; e++) set.add(Math.round(10 ** (e / 10)));
  set.add(steps);
  return [...set].sort((a, b) => a - b);
}
