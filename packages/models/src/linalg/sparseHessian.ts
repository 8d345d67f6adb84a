import type { CsrMatrix } from '../data/dataset.js';

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
      const ia = indices[a];
      const va = values[a];
      out[ia * p + ia] += c * (va * va);
      // pairs a < b once, written to both triangles so H is exactly symmetric
      for (let b = a + 1; b < hi; b++) {
        const v = c * (va * values[b]);
        out[ia * p + indices[b]] += v;
        out[indices[b] * p + ia] += v;
      }
      if (bias) {
        out[ia * p + d] += c * va;
        out[d * p + ia] += c * va;
      }
    }
    if (bias) out[d * p + d] += c;
  }
  if (l2 > 0) for (let j = 0; j < d; j++) out[j * p + j] += l2;
}
