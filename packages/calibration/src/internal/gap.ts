import { type BinStats, binConfidence } from './binStats.js';

/** How per-bin gaps |acc_b − conf_b| are combined. */
export type CalibrationNorm = 'l1' | 'l2' | 'max';

/**
 * @internal Per-bin squared gap, optionally bias-corrected (Kumar et al. 2019):
 * (acc − conf)² − acc(1 − acc)/(n_b − 1). A bin with one sample has no
 * variance estimate and contributes 0 when debiased (as in Kumar et al.'s
 * reference implementation). May be negative when debiased.
 */
export function squaredGap(stats: BinStats, b: number, debias: boolean): number {
  const nb = stats.count[b];
  const acc = stats.sumOutcome[b] / nb;
  const d = acc - binConfidence(stats, b);
  if (!debias) return d * d;
  if (nb < 2) return 0;
  return d * d - (acc * (1 - acc)) / (nb - 1);
}

/**
 * @internal Combines the bins of `stats` into one calibration error.
 *
 * - l1: Σ_b (n_b/N)·g_b; l2: sqrt(Σ_b (n_b/N)·g_b²); max: max_b g_b over
 *   non-empty bins, where N = Σ_b n_b and g_b = |acc_b − conf_b|.
 * - debias: l2 subtracts acc_b(1 − acc_b)/(n_b − 1) from each squared gap and
 *   clips the total at 0 before the square root (Kumar et al. 2019); l1 and max
 *   use the per-bin corrected gap sqrt(max(0, g_b² − acc_b(1 − acc_b)/(n_b − 1))).
 */
export function combineGaps(stats: BinStats, norm: CalibrationNorm, debias: boolean): number {
  const { count } = stats;
  let total = 0;
  for (let b = 0; b < count.length; b++) total += count[b];
  let acc = 0;
  for (let b = 0; b < count.length; b++) {
    const nb = count[b];
    if (nb === 0) continue;
    const sq = squaredGap(stats, b, debias);
    if (norm === 'l2') {
      acc += (nb / total) * sq;
      continue;
    }
    const g = debias
      ? Math.sqrt(Math.max(0, sq))
      : Math.abs(stats.sumOutcome[b] / nb - binConfidence(stats, b));
    if (norm === 'l1') acc += (nb / total) * g;
    else if (g > acc) acc = g;
  }
  return norm === 'l2' ? Math.sqrt(Math.max(0, acc)) : acc;
}
