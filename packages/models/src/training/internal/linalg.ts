/**
 * @internal Dense kernels on row-major typed arrays. Every product runs in
 * i-k-j order (the innermost loop walks a row of the right operand and a row
 * of the output, both contiguous), and writes into a caller-owned buffer.
 */

/**
 * @internal out (n×p) = a (n×m) · b (m×p), then adds `bias` (length p) to each
 * row if given. Loop order i-k-j, register-blocked: four rows of a times four
 * rows of b per pass over the output rows, so each loaded b value serves four
 * outputs and each output is loaded and stored once per four k.
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
  for (let i = 0; i < n; i++) {
    const o = i * p;
    if (bias === undefined) for (let j = 0; j < p; j++) out[o + j] = 0;
    else for (let j = 0; j < p; j++) out[o + j] = bias[j];
  }
  const n4 = n - (n % 4);
  const m4 = m - (m % 4);
  let i = 0;
  for (; i < n4; i += 4) {
    const o0 = i * p;
    const o1 = o0 + p;
    const o2 = o1 + p;
    const o3 = o2 + p;
    const r0 = i * m;
    const r1 = r0 + m;
    const r2 = r1 + m;
    const r3 = r2 + m;
    let k = 0;
    for (; k < m4; k += 4) {
      const x00 = a[r0 + k];
      const x01 = a[r0 + k + 1];
      const x02 = a[r0 + k + 2];
      const x03 = a[r0 + k + 3];
      const x10 = a[r1 + k];
      const x11 = a[r1 + k + 1];
      const x12 = a[r1 + k + 2];
      const x13 = a[r1 + k + 3];
      const x20 = a[r2 + k];
      const x21 = a[r2 + k + 1];
      const x22 = a[r2 + k + 2];
      const x23 = a[r2 + k + 3];
      const x30 = a[r3 + k];
      const x31 = a[r3 + k + 1];
      const x32 = a[r3 + k + 2];
      const x33 = a[r3 + k + 3];
      const b0 = k * p;
      const b1 = b0 + p;
      const b2 = b1 + p;
      const b3 = b2 + p;
      for (let j = 0; j < p; j++) {
        const c0 = b[b0 + j];
        const c1 = b[b1 + j];
        const c2 = b[b2 + j];
        const c3 = b[b3 + j];
        out[o0 + j] += x00 * c0 + x01 * c1 + x02 * c2 + x03 * c3;
        out[o1 + j] += x10 * c0 + x11 * c1 + x12 * c2 + x13 * c3;
        out[o2 + j] += x20 * c0 + x21 * c1 + x22 * c2 + x23 * c3;
        out[o3 + j] += x30 * c0 + x31 * c1 + x32 * c2 + x33 * c3;
      }
    }
    for (; k < m; k++) {
      const x0 = a[r0 + k];
      const x1 = a[r1 + k];
      const x2 = a[r2 + k];
      const x3 = a[r3 + k];
      const bk = k * p;
      for (let j = 0; j < p; j++) {
        const c = b[bk + j];
        out[o0 + j] += x0 * c;
        out[o1 + j] += x1 * c;
        out[o2 + j] += x2 * c;
        out[o3 + j] += x3 * c;
      }
    }
  }
  for (; i < n; i++) {
    const o = i * p;
    const ai = i * m;
    for (let k = 0; k < m; k++) {
      const v = a[ai + k];
      const bk = k * p;
      for (let j = 0; j < p; j++) out[o + j] += v * b[bk + j];
    }
  }
}

/**
 * @internal out (m×p) += aᵀ · g for a (n×m) and g (n×p): the weight gradient
 * of a dense layer. Loop order i-k-j, register-blocked over four rows i and
 * four columns k of a; `out` is not cleared.
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
  const m4 = m - (m % 4);
  let i = 0;
  for (; i < n4; i += 4) {
    const r0 = i * m;
    const r1 = r0 + m;
    const r2 = r1 + m;
    const r3 = r2 + m;
    const g0 = i * p;
    const g1 = g0 + p;
    const g2 = g1 + p;
    const g3 = g2 + p;
    let k = 0;
    for (; k < m4; k += 4) {
      // xrs = a[i + r][k + s]
      const x00 = a[r0 + k];
      const x01 = a[r0 + k + 1];
      const x02 = a[r0 + k + 2];
      const x03 = a[r0 + k + 3];
      const x10 = a[r1 + k];
      const x11 = a[r1 + k + 1];
      const x12 = a[r1 + k + 2];
      const x13 = a[r1 + k + 3];
      const x20 = a[r2 + k];
      const x21 = a[r2 + k + 1];
      const x22 = a[r2 + k + 2];
      const x23 = a[r2 + k + 3];
      const x30 = a[r3 + k];
      const x31 = a[r3 + k + 1];
      const x32 = a[r3 + k + 2];
      const x33 = a[r3 + k + 3];
      const k0 = k * p;
      const k1 = k0 + p;
      const k2 = k1 + p;
      const k3 = k2 + p;
      for (let j = 0; j < p; j++) {
        const c0 = g[g0 + j];
        const c1 = g[g1 + j];
        const c2 = g[g2 + j];
        const c3 = g[g3 + j];
        out[k0 + j] += x00 * c0 + x10 * c1 + x20 * c2 + x30 * c3;
        out[k1 + j] += x01 * c0 + x11 * c1 + x21 * c2 + x31 * c3;
        out[k2 + j] += x02 * c0 + x12 * c1 + x22 * c2 + x32 * c3;
        out[k3 + j] += x03 * c0 + x13 * c1 + x23 * c2 + x33 * c3;
      }
    }
    for (; k < m; k++) {
      const v0 = a[r0 + k];
      const v1 = a[r1 + k];
      const v2 = a[r2 + k];
      const v3 = a[r3 + k];
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
