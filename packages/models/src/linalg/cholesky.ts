/**
 * @internal Cholesky factorisation A + shift·I = LLᵀ of a symmetric n×n matrix
 * (row-major; only the lower triangle of A is read). Writes L into `out`
 * (lower triangle; the upper part is left as is). Returns false when a pivot
 * falls to `minPivot` or below, i.e. the matrix is not (numerically) positive
 * definite.
 */
export function cholesky(
  a: Float64Array,
  n: number,
  shift: number,
  minPivot: number,
  out: Float64Array,
): boolean {
  for (let j = 0; j < n; j++) {
    const rj = j * n;
    let d = a[rj + j] + shift;
    for (let k = 0; k < j; k++) d -= out[rj + k] * out[rj + k];
    if (!(d > minPivot)) return false;
    const ljj = Math.sqrt(d);
    out[rj + j] = ljj;
    const inv = 1 / ljj;
    for (let i = j + 1; i < n; i++) {
      const ri = i * n;
      let s = a[ri + j];
      for (let k = 0; k < j; k++) s -= out[ri + k] * out[rj + k];
      out[ri + j] = s * inv;
    }
  }
  return true;
}

/** @internal Solves LLᵀx = b for x (in place in `b`), L from {@link cholesky}. */
export function choleskySolve(l: Float64Array, n: number, b: Float64Array): void {
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    let s = b[i];
    for (let k = 0; k < i; k++) s -= l[ri + k] * b[k];
    b[i] = s / l[ri + i];
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i];
    for (let k = i + 1; k < n; k++) s -= l[k * n + i] * b[k];
    b[i] = s / l[i * n + i];
  }
}

/** @internal max_j |a_jj| of an n×n row-major matrix: the scale of its pivots. */
export function maxDiagonal(a: Float64Array, n: number): number {
  let m = 0;
  for (let j = 0; j < n; j++) m = Math.max(m, Math.abs(a[j * n + j]));
  return m;
}
