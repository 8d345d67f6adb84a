// The dense product in JavaScript, for engines without WebAssembly SIMD, and
// the order of sums the WebAssembly kernel (product in kernels.wat) follows:
// loop order i-k-j, register-blocked 4×4, four rows of the left operand times
// four rows of the right one per pass over the output rows. Every sum is
// formed in the same order whatever the blocking, provided every block but
// the last has a multiple of 4 rows.

/** @internal The left operand of a product: features in either precision, or activations. */
export type Rows = Float64Array | Float32Array;

/**
 * @internal out[oo + r·p + j] = bias_j + Σ_k a[ao + r·m + k]·w[k·p + j] for the
 * `rows` rows of a block (bias 0 when undefined): out = a·w + b.
 */
export function productRowsJs(
  a: Rows,
  ao: number,
  rows: number,
  m: number,
  w: Float64Array,
  p: number,
  bias: Float64Array | undefined,
  out: Float64Array,
  oo: number,
): void {
  const n4 = rows - (rows % 4);
  const m4 = m - (m % 4);
  let i = 0;
  for (; i < n4; i += 4) {
    const o0 = oo + i * p;
    const o1 = o0 + p;
    const o2 = o1 + p;
    const o3 = o2 + p;
    for (let j = 0; j < p; j++) {
      const c = bias === undefined ? 0 : bias[j];
      out[o0 + j] = c;
      out[o1 + j] = c;
      out[o2 + j] = c;
      out[o3 + j] = c;
    }
    const r0 = ao + i * m;
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
        const c0 = w[b0 + j];
        const c1 = w[b1 + j];
        const c2 = w[b2 + j];
        const c3 = w[b3 + j];
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
        const c = w[bk + j];
        out[o0 + j] += x0 * c;
        out[o1 + j] += x1 * c;
        out[o2 + j] += x2 * c;
        out[o3 + j] += x3 * c;
      }
    }
  }
  for (; i < rows; i++) {
    const o = oo + i * p;
    const ai = ao + i * m;
    for (let j = 0; j < p; j++) out[o + j] = bias === undefined ? 0 : bias[j];
    for (let k = 0; k < m; k++) {
      const v = a[ai + k];
      const bk = k * p;
      for (let j = 0; j < p; j++) out[o + j] += v * w[bk + j];
    }
  }
}

/**
 * @internal out (m×p) += aᵀ·g and, when given, bias (length p) += column
 * sums of g, over the `rows` rows of a block of a (stride m, from ao) and g
 * (stride p, from go): the weight and bias gradients of a dense layer, four
 * rows and four columns of a at a time. The column sums add the rows one by
 * one, in order. Nothing is cleared.
 */
export function addTransposeProductRowsJs(
  a: Rows,
  ao: number,
  rows: number,
  m: number,
  g: Float64Array,
  go: number,
  p: number,
  out: Float64Array,
  bias: Float64Array | undefined,
): void {
  const n4 = rows - (rows % 4);
  const m4 = m - (m % 4);
  let i = 0;
  for (; i < n4; i += 4) {
    const r0 = ao + i * m;
    const r1 = r0 + m;
    const r2 = r1 + m;
    const r3 = r2 + m;
    const g0 = go + i * p;
    const g1 = g0 + p;
    const g2 = g1 + p;
    const g3 = g2 + p;
    if (bias !== undefined) {
      for (let j = 0; j < p; j++) bias[j] = bias[j] + g[g0 + j] + g[g1 + j] + g[g2 + j] + g[g3 + j];
    }
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
  for (; i < rows; i++) {
    const ai = ao + i * m;
    const gi = go + i * p;
    if (bias !== undefined) for (let j = 0; j < p; j++) bias[j] += g[gi + j];
    for (let k = 0; k < m; k++) {
      const v = a[ai + k];
      const ok = k * p;
      for (let j = 0; j < p; j++) out[ok + j] += v * g[gi + j];
    }
  }
}
