import { LslabError, type Matrix, matrix } from '@lslab/core';
import { createRng, type Rng } from '@lslab/models';

/** The code of the LslabError thrown by `f`, or a description of what happened instead. */
export function thrownCode(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return e instanceof LslabError ? e.code : `not an LslabError: ${String(e)}`;
  }
  return 'nothing thrown';
}

/**
 * Mean NLL of softmax(β·z) written out directly (a separate implementation from
 * the package's): log Σ_j exp(β z_ij − c) + c − β z_iy with c = β·max_j z_ij.
 */
export function referenceNll(z: Matrix, y: ArrayLike<number>, beta: number): number {
  let total = 0;
  for (let i = 0; i < z.rows; i++) {
    let c = -Infinity;
    for (let j = 0; j < z.cols; j++) c = Math.max(c, beta * z.data[i * z.cols + j]);
    let s = 0;
    for (let j = 0; j < z.cols; j++) s += Math.exp(beta * z.data[i * z.cols + j] - c);
    total += Math.log(s) + c - beta * z.data[i * z.cols + y[i]];
  }
  return total / z.rows;
}

/**
 * Logits z_ij = scale·N(0, 1) and labels drawn from softmax(z_i / t0): a
 * model whose calibrating temperature is t0 by construction.
 */
export function temperedData(
  seed: number,
  n: number,
  k: number,
  t0: number,
  scale: number,
): { z: Matrix; y: Int32Array } {
  const rng: Rng = createRng(seed);
  const z = matrix(n, k);
  const y = new Int32Array(n);
  const w = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    let m = -Infinity;
    for (let j = 0; j < k; j++) {
      z.data[i * k + j] = scale * rng.normal();
      m = Math.max(m, z.data[i * k + j]);
    }
    for (let j = 0; j < k; j++) w[j] = Math.exp((z.data[i * k + j] - m) / t0);
    y[i] = rng.categorical(w);
  }
  return { z, y };
}

export { thrown } from '@lslab/test-utils';
