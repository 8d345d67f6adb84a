/**
 * @internal Hessian of a linear model's objective: with x̃_i = [x_i, 1] (the 1
 * only when there is a bias) and per-row logit curvature A_i (m×m), the
 * parameter (k, c) ↦ index k·m + c (weights row-major d×m, then the bias row)
 * gives H = Σ_i x̃_i x̃_iᵀ ⊗ A_i, plus `l2` on the diagonal of the weight
 * entries (not the bias). `curv` holds the A_i back to back (n·m·m values).
 * Computes the upper block triangle (k ≤ l) and mirrors it.
 */
export function kroneckerHessian(
  x: ArrayLike<number>,
  n: number,
  d: number,
  bias: boolean,
  m: number,
  curv: Float64Array,
  l2: number,
  out: Float64Array,
): void {
  const db = bias ? d + 1 : d;
  const p = db * m;
  out.fill(0, 0, p * p);
  const mm = m * m;
  for (let i = 0; i < n; i++) {
    const xi = i * d;
    const ai = i * mm;
    for (let k = 0; k < db; k++) {
      const xk = k === d ? 1 : x[xi + k];
      if (xk === 0) continue;
      for (let l = k; l < db; l++) {
        const o = xk * (l === d ? 1 : x[xi + l]);
        if (o === 0) continue;
        for (let c = 0; c < m; c++) {
          const row = (k * m + c) * p + l * m;
          const ac = ai + c * m;
          for (let e = 0; e < m; e++) out[row + e] += o * curv[ac + e];
        }
      }
    }
  }
  // mirror the blocks above the diagonal into those below
  for (let k = 0; k < db; k++) {
    for (let l = k + 1; l < db; l++) {
      for (let c = 0; c < m; c++) {
        for (let e = 0; e < m; e++) {
          out[(l * m + e) * p + k * m + c] = out[(k * m + c) * p + l * m + e];
        }
      }
    }
  }
  if (l2 > 0) for (let j = 0; j < d * m; j++) out[j * p + j] += l2;
}
