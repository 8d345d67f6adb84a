import { type BinStats, binConfidence } from '../../internal/binStats.js';

/** How per-bin gaps |acc_b − conf_b| are combined. */
export type CalibrationNorm = 'l1' | 'l2' | 'max';

/**
 * @internal Kumar et al.'s (2019) variance estimate of bin b's accuracy,
 * acc(1 − acc)/(n_b − 1), for a bin with n_b ≥ 2.
 */
export function binVariance(stats: BinStats, b: number): number {
  const nb = stats.count[b];
  const acc = stats.sumOutcome[b] / nb;
  return (acc * (1 - acc)) / (nb - 1);
}

/** @internal acc_b − conf_b of a non-empty bin. */
export function binGap(stats: BinStats, b: number): number {
  return stats.sumOutcome[b] / stats.count[b] - binConfidence(stats, b);
}

/**
 * @internal Combines the bins of `stats` into one calibration error.
 *
 * - l1: Σ_b (n_b/N)·g_b; l2: sqrt(Σ_b (n_b/N)·g_b²); max: max_b g_b over
 *   non-empty bins, where N = Σ_b n_b and g_b = |acc_b − conf_b|.
 * - debias: l2 subtracts v_b = acc_b(1 − acc_b)/(n_b − 1) from each squared gap
 *   and clips the total at 0 before the square root (Kumar et al. 2019); l1
 *   and max use the per-bin corrected gap sqrt(max(0, g_b² − v_b)) (g_b itself
 *   when v_b = 0). One-sample bins contribute 0 when debiased.
 * - l2 is computed as s·sqrt(Σ_b (n_b/N)(g_b/s)²) with s = max_b g_b, so tiny
 *   gaps do not underflow when squared.
 */
export function combineGaps(stats: BinStats, norm: CalibrationNorm, debias: boolean): number {
  const { count } = stats;
  let total = 0;
  let scale = 0;
  for (let b = 0; b < count.length; b++) {
    total += count[b];
    if (count[b] > 0) scale = Math.max(scale, Math.abs(binGap(stats, b)));
  }
  if (norm === 'l2' && scale === 0) return 0;
  let acc = 0;
  for (let b = 0; b < count.length; b++) {
    const nb = count[b];
    // empty bins carry no weight; a one-sample bin has no variance estimate and
    // contributes 0 when debiased (as in Kumar et al.'s reference implementation)
    if (nb === 0 || (debias && nb < 2)) continue;
    const g = Math.abs(binGap(stats, b));
    const v = debias ? binVariance(stats, b) : 0;
    if (norm === 'l2') {
      const r = g / scale;
      acc += (nb / total) * (v === 0 ? r * r : r * r - v / scale / scale);
      continue;
    }
    const gb = v === 0 ? g : Math.sqrt(Math.max(0, g * g - v));
    if (norm === 'l1') acc += (nb / total) * gb;
    else if (gb > acc) acc = gb;
  }
  return norm === 'l2' ? scale * Math.sqrt(Math.max(0, acc)) : acc;
}
