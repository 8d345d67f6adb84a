/**
 * @internal Central-difference step used by the claims: the truncation error
 * is of order h² and the rounding error of order ρ/h, both small at h = 1e-5.
 */
export const STEP = 1e-5;

/**
 * @internal The error bound of a central difference (f(x + h) − f(x − h))/2h:
 * each value of f carries a rounding error ≤ `rounding`, which the quotient
 * turns into ≤ rounding/h; Taylor's theorem bounds the truncation by
 * h²/6·`m3`, with `m3` a bound on |f‴| along the step.
 */
export function differenceError(rounding: number, m3: number, h = STEP): number {
  return rounding / h + ((h * h) / 6) * m3;
}

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
 * @internal The derivative of f at z along d, (f(z + h d) − f(z − h d)) / 2h:
 * one pair of evaluations whatever the dimension; a random d catches a wrong
 * gradient component with probability 1.
 */
export function directionalDifference(
  f: (w: Float64Array) => number,
  z: ArrayLike<number>,
  d: ArrayLike<number>,
  h = STEP,
): number {
  const w = Float64Array.from(z, (v, i) => v + h * d[i]);
  const up = f(w);
  for (let i = 0; i < w.length; i++) w[i] = z[i] - h * d[i];
  return (up - f(w)) / (2 * h);
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
