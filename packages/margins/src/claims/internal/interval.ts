/** Two-sided 97.5 % quantiles of Student's t for 1 … 29 degrees of freedom (tables). */
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145,
  2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048,
  2.045,
];

/**
 * @internal Mean and 95 % t-interval of m ≥ 2 (at most 30) independent
 * measurements: x̄ ± t_{0.975, m−1}·s/√m.
 */
export function meanInterval(v: readonly number[]): { mean: number; lo: number; hi: number } {
  const m = v.length;
  const mean = v.reduce((a, b) => a + b, 0) / m;
  const s2 = v.reduce((a, b) => a + (b - mean) ** 2, 0) / (m - 1);
  const half = T975[m - 2] * Math.sqrt(s2 / m);
  return { mean, lo: mean - half, hi: mean + half };
}
