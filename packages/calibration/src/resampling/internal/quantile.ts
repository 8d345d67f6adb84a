/**
 * @internal The q-quantile of an ascending-sorted array by linear
 * interpolation between order statistics (Hyndman & Fan type 7, the default of
 * R and NumPy): h = (n − 1)·q, x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
 */
export function sortedQuantile(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  if (n === 1) return sorted[0];
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  if (lo >= n - 1) return sorted[n - 1];
  const a = sorted[lo];
  const b = sorted[lo + 1];
  return a === b ? a : a + (h - lo) * (b - a);
}

/** @internal Percentile interval of `samples` at `level`: the (1∓level)/2 quantiles. */
export function percentileInterval(
  samples: Float64Array,
  level: number,
): { lower: number; upper: number } {
  const sorted = Float64Array.from(samples).sort();
  return {
    lower: sortedQuantile(sorted, (1 - level) / 2),
    upper: sortedQuantile(sorted, (1 + level) / 2),
  };
}
