import { LslabError } from '@lslab/core';
import type { Binning } from '../../internal/binning.js';
import { addToBin, type BinStats, emptyBinStats, mergeBinStats } from '../../internal/binStats.js';
import { addCompensated, mergeCompensated } from '../../internal/compensated.js';
import type { ProbabilityView } from '../../internal/probabilities.js';

/** @internal The state behind an accumulator. */
export interface AccumulatorState {
  n: number;
  vector: boolean | null;
  top: BinStats;
  perClass: BinStats[];
  /** [Brier, NLL] compensated sums. */
  sums: Float64Array;
  errs: Float64Array;
}

/** @internal An empty state for `bins` bins and `k` classes. */
export function emptyState(bins: number, k: number): AccumulatorState {
  return {
    n: 0,
    vector: null,
    top: emptyBinStats(bins),
    perClass: Array.from({ length: k }, () => emptyBinStats(bins)),
    sums: new Float64Array(2),
    errs: new Float64Array(2),
  };
}

/**
 * @internal Adds a validated batch to an accumulator state in one O(N·K)
 * pass: top-label (or positive-class) bins, per-class bins, Brier and NLL.
 */
export function accumulateBatch(
  state: AccumulatorState,
  v: ProbabilityView,
  k: number,
  binning: Binning,
): void {
  const fn = 'CalibrationAccumulator.add';
  if (v.k !== k) {
    throw new LslabError('E_SHAPE', fn, `has ${v.k} classes, the accumulator ${k}`, {
      argument: 'probs',
    });
  }
  if (state.vector !== null && state.vector !== v.vector) {
    throw new LslabError('E_SHAPE', fn, 'mixes vector and matrix input in one accumulator', {
      argument: 'probs',
    });
  }
  state.vector = v.vector;
  const { n, data, labels } = v;
  const { top, perClass, sums, errs } = state;
  for (let i = 0; i < n; i++) {
    const y = labels[i];
    if (v.vector) {
      const p = data[i];
      addToBin(top, binning.index(p), p, y);
      addToBin(perClass[1], binning.index(p), p, y);
      addToBin(perClass[0], binning.index(1 - p), 1 - p, 1 - y);
      addCompensated(sums, errs, 0, (y - p) * (y - p));
      addCompensated(sums, errs, 1, -(y === 1 ? Math.log(p) : Math.log1p(-p)));
      continue;
    }
    const off = i * k;
    let best = 0;
    let m = data[off];
    let brier = 0;
    for (let c = 0; c < k; c++) {
      const p = data[off + c];
      if (p > m) {
        m = p;
        best = c;
      }
      const o = c === y ? 1 : 0;
      addToBin(perClass[c], binning.index(p), p, o);
      brier += (o - p) * (o - p);
    }
    addToBin(top, binning.index(m), m, y === best ? 1 : 0);
    addCompensated(sums, errs, 0, brier);
    addCompensated(sums, errs, 1, -Math.log(data[off + y]));
  }
  state.n += n;
}

/** @internal Adds the statistics of `o` into `state` (same bins, classes and edges). */
export function mergeState(state: AccumulatorState, o: AccumulatorState, k: number): void {
  if (state.vector === null) state.vector = o.vector;
  state.n += o.n;
  mergeBinStats(state.top, o.top);
  for (let c = 0; c < k; c++) mergeBinStats(state.perClass[c], o.perClass[c]);
  mergeCompensated(state.sums, state.errs, o.sums, o.errs);
}
