/**
 * @internal Kernel smoothing on [0, 1] with a Gaussian reflected at 0 and 1:
 * K̃_σ(t, x) = Σ_{k∈Z} [φ_σ(t − x + 2k) + φ_σ(t + x + 2k)], whose integral over
 * t ∈ [0, 1] is exactly 1 for every x. Masses are spread onto the grid
 * j/M keeping their first three moments (and their total exactly), the
 * grid is convolved with the reflected kernel, and integrals use the
 * trapezoid rule, which is exact for the reflected (even, 2-periodic) image.
 */

/** @internal Grid size for bandwidth σ: a power-of-two multiple of 1000, step ≤ σ/40. */
export function gridSize(sigma: number): number {
  let m = 1000;
  while (m * sigma < 40) m *= 2;
  return m;
}

/**
 * @internal Spreads masses w_i at x_i ∈ [0, 1] onto the M + 1 grid nodes j/M,
 * each over its nearest node j and the two neighbours with weights
 * (1 − δ², (δ² + δ)/2, (δ² − δ)/2) for an offset δ = x·M − j ∈ [−½, ½]: these
 * keep the mass, the mean and the second moment of every point, so smoothing
 * the grid differs from smoothing the points only at third order in the step.
 * A neighbour beyond 0 or 1 is folded back onto its mirror node, which the
 * reflected kernel treats identically.
 */
export function spreadToGrid(x: ArrayLike<number>, w: ArrayLike<number>, m: number): Float64Array {
  const out = new Float64Array(m + 1);
  for (let i = 0; i < x.length; i++) {
    const u = x[i] * m;
    const j = Math.round(u);
    const d = u - j;
    const wi = w[i];
    out[j] += (1 - d * d) * wi;
    out[j === m ? m - 1 : j + 1] += 0.5 * (d * d + d) * wi;
    out[j === 0 ? 1 : j - 1] += 0.5 * (d * d - d) * wi;
  }
  return out;
}

/** @internal Gaussian φ_σ(d/M) for d = 0..L, L covering 10σ. */
function kernelTable(sigma: number, m: number): Float64Array {
  const len = Math.ceil(10 * sigma * m) + 1;
  const t = new Float64Array(len);
  const c = 1 / (sigma * Math.sqrt(2 * Math.PI));
  for (let d = 0; d < len; d++) {
    const z = d / m / sigma;
    t[d] = c * Math.exp(-0.5 * z * z);
  }
  return t;
}

/** @internal Weight at integer position u of the even, 2M-periodic image of the grid masses. */
function imageWeight(w: Float64Array, m: number, u: number): number {
  if (u === 0) return 2 * w[0];
  if (u === m) return 2 * w[m];
  if (u < 0) return w[-u];
  return u < m ? w[u] : w[2 * m - u];
}

/** @internal Narrow kernel (10σ < 1): direct sum over a window, images of the boundary masses only. */
function smoothNarrow(w: Float64Array, m: number, table: Float64Array): Float64Array {
  const len = table.length - 1;
  const g = new Float64Array(m + 1);
  for (let j = 0; j <= m; j++) {
    let s = 0;
    for (let d = -len; d <= len; d++) {
      const u = j - d;
      s += (u > 0 && u < m ? w[u] : imageWeight(w, m, u)) * table[d < 0 ? -d : d];
    }
    g[j] = s;
  }
  return g;
}

/** @internal Wide kernel: fold it onto one period, P(d) = Σ_k φ((d + 2kM)/M), then O(M²). */
function smoothWide(w: Float64Array, m: number, table: Float64Array): Float64Array {
  const period = 2 * m;
  const len = table.length - 1;
  const folded = new Float64Array(period);
  for (let d = -len; d <= len; d++) {
    const r = ((d % period) + period) % period;
    folded[r] += table[d < 0 ? -d : d];
  }
  const g = new Float64Array(m + 1);
  for (let j = 0; j <= m; j++) {
    let s = 0;
    for (let q = 0; q <= m; q++) {
      const a = j - q;
      const b = j + q;
      s += w[q] * (folded[a < 0 ? a + period : a] + folded[b === period ? 0 : b]);
    }
    g[j] = s;
  }
  return g;
}

/**
 * @internal Smooths grid masses: returns g_j = Σ_q w_q K̃_σ(j/M, q/M) for
 * j = 0..M, i.e. Σ_i w_i K̃_σ(j/M, x_i) up to the gridding of the x_i.
 */
export function smoothGrid(w: Float64Array, m: number, sigma: number): Float64Array {
  const table = kernelTable(sigma, m);
  return table.length - 1 < m ? smoothNarrow(w, m, table) : smoothWide(w, m, table);
}

/** @internal Trapezoid rule for ∫_0^1 |g(t)| dt on the grid j/M. */
export function integrateAbs(g: Float64Array, m: number): number {
  let s = 0.5 * (Math.abs(g[0]) + Math.abs(g[m]));
  for (let j = 1; j < m; j++) s += Math.abs(g[j]);
  return s / m;
}

/** @internal Linear interpolation of grid values at t ∈ [0, 1]. */
export function gridAt(g: Float64Array, m: number, t: number): number {
  const u = t * m;
  let j = Math.floor(u);
  if (j >= m) j = m - 1;
  const frac = u - j;
  return (1 - frac) * g[j] + frac * g[j + 1];
}
