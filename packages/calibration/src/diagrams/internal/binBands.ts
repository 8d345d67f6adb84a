import type { Rng } from '@lslab/core';
import { sortedQuantile } from '../../resampling/internal/quantile.js';
import { drawIndices } from '../../resampling/internal/resample.js';

/**
 * @internal Percentile bands of each bin's accuracy under the bootstrap.
 * Every resample draws N row indices with replacement; a row keeps its bin
 * `bin[i]`; a bin's accuracy on the resample is its mean outcome, recorded
 * only when the bin is not empty. Bands are `null` for a bin that is empty in
 * every resample. Allocates O(R·B + N) once; O(N + B) work per resample.
 */
export function binBands(
  bin: Uint32Array,
  outcome: Uint8Array,
  bins: number,
  resamples: number,
  level: number,
  rng: Rng,
): { lower: (number | null)[]; upper: (number | null)[] } {
  const n = bin.length;
  const idx = new Uint32Array(n);
  const cnt = new Float64Array(bins);
  const hit = new Float64Array(bins);
  const acc = new Float64Array(resamples * bins);
  const filled = new Uint32Array(bins);
  for (let r = 0; r < resamples; r++) {
    drawIndices(rng, n, idx);
    cnt.fill(0);
    hit.fill(0);
    for (let i = 0; i < n; i++) {
      const j = idx[i];
      cnt[bin[j]] += 1;
      hit[bin[j]] += outcome[j];
    }
    for (let b = 0; b < bins; b++) {
      if (cnt[b] > 0) acc[b * resamples + filled[b]++] = hit[b] / cnt[b];
    }
  }
  const lower: (number | null)[] = [];
  const upper: (number | null)[] = [];
  for (let b = 0; b < bins; b++) {
    if (filled[b] === 0) {
      lower.push(null);
      upper.push(null);
      continue;
    }
    const s = acc.subarray(b * resamples, b * resamples + filled[b]).sort();
    lower.push(sortedQuantile(s, (1 - level) / 2));
    upper.push(sortedQuantile(s, (1 + level) / 2));
  }
  return { lower, upper };
}
