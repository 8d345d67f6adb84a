import { LslabError, type Matrix } from '@lslab/core';
import { percentileInterval } from '../../recalibration/internal/quantile.js';
import { drawIndices, gatherer } from '../../recalibration/internal/resample.js';
import { Xoshiro128 } from '../../recalibration/internal/xoshiro128.js';

/** @internal A metric of (probabilities, labels). */
export type ClaimMetric = (probs: Matrix, labels: Float64Array) => number;

/**
 * @internal Metric values of several models on the same rows, with every
 * resample shared by all models and metrics (one paired bootstrap for all
 * comparisons). `value(m, k)` is metric k of model m on the full data;
 * `sample(r, m, k)` the same on resample r.
 */
export interface JointBootstrap {
  readonly models: number;
  readonly metrics: number;
  readonly resamples: number;
  readonly level: number;
  value(model: number, metric: number): number;
  /** Percentile interval of metric k of model m. */
  interval(model: number, metric: number): { lower: number; upper: number };
  /** Percentile interval of metric k of model a minus model b, paired by resample. */
  difference(a: number, b: number, metric: number): { lower: number; upper: number };
}

/**
 * @internal Resamples the N rows R times (xoshiro128** seeded by `seed`,
 * indices ⌊u·N⌋ as in `bootstrap`) and evaluates every metric of every model
 * on each resample. Throws `E_NOT_FINITE` when a metric is not finite.
 */
export function jointBootstrap(
  probs: readonly Matrix[],
  labels: ArrayLike<number>,
  metrics: readonly ClaimMetric[],
  options: { resamples: number; level: number; seed: number },
): JointBootstrap {
  const n = labels.length;
  const M = probs.length;
  const K = metrics.length;
  const { resamples: R, level } = options;
  const gs = probs.map((p) => gatherer(p, labels));
  const idx = new Uint32Array(n);
  const est = new Float64Array(M * K);
  const all = new Float64Array(R * M * K);
  const evalAll = (out: Float64Array, off: number) => {
    for (let m = 0; m < M; m++) {
      const g = gs[m];
      g.gather(idx);
      for (let k = 0; k < K; k++) {
        const v = metrics[k](g.probs as Matrix, g.labels);
        if (!Number.isFinite(v)) {
          throw new LslabError('E_NOT_FINITE', 'jointBootstrap', `metric ${k} of model ${m}`, {
            argument: 'metrics',
            value: v,
          });
        }
        out[off + m * K + k] = v;
      }
    }
  };
  for (let i = 0; i < n; i++) idx[i] = i;
  evalAll(est, 0);
  const source = new Xoshiro128(options.seed);
  for (let r = 0; r < R; r++) {
    drawIndices('jointBootstrap', source, n, idx);
    evalAll(all, r * M * K);
  }
  const column = (f: (off: number) => number) => {
    const s = new Float64Array(R);
    for (let r = 0; r < R; r++) s[r] = f(r * M * K);
    return percentileInterval(s, level);
  };
  return {
    models: M,
    metrics: K,
    resamples: R,
    level,
    value: (m, k) => est[m * K + k],
    interval: (m, k) => column((off) => all[off + m * K + k]),
    difference: (a, b, k) => column((off) => all[off + a * K + k] - all[off + b * K + k]),
  };
}
