import { portableExp } from '../kernels/exp.js';
import { portableLog1p } from '../kernels/fallback.js';
import { portableLog } from '../random/portableMath.js';

/**
 * @internal Softmax cross-entropy of one row whose logits are finite but so
 * far apart that the kernels' sums overflow: Σ_c a_c·(z_c − max) passes the
 * double range (a row like [1e308, 0, 0]), or z_c − max itself does (a row
 * like [1e308, −1e308]). The loss is still finite:
 *
 *   l = A·ln Σ_j e^{z_j − m} + Σ_c a_c·(m − z_c),   A = Σ_c a_c,
 *
 * where a class of zero mass adds exactly 0, never 0·∞, and a difference
 * m − z_c beyond the double range is taken as a_c·m − a_c·z_c (finite for the
 * masses a_c ≤ 1 of unweighted targets). e^{z_j − m} of a difference below the double range is 0. The gradient
 * is (p_c·A − a_c)·scale with p_c = e^{z_c − m}/Σ; for the label `peak` (the
 * only maximum) it is ((A − a_y) − a_y·rest)/Σ·scale, without cancelling,
 * as in the kernels.
 *
 * @param z - the logits, row-major
 * @param o - offset of the row
 * @param k - number of classes
 * @param a - the target mass of each class (K values), weights included
 * @param y - the label column, or −1 for a probability target
 * @param grad - where the row's gradient is written (at offset o)
 * @param scale - gradient factor (1/divisor for 'mean', else 1)
 * @returns the row's loss
 */
export function extremeRow(
  z: ArrayLike<number>,
  o: number,
  k: number,
  a: Float64Array,
  y: number,
  grad: Float64Array | Float32Array,
  scale: number,
): number {
  let m = z[o];
  for (let j = 1; j < k; j++) if (z[o + j] > m) m = z[o + j];
  let rest = 0;
  let cnt = 0;
  for (let j = 0; j < k; j++) {
    const v = z[o + j];
    if (v === m) cnt++;
    else rest += portableExp(v - m);
  }
  const lns = cnt === 1 ? portableLog1p(rest) : portableLog(cnt + rest);
  const s = cnt + rest;
  let mass = 0;
  let spread = 0;
  for (let c = 0; c < k; c++) {
    mass += a[c];
    if (a[c] === 0) continue;
    // a_c·(m − z_c); when m − z_c itself overflows, as a_c·m − a_c·z_c (a_c ≤ 1 keeps both finite)
    const d = m - z[o + c];
    spread += d < Infinity ? a[c] * d : a[c] * m - a[c] * z[o + c];
  }
  for (let c = 0; c < k; c++) {
    const v = z[o + c];
    const p = v === m ? 1 / s : portableExp(v - m) / s;
    grad[o + c] = (p * mass - a[c]) * scale;
  }
  if (y >= 0 && cnt === 1 && z[o + y] === m) {
    let others = 0;
    for (let c = 0; c < k; c++) if (c !== y) others += a[c];
    grad[o + y] = ((others - a[y] * rest) / s) * scale;
  }
  return mass * lns + spread;
}
