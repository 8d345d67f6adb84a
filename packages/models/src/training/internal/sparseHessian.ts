import type { CsrMatrix } from '../../data/dataset.js';

/**
 * @internal Hessian Σ_i c_i x̃_i x̃_iᵀ + λ·I_w of a binary linear model on CSR
 * rows, x̃_i = [x_i, 1] with a bias; O(Σ_i nnz_i²). Layout: w (d), then b.
 */
export function sparseHessian(
  x: CsrMatrix,
  bias: boolean,
  curv: Float64Array,
  l2: number,
  out: Float64Array,
): void {
  const { rows, cols: d, indptr, indices, values } = x;
  const p = bias ? d + 1 : d;
  out.fill(0, 0, p * p);
  for (let i = 0; i < rows; i++) {
    const c = curv[i];
    const lo = indptr[i];
    const hi = indptr[i + 1];
    for (let a = lo; a < hi; a++) {
      const va = c * values[a];
      const row = indices[a] * p;
      for (let b = lo; b < hi; b++) out[row + indices[b]] += va * values[b];
      if (bias) {
        out[row + d] += va;
        out[d * p + indices[a]] += va;
      }
    }
    if (bias) out[d * p + d] += c;
  }
  if (l2 > 0) for (let j = 0; j < d; j++) out[j * p + j] += l2;
}
