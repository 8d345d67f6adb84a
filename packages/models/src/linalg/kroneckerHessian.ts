/**
 * @internal Hessian of a linear model's objective: with x̃_i = [x_i, 1] (the 1
 * only when there is a bias) and per-row logit curvature A_i (m×m, symmetric),
 * the parameter (k, c) ↦ index k·m + c (weights row-major d×m, then the bias
 * row) gives H = Σ_i x̃_i x̃_iᵀ ⊗ A_i, plus `l2` on the diagonal of the weight
 * entries (not the bias). `curv` holds the A_i back to back (n·m·m values).
 *
 * Computed as m(m+1)/2 weighted Gram matrices G_ce = Σ_i (A_i)_ce x̃_i x̃_iᵀ
 * (upper triangles only, four rows of x at a time), then scattered into H;
 * every entry and its mirror get the same value, so H is exactly symmetric.
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
  const mm = m * m;
  const sq = db * db;
  const gram = new Float64Array(((m * (m + 1)) / 2) * sq);
  const xt = new Float64Array(4 * db);
  for (let i0 = 0; i0 < n; i0 += 4) {
    const rows = Math.min(4, n - i0);
    for (let r = 0; r < 4; r++) {
      for (let k = 0; k < db; k++) {
        xt[r * db + k] = r >= rows ? 0 : k === d ? 1 : x[(i0 + r) * d + k];
      }
    }
    let q = 0;
    for (let c = 0; c < m; c++) {
      for (let e = c; e < m; e++, q++) {
        const ce = c * m + e;
        const w0 = curv[i0 * mm + ce];
        const w1 = rows > 1 ? curv[(i0 + 1) * mm + ce] : 0;
        const w2 = rows > 2 ? curv[(i0 + 2) * mm + ce] : 0;
        const w3 = rows > 3 ? curv[(i0 + 3) * mm + ce] : 0;
        const g = q * sq;
        for (let k = 0; k < db; k++) {
          const u0 = w0 * xt[k];
          const u1 = w1 * xt[db + k];
          const u2 = w2 * xt[2 * db + k];
          const u3 = w3 * xt[3 * db + k];
          const row = g + k * db;
          for (let l = k; l < db; l++) {
            gram[row + l] +=
              u0 * xt[l] + u1 * xt[db + l] + u2 * xt[2 * db + l] + u3 * xt[3 * db + l];
          }
        }
      }
    }
  }
  let q = 0;
  for (let c = 0; c < m; c++) {
    for (let e = c; e < m; e++, q++) {
      for (let k = 0; k < db; k++) {
        for (let l = k; l < db; l++) {
          const v = gram[q * sq + k * db + l];
          out[(k * m + c) * p + l * m + e] = v;
          out[(l * m + e) * p + k * m + c] = v;
          out[(k * m + e) * p + l * m + c] = v;
          out[(l * m + c) * p + k * m + e] = v;
        }
      }
    }
  }
  if (l2 > 0) for (let j = 0; j < d * m; j++) out[j * p + j] += l2;
}
