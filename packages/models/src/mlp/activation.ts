import { tanhInPlace } from '@lslab/core/kernels';

/** The hidden-unit nonlinearities of `mlp`. */
export type Activation = 'tanh' | 'relu' | 'sigmoid';

/** @internal Applies the activation in place to a[from..to). */
export function activate(kind: Activation, a: Float64Array, from: number, to: number): void {
  if (kind === 'tanh') {
    tanhInPlace(a, from, to);
  } else if (kind === 'relu') {
    // branch-free: the sign of a pre-activation is a coin flip, so a branch on
    // it mispredicts about half the time; v·[v > 0] + 0 is max(v, 0) with +0
    // for v ≤ 0, and −∞ is the one input whose product would be NaN
    for (let i = from; i < to; i++) {
      const v = a[i];
      a[i] = v === -Infinity ? 0 : v * Number(v > 0) + 0;
    }
  } else {
    for (let i = from; i < to; i++) {
      const v = a[i];
      // σ on the stable side of 0
      if (v >= 0) a[i] = 1 / (1 + Math.exp(-v));
      else {
        const e = Math.exp(v);
        a[i] = e / (1 + e);
      }
    }
  }
}

/**
 * @internal delta[d..d+len) ⊙= f′(pre), written through the activation output
 * a[o..o+len) = f(pre): tanh′ = 1 − a², σ′ = a(1 − a), ReLU′ = [a > 0] (0 at
 * the kink).
 */
export function multiplyDerivative(
  kind: Activation,
  a: Float64Array,
  o: number,
  delta: Float64Array,
  d: number,
  len: number,
): void {
  if (kind === 'tanh') {
    for (let i = 0; i < len; i++) {
      const v = a[o + i];
      delta[d + i] *= 1 - v * v;
    }
  } else if (kind === 'relu') {
    // branch-free like `activate` (δ is finite here: the logits passed core's check)
    for (let i = 0; i < len; i++) delta[d + i] = delta[d + i] * Number(a[o + i] > 0) + 0;
  } else {
    for (let i = 0; i < len; i++) {
      const v = a[o + i];
      delta[d + i] *= v * (1 - v);
    }
  }
}

/**
 * @internal Saturated share of hidden units, given activations a (n×h):
 * tanh: per (sample, unit) entry, |a| > 0.99; sigmoid: a < 0.01 or a > 0.99;
 * ReLU: per unit, dead (a = 0 on every one of the n samples). Returns
 * [saturated count, total count].
 */
export function countSaturated(
  kind: Activation,
  a: Float64Array,
  n: number,
  h: number,
): [number, number] {
  let count = 0;
  if (kind === 'relu') {
    for (let j = 0; j < h; j++) {
      let dead = true;
      for (let i = 0; i < n && dead; i++) if (a[i * h + j] > 0) dead = false;
      if (dead) count++;
    }
    return [count, h];
  }
  const len = n * h;
  if (kind === 'tanh') {
    for (let i = 0; i < len; i++) if (Math.abs(a[i]) > 0.99) count++;
  } else {
    for (let i = 0; i < len; i++) if (a[i] < 0.01 || a[i] > 0.99) count++;
  }
  return [count, len];
}
