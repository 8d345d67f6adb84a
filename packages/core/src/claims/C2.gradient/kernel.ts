import type { Matrix } from '../../matrix.js';
import { softmaxCrossEntropy } from '../../softmaxCrossEntropy.js';
import { centralGradient, centralJacobian } from '../differences.js';

/** @internal A one-row matrix. */
export function row(v: ArrayLike<number>): Matrix {
  return { rows: 1, cols: v.length, data: Float64Array.from(v) };
}

/** @internal ℓ(z; q) and ∂ℓ/∂z from the fused kernel (probability targets, no smoothing). */
export function kernel(z: Float64Array, q: Float64Array): { loss: number; grad: Float64Array } {
  const r = softmaxCrossEntropy(row(z), row(q), { reduction: 'sum' });
  return { loss: r.loss, grad: r.grad.data as Float64Array };
}

/** @internal ∇ℓ by central differences of the kernel's loss. */
export const fdGradient = (z: Float64Array, q: Float64Array) =>
  centralGradient((w) => kernel(w, q).loss, z);
/** @internal The Hessian by central differences of the kernel's gradient. */
export const fdHessian = (z: Float64Array, q: Float64Array) =>
  centralJacobian((w) => kernel(w, q).grad, z);

/** @internal diag(p) − ppᵀ, the closed-form Hessian. */
export function hessian(p: ArrayLike<number>): Float64Array {
  const k = p.length;
  const out = new Float64Array(k * k);
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++) out[i * k + j] = (i === j ? p[i] : 0) - p[i] * p[j];
  return out;
}
