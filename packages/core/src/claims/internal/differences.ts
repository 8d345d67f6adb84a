/**
 * @internal Central-difference step used by the claims: the truncation error
 * is of order h² and the rounding error of order EPS/h, both ≈ 1e-10.
 */
export const STEP = 1e-5;

/**
 * @internal ∂f/∂z_j ≈ (f(z + h e_j) − f(z − h e_j)) / 2h for every j. `f`
 * receives one working copy of z, changed in one coordinate at a time.
 */
export function centralGradient(
  f: (w: Float64Array) => number,
  z: ArrayLike<number>,
  h = STEP,
): Float64Array {
  const w = Float64Array.from(z);
  const g = new Float64Array(w.length);
  for (let j = 0; j < w.length; j++) {
    w[j] = z[j] + h;
    const up = f(w);
    w[j] = z[j] - h;
    const down = f(w);
    w[j] = z[j];
    g[j] = (up - down) / (2 * h);
  }
  return g;
}

/**
 * @internal The Jacobian of a vector function by central differences, row-major:
 * J_ij ≈ (g_i(z + h e_j) − g_i(z − h e_j)) / 2h.
 */
export function centralJacobian(
  g: (w: Float64Array) => ArrayLike<number>,
  z: ArrayLike<number>,
  h = STEP,
): Float64Array {
  const k = z.length;
  const w = Float64Array.from(z);
  const out = new Float64Array(k * k);
  for (let j = 0; j < k; j++) {
    w[j] = z[j] + h;
    const up = Float64Array.from(g(w));
    w[j] = z[j] - h;
    const down = g(w);
    w[j] = z[j];
    for (let i = 0; i < k; i++) out[i * k + j] = (up[i] - down[i]) / (2 * h);
  }
  return out;
}
