/**
 * @internal An upper estimate of the largest eigenvalue of a symmetric
 * positive semi-definite d × d matrix: power iteration from the all-ones
 * vector to its Rayleigh quotient ρ, plus the residual ‖Av − ρv‖ (some
 * eigenvalue lies within it of ρ, the largest one once the iteration has
 * converged to the top eigenvector).
 */
export function largestEigenvalue(a: Float64Array, d: number, iterations = 500): number {
  let v: Float64Array = new Float64Array(d).fill(1 / Math.sqrt(d));
  let av: Float64Array = new Float64Array(d);
  let rho = 0;
  for (let it = 0; it < iterations; it++) {
    av = multiply(a, d, v);
    rho = dot(v, av);
    const norm = Math.sqrt(dot(av, av));
    if (norm === 0) return 0;
    v = av.map((x) => x / norm);
  }
  av = multiply(a, d, v);
  rho = dot(v, av);
  let r = 0;
  for (let j = 0; j < d; j++) r += (av[j] - rho * v[j]) ** 2;
  return rho + Math.sqrt(r);
}

function multiply(a: Float64Array, d: number, v: Float64Array): Float64Array {
  const out = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += a[i * d + j] * v[j];
    out[i] = s;
  }
  return out;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let j = 0; j < a.length; j++) s += a[j] * b[j];
  return s;
}

/** @internal XᵀX/n of the first n rows of a row-major matrix with d columns. */
export function secondMoment(x: ArrayLike<number>, n: number, d: number): Float64Array {
  const m = new Float64Array(d * d);
  for (let i = 0; i < n; i++)
    for (let a = 0; a < d; a++) {
      const xa = x[i * d + a];
      for (let b = 0; b < d; b++) m[a * d + b] += (xa * x[i * d + b]) / n;
    }
  return m;
}
