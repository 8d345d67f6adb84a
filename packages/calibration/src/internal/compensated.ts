/**
 * @internal Adds x to the compensated sum held in (sum[i], err[i]) with
 * Neumaier's variant of Kahan summation: `sum[i] + err[i]` carries the exact
 * running sum to about one ulp, whatever the order of the terms, so that sums
 * built in batches and merged agree with one pass to a few ulps.
 */
export function addCompensated(sum: Float64Array, err: Float64Array, i: number, x: number): void {
  const s = sum[i];
  const t = s + x;
  if (t === Number.POSITIVE_INFINITY) {
    // A +∞ term (an NLL with p_y = 0) makes the sum +∞; keep the error finite.
    sum[i] = t;
    return;
  }
  err[i] += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
  sum[i] = t;
}

/** @internal The value of a compensated sum. */
export function compensatedValue(sum: Float64Array, err: Float64Array, i: number): number {
  return sum[i] + err[i];
}

/** @internal Merges compensated sums (b into a), element by element. */
export function mergeCompensated(
  sumA: Float64Array,
  errA: Float64Array,
  sumB: Float64Array,
  errB: Float64Array,
): void {
  for (let i = 0; i < sumA.length; i++) {
    addCompensated(sumA, errA, i, sumB[i]);
    errA[i] += errB[i];
  }
}
