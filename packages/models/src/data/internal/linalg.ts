/**
 * @internal Cholesky factor L (lower, row-major) of a symmetric positive
 * definite m × m matrix; returns undefined when a pivot is ≤ tol·max diagonal.
 */
export function cholesky(a: Float64Array, m: number, tol = 1e-14): Float64Array | undefined {
  const l = new Float64Array(m * m);
  let maxDiag = 0;
  for (let i = 0; i < m; i++) maxDiag = Math.max(maxDiag, Math.abs(a[i * m + i]));
  for (let j = 0; j < m; j++) {
    let s = a[j * m + j];
    for (let k = 0; k < j; k++) s -= l[j * m + k] * l[j * m + k];
    if (!(s > tol * maxDiag)) return undefined;
    const d = Math.sqrt(s);
    l[j * m + j] = d;
    for (let i = j + 1; i < m; i++) {
      let t = a[i * m + j];
      for (let k = 0; k < j; k++) t -= l[i * m + k] * l[j * m + k];
      l[i * m + j] = t / d;
    }
  }
  return l;
}

/** @internal Solves L Lᵀ x = b in place (b becomes x). */
export function choleskySolve(l: Float64Array, m: number, b: Float64Array): void {
  for (let i = 0; i < m; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= l[i * m + k] * b[k];
    b[i] = s / l[i * m + i];
  }
  for (let i = m - 1; i >= 0; i--) {
    let s = b[i];
    for (let k = i + 1; k < m; k++) s -= l[k * m + i] * b[k];
    b[i] = s / l[i * m + i];
  }
}

/** @internal y = W x for W (k × d, row-major), x of length d, written into out (length k). */
export function matVec(
  w: Float64Array,
  k: number,
  d: number,
  x: Float64Array,
  xOff: number,
  out: Float64Array,
): void {
  for (let c = 0; c < k; c++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += w[c * d + j] * x[xOff + j];
    out[c] = s;
  }
}
