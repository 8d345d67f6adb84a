/** @internal Σ v_i² over [from, to). */
export function sumSquares(v: Float64Array, from = 0, to = v.length): number {
  let s = 0;
  for (let i = from; i < to; i++) s += v[i] * v[i];
  return s;
}

/** @internal out (p×m) = wᵀ for w (m×p). */
export function transpose(w: Float64Array, m: number, p: number, out: Float64Array): void {
  for (let k = 0; k < m; k++) for (let j = 0; j < p; j++) out[j * m + k] = w[k * p + j];
}

/** @internal Copies rows `batch` of x (n×d) into out (|batch|×d). */
export function gatherRows(
  x: ArrayLike<number>,
  d: number,
  batch: ArrayLike<number>,
  out: Float64Array,
): void {
  for (let r = 0; r < batch.length; r++) {
    const src = batch[r] * d;
    const dst = r * d;
    for (let j = 0; j < d; j++) out[dst + j] = x[src + j];
  }
}

/** @internal Copies the labels of the rows in `batch` into `out`. */
export function gatherLabels(
  y: ArrayLike<number>,
  batch: ArrayLike<number>,
  out: Int32Array,
): void {
  for (let r = 0; r < batch.length; r++) out[r] = y[batch[r]];
}
