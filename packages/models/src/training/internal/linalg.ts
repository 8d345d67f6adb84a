/**
 * @internal Dense kernels on row-major typed arrays. Every product runs in
 * i-k-j order (the innermost loop walks a row of the right operand and a row
 * of the output, both contiguous), and writes into a caller-owned buffer.
 */

/** @internal out (n×p) = a (n×m) · b (m×p), then adds `bias` (length p) to each row if given. */
export function matmul(
  a: ArrayLike<number>,
  n: number,
  m: number,
  b: Float64Array,
  p: number,
  out: Float64Array,
  bias?: Float64Array,
): void {
  for (let i = 0; i < n; i++) {
    const o = i * p;
    if (bias === undefined) for (let j = 0; j < p; j++) out[o + j] = 0;
    else for (let j = 0; j < p; j++) out[o + j] = bias[j];
    const ai = i * m;
    for (let k = 0; k < m; k++) {
      const v = a[ai + k];
      if (v === 0) continue;
      const bk = k * p;
      for (let j = 0; j < p; j++) out[o + j] += v * b[bk + j];
    }
  }
}

/**
 * @internal out (m×p) += aᵀ · g for a (n×m) and g (n×p): the weight gradient
 * of a dense layer. Loop order i-k-j; `out` is not cleared.
 */
export function addTransposeProduct(
  a: ArrayLike<number>,
  n: number,
  m: number,
  g: Float64Array,
  p: number,
  out: Float64Array,
): void {
  for (let i = 0; i < n; i++) {
    const ai = i * m;
    const gi = i * p;
    for (let k = 0; k < m; k++) {
      const v = a[ai + k];
      if (v === 0) continue;
      const ok = k * p;
      for (let j = 0; j < p; j++) out[ok + j] += v * g[gi + j];
    }
  }
}

/** @internal out (n×m) = g (n×p) · wᵀ for w (m×p): back-propagation through a dense layer. */
export function productTranspose(
  g: Float64Array,
  n: number,
  p: number,
  w: Float64Array,
  m: number,
  out: Float64Array,
): void {
  for (let i = 0; i < n; i++) {
    const gi = i * p;
    const oi = i * m;
    for (let k = 0; k < m; k++) {
      const wk = k * p;
      let s = 0;
      for (let j = 0; j < p; j++) s += g[gi + j] * w[wk + j];
      out[oi + k] = s;
    }
  }
}

/** @internal out (length p) += column sums of g (n×p): the bias gradient. */
export function addColumnSums(g: Float64Array, n: number, p: number, out: Float64Array): void {
  for (let i = 0; i < n; i++) {
    const gi = i * p;
    for (let j = 0; j < p; j++) out[j] += g[gi + j];
  }
}

/** @internal Σ v_i² over [from, to). */
export function sumSquares(v: Float64Array, from = 0, to = v.length): number {
  let s = 0;
  for (let i = from; i < to; i++) s += v[i] * v[i];
  return s;
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
