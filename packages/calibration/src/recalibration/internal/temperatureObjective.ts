/**
 * @internal Logits prepared for the temperature objective: row-major N×K
 * values, the label of each row and each row's maximum.
 */
export interface TemperatureData {
  readonly n: number;
  readonly k: number;
  readonly z: Float64Array | Float32Array;
  readonly y: Int32Array;
  readonly rowMax: Float64Array;
}

/** @internal Value, first and second derivative of the objective at one β. */
export interface TemperatureEval {
  f: number;
  g: number;
  h: number;
}

/**
 * @internal Mean NLL of softmax(β·z) and its derivatives in β, in one pass:
 *
 *   f(β)  = (1/N) Σ_i [log Σ_j exp(β·d_ij) − β·d_iy],  d_ij = z_ij − max_j z_ij
 *   f'(β) = (1/N) Σ_i [E_p(d_i) − d_iy]
 *   f''(β) = (1/N) Σ_i Var_p(d_i) ≥ 0,                p = softmax(β·z_i)
 *
 * Shifting by the row maximum changes nothing (softmax is shift invariant) and
 * keeps every exponent ≤ 0. The variance is E_p(d²) − E_p(d)²: the maximum
 * (d = 0) carries weight ≥ 1/K, so by Cauchy–Schwarz Var ≥ E_p(d²)/K and the
 * subtraction loses at most log10(K) digits. Writes into `out`, allocates nothing.
 *
 * Logits spanning ±1e308 are exact too: d_ij = −∞ where z_ij − m_i overflows
 * contributes weight exp(−∞) = 0 (and nothing to the moments), and when the
 * sum of the linear terms β·(m_i − z_iy) overflows although their mean does
 * not, f is recomputed from the halves (m_i/2 − z_iy/2)·(2/N), which cannot
 * overflow.
 */
export function evalTemperature(data: TemperatureData, beta: number, out: TemperatureEval): void {
  const { n, k, z, y, rowMax } = data;
  let f = 0;
  let g = 0;
  let h = 0;
  for (let i = 0; i < n; i++) {
    const off = i * k;
    const m = rowMax[i];
    let s = 0;
    let s1 = 0;
    let s2 = 0;
    for (let j = 0; j < k; j++) {
      const d = z[off + j] - m;
      const w = Math.exp(beta * d);
      if (w === 0) continue;
      s += w;
      s1 += w * d;
      s2 += w * d * d;
    }
    const mean = s1 / s;
    const v = s2 / s - mean * mean;
    const dy = z[off + y[i]] - m;
    f += Math.log(s) - beta * dy;
    g += mean - dy;
    h += Math.max(v, 0);
  }
  out.f = Number.isFinite(f) ? f / n : scaledMean(data, beta);
  out.g = g / n;
  out.h = h / n;
}

/** @internal f(β) as Σ_i [log s_i / N + β·(m_i/2 − z_iy/2)·(2/N)]: no term overflows unless f does. */
function scaledMean(data: TemperatureData, beta: number): number {
  const { n, k, z, y, rowMax } = data;
  let f = 0;
  for (let i = 0; i < n; i++) {
    const off = i * k;
    const m = rowMax[i];
    let s = 0;
    for (let j = 0; j < k; j++) s += Math.exp(beta * (z[off + j] - m));
    f += Math.log(s) / n + beta * ((m / 2 - z[off + y[i]] / 2) * (2 / n));
  }
  return f;
}
