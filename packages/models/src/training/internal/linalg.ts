/**
 * @internal Dense kernels on row-major typed arrays. Every product runs in
 * i-k-j order (the innermost loop walks a row of the right operand and a row
 * of the output, both contiguous), and writes into a caller-owned buffer.
 */

/**
 * @internal out (n×p) = a (n×m) · b (m×p), then adds `bias` (length p) to each
 * row if given. Loop order i-k-j with four k at a time: each pass over the
 * output row reads four rows of b, which halves the loads and stores of out.
 */
export function matmul(
  a: ArrayLike<number>,
  n: number,
  m: number,
  b: Float64Array,
  p: number,
  out: Float64Array,
  bias?: Float64Array,
): void {
  const m4 = m - (m % 4);
  for (let i = 0; i < n; i++) {
    const o = i * p;
    if (bias === undefined) for (let j = 0; j < p; j++) out[o + j] = 0;
    else for (let j = 0; j < p; j++) out[o + j] = bias[j];
    const ai = i * m;
    let k = 0;
    for (; k < m4; k += 4) {
      const v0 = a[ai + k];
      const v1 = a[ai + k + 1];
      const v2 = a[ai + k + 2];
      const v3 = a[ai + k + 3];
      const b0 = k * p;
      const b1 = b0 + p;
      const b2 = b1 + p;
      const b3 = b2 + p;
      for (let j = 0; j < p; j++) {
        out[o + j] += v0 * b[b0 + j] + v1 * b[b1 + j] + v2 * b[b2 + j] + v3 * b[b3 + j];
      }
    }
    for (; k < m; k++) {
      const v = a[ai + k];
      const bk = k * p;
      for (let j = 0; j < p; j++) out[o + j] += v * b[bk + j];
    }
  }
}

/**
 * @internal out (m×p) += aᵀ · g for a (n×m) and g (n×p): the weight gradient
 * of a dense layer. Loop order i-k-j with four rows i at a time; `out` is not
 * cleared.
 */
export function addTransposeProduct(
  a: ArrayLike<number>,
  n: number,
  m: number,
  g: Float64Array,
  p: number,
  out: Float64Array,
): void {
  const n4 = n - (n % 4);
  let i = 0;
  for (; i < n4; i += 4) {
    const a0 = i * m;
    const a1 = a0 + m;
    const a2 = a1 + m;
    const a3 = a2 + m;
    const g0 = i * p;
    const g1 = g0 + p;
    const g2 = g1 + p;
    const g3 = g2 + p;
    for (let k = 0; k < m; k++) {
      const v0 = a[a0 + k];
      const v1 = a[a1 + k];
      const v2 = a[a2 + k];
      const v3 = a[a3 + k];
      const ok = k * p;
      for (let j = 0; j < p; j++) {
        out[ok + j] += v0 * g[g0 + j] + v1 * g[g1 + j] + v2 * g[g2 + j] + v3 * g[g3 + j];
      }
    }
  }
  for (; i < n; i++) {
    const ai = i * m;
    const gi = i * p;
    for (let k = 0; k < m; k++) {
      const v = a[ai + k];
      const ok = k * p;
      for (let j = 0; j < p; j++) out[ok + j] += v * g[gi + j];
    }
  }
}

/** @internal out (p×m) = wᵀ for w (m×p). */
export function transpose(w: Float64Array, m: number, p: number, out: Float64Array): void {
  for (let k = 0; k < m; k++) for (let j = 0; j < p; j++) out[j * m + k] = w[k * p + j];
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
