import { LslabError } from '@lslab/core';
import type { BinEdges } from '../metrics/binningOptions.js';

/**
 * @internal A partition of [0, 1] into `count` bins with `edges[0] = 0`,
 * `edges[count] = 1`.
 *
 * - `'left'`: bin b is [edges[b], edges[b+1]), the last bin closed at 1.
 * - `'right'`: bin b is (edges[b], edges[b+1]], the first bin closed at 0.
 */
export interface Binning {
  readonly count: number;
  readonly edges: Float64Array;
  readonly side: BinEdges;
  /** Bin of a score x ∈ [0, 1]. */
  index(x: number): number;
}

/**
 * @internal Bin of x among B equal-width bins whose edges are exactly i/B.
 * The first guess floor(x·B) (or ceil(x·B) − 1) is corrected against the
 * edges i/B themselves, so that membership agrees with the reported edges
 * even where x·B rounds across an integer.
 */
export function equalWidthIndex(x: number, bins: number, side: BinEdges): number {
  if (side === 'left') {
    let j = Math.floor(x * bins);
    if (j >= bins) return bins - 1;
    if (j > 0 && x < j / bins) j--;
    else if (j + 1 < bins && x >= (j + 1) / bins) j++;
    return j;
  }
  let j = Math.ceil(x * bins) - 1;
  if (j < 0) return 0;
  if (j > 0 && x <= j / bins) j--;
  else if (j + 1 < bins && x > (j + 1) / bins) j++;
  return j;
}

/** @internal B equal-width bins with edges exactly i/B. */
export function equalWidthBinning(bins: number, side: BinEdges = 'left'): Binning {
  const edges = new Float64Array(bins + 1);
  for (let i = 0; i <= bins; i++) edges[i] = i / bins;
  return { count: bins, edges, side, index: (x) => equalWidthIndex(x, bins, side) };
}

/** @internal Bin of x given sorted edges (binary search honouring the closed side). */
export function edgesIndex(x: number, edges: Float64Array, side: BinEdges): number {
  const count = edges.length - 1;
  let lo = 0;
  let hi = count - 1;
  // Find the bin b with edges[b] ≤ x < edges[b+1] ('left') or edges[b] < x ≤ edges[b+1] ('right').
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const upper = edges[mid + 1];
    const below = side === 'left' ? x < upper : x <= upper;
    if (below) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * @internal Equal-mass (quantile) bins over `scores`: at most `bins` bins of
 * about N/B scores each, never splitting a block of tied scores (a cut that
 * would land inside a tie moves to the nearer usable end of the tie block;
 * cuts that collide are merged, so fewer than `bins` bins may result). Edges are data
 * values: with `'left'` the lower edge of a bin is its smallest score, with
 * `'right'` the upper edge of a bin is its largest score; the outer edges are
 * 0 and 1. Every score then falls in its bin under the chosen closed side.
 */
export function equalMassBinning(
  scores: ArrayLike<number>,
  bins: number,
  side: BinEdges = 'left',
): Binning {
  const n = scores.length;
  if (n === 0) throw new LslabError('E_EMPTY', 'equalMassBinning', 'has no scores');
  const s = Float64Array.from(scores).sort();
  const cuts: number[] = [];
  for (let b = 1; b < bins; b++) {
    let p = Math.round((b * n) / bins);
    if (p <= 0 || p >= n) continue;
    if (s[p - 1] === s[p]) {
      let down = p;
      while (down > 0 && s[down - 1] === s[p]) down--;
      let up = p;
      while (up < n && s[up] === s[p]) up++;
      const last = cuts.length === 0 ? 0 : cuts[cuts.length - 1];
      const downOk = down > last;
      const upOk = up < n;
      if (downOk && upOk) p = p - down <= up - p ? down : up;
      else if (downOk) p = down;
      else if (upOk) p = up;
      else continue;
    }
    if (cuts.length === 0 || cuts[cuts.length - 1] < p) cuts.push(p);
  }
  const count = cuts.length + 1;
  const edges = new Float64Array(count + 1);
  edges[0] = 0;
  edges[count] = 1;
  for (let b = 0; b < cuts.length; b++) {
    edges[b + 1] = side === 'left' ? s[cuts[b]] : s[cuts[b] - 1];
  }
  return { count, edges, side, index: (x) => edgesIndex(x, edges, side) };
}
