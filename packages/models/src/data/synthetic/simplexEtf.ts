import { LslabError, MAX_ELEMENTS, type Matrix, type Rng } from '@lslab/core';
import { checkInteger, checkRng } from '@lslab/core/validate';

/**
 * The K vectors of a simplex equiangular tight frame in R^d (d ≥ K − 1): unit
 * vectors m_k with m_j·m_k = −1/(K − 1) for j ≠ k, summing to 0 — the class
 * geometry of neural collapse. Built as the centred, rescaled standard basis
 * √(K/(K−1))·(e_k − 1/K) written in an orthonormal (Helmert) basis of the
 * sum-zero subspace, which gives K − 1 coordinates, padded with zeros to d. With
 * `rng` the frame is then rotated by a uniformly random orthogonal matrix
 * (Gram–Schmidt on a Gaussian d × d matrix).
 *
 * @param numClasses - K ≥ 2
 * @param dim - d ≥ K − 1
 * @param rng - optional generator for a random rotation
 * @returns K × d matrix whose rows are the frame vectors
 * @throws LslabError `E_RANGE` for K < 2 or d < K − 1
 * @example
 * const m = simplexEtf(3, 2);
 * // rows are unit vectors at 120°: m_0·m_1 = −1/2
 */
export function simplexEtf(numClasses: number, dim: number, rng?: Rng): Matrix {
  const fn = 'simplexEtf';
  const k = numClasses;
  checkInteger(fn, 'numClasses', k, { min: 2 });
  checkInteger(fn, 'dim', dim, { min: 1 });
  checkInteger(fn, 'numClasses × max(numClasses, dim)', k * Math.max(k, dim), {
    max: MAX_ELEMENTS,
  });
  if (dim < k - 1) {
    throw new LslabError('E_RANGE', fn, `must be ≥ K − 1 = ${k - 1}`, {
      argument: 'dim',
      value: dim,
    });
  }
  const d = dim;
  const out = new Float64Array(k * d);
  const scale = Math.sqrt(k / (k - 1));
  // Helmert basis vector h_j (j = 1..K−1): (1,…,1, −j, 0,…)/√(j(j+1)), j ones.
  for (let c = 0; c < k; c++) {
    for (let j = 1; j < k; j++) {
      const norm = Math.sqrt(j * (j + 1));
      const h = c < j ? 1 / norm : c === j ? -j / norm : 0;
      // (e_c − 1/K)·h_j = h_j[c], since h_j sums to 0
      out[c * d + (j - 1)] = scale * h;
    }
  }
  if (rng === undefined) return { rows: k, cols: d, data: out };
  checkRng(fn, 'rng', rng);
  const q = new Float64Array(d * d);
  for (let i = 0; i < d * d; i++) q[i] = rng.normal();
  for (let a = 0; a < d; a++) {
    for (let b = 0; b < a; b++) {
      let p = 0;
      for (let j = 0; j < d; j++) p += q[a * d + j] * q[b * d + j];
      for (let j = 0; j < d; j++) q[a * d + j] -= p * q[b * d + j];
    }
    let norm = 0;
    for (let j = 0; j < d; j++) norm += q[a * d + j] * q[a * d + j];
    norm = Math.sqrt(norm);
    for (let j = 0; j < d; j++) q[a * d + j] /= norm;
  }
  const rotated = new Float64Array(k * d);
  for (let c = 0; c < k; c++) {
    for (let j = 0; j < d; j++) {
      let s = 0;
      for (let t = 0; t < d; t++) s += out[c * d + t] * q[t * d + j];
      rotated[c * d + j] = s;
    }
  }
  return { rows: k, cols: d, data: rotated };
}
