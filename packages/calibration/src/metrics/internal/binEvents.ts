import { type Binning, equalMassBinning, equalWidthBinning } from '../../internal/binning.js';
import { addToBins, type BinStats, emptyBinStats, mergeBinStats } from '../../internal/binStats.js';
import type { ProbabilityView } from '../../internal/probabilities.js';
import { classEvents, scoredEvents } from '../../internal/topLabel.js';
import type { ResolvedBinning } from '../binningOptions.js';
import { accumulateClass, accumulateScored } from './accumulate.js';

/** @internal A binning and the sums of the events that fell in each bin. */
export interface BinnedEvents {
  binning: Binning;
  stats: BinStats;
}

/**
 * @internal Bins the scored events (`c === null`: top-label or positive
 * class) or class c's events. Equal-width bins take one O(N·K) pass with no
 * sort and no per-sample allocation; equal-mass bins sort the scores.
 */
export function binEvents(v: ProbabilityView, c: number | null, o: ResolvedBinning): BinnedEvents {
  if (o.binning === 'equal-width') {
    const binning = equalWidthBinning(o.bins, o.edges);
    const stats = emptyBinStats(o.bins);
    if (c === null) accumulateScored(v, binning, stats);
    else accumulateClass(v, c, binning, stats);
    return { binning, stats };
  }
  const ev = c === null ? scoredEvents(v) : classEvents(v, c);
  const binning = equalMassBinning(ev.score, o.bins, o.edges);
  const stats = addToBins(emptyBinStats(binning.count), binning, ev.score, ev.outcome);
  return { binning, stats };
}

/**
 * @internal Pools per-class bins into one set of sums when all classes share
 * the same edges (always with equal-width bins); `null` otherwise.
 */
export function poolStats(parts: BinnedEvents[]): BinStats | null {
  const count = parts[0].binning.count;
  for (const p of parts) {
    if (p.binning.count !== count) return null;
    for (let b = 0; b <= count; b++)
      if (p.binning.edges[b] !== parts[0].binning.edges[b]) return null;
  }
  const pooled = emptyBinStats(count);
  for (const p of parts) mergeBinStats(pooled, p.stats);
  return pooled;
}
