import { createRng, type Matrix } from '@lslab/core';
import { EPS, expectClose } from '@lslab/test-utils';
import type { Features, Model } from '../../src/training/index.ts';

/** Gaussian features (n×d) and uniformly drawn labels in [0, k), from a seed. */
export function randomData(
  seed: number,
  n: number,
  d: number,
  k: number,
  scale = 1,
): { x: Matrix; y: Int32Array } {
  const rng = createRng(seed);
  const data = new Float64Array(n * d);
  for (let i = 0; i < data.length; i++) data[i] = scale * rng.normal();
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) y[i] = rng.int(k);
  return { x: { rows: n, cols: d, data }, y };
}

/** Gaussian parameters, so that checks do not start at a special point. */
export function randomizeParams(model: Model, seed: number, scale = 0.5): void {
  const rng = createRng(seed);
  for (let j = 0; j < model.params.length; j++) model.params[j] = scale * rng.normal();
}

/**
 * Compares every gradient entry with the central difference
 * (f(θ + h e_j) − f(θ − h e_j)) / 2h. Its error is h²·f‴/6 (truncation) plus
 * about ε·|f|/h (rounding); with h = 1e-5 and |f|, |f‴| of order 1 both stay
 * below 1e-9, so an absolute tolerance of 1e-8 is a few times the error bound.
 */
export function checkGradient(
  model: Model,
  x: Features,
  y: ArrayLike<number>,
  batch?: ArrayLike<number>,
  h = 1e-5,
  atol = 1e-8,
): void {
  model.lossAndGradient(x, y, batch);
  const analytic = Float64Array.from(model.grad);
  for (const [name, view] of Object.entries(model.tensors)) {
    const offset = view.byteOffset / 8 - model.params.byteOffset / 8;
    for (let j = 0; j < view.length; j++) {
      const keep = view[j];
      view[j] = keep + h;
      const up = model.lossAndGradient(x, y, batch);
      view[j] = keep - h;
      const down = model.lossAndGradient(x, y, batch);
      view[j] = keep;
      const fd = (up - down) / (2 * h);
      expectClose(analytic[offset + j], fd, {
        atol: atol / EPS,
        rtol: 1e-6 / EPS,
        label: `${name}[${j}]`,
      });
    }
  }
}

/**
 * Compares `model.hessian` with central differences of the analytic gradient,
 * column by column: (∇f(θ + h e_j) − ∇f(θ − h e_j)) / 2h (error ~ h² + ε/h).
 */
export function checkHessian(model: Model, x: Features, y: ArrayLike<number>, h = 1e-5): void {
  const p = model.params.length;
  const hess = new Float64Array(p * p);
  model.hessian?.(x, y, hess);
  for (let j = 0; j < p; j++) {
    const keep = model.params[j];
    model.params[j] = keep + h;
    model.lossAndGradient(x, y);
    const up = Float64Array.from(model.grad);
    model.params[j] = keep - h;
    model.lossAndGradient(x, y);
    const down = model.grad;
    model.params[j] = keep;
    for (let i = 0; i < p; i++) {
      const fd = (up[i] - down[i]) / (2 * h);
      expectClose(hess[i * p + j], fd, { atol: 1e-8 / EPS, label: `H[${i}][${j}]` });
      expectClose(hess[i * p + j], hess[j * p + i], { rtol: 0, label: `symmetry H[${i}][${j}]` });
    }
  }
}

/** ‖v‖₂ written out. */
export function norm2(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  return Math.sqrt(s);
}
