import { LslabError, type Matrix } from '@lslab/core';
import type { BootstrapOptions, ResampleMetric } from './bootstrapTypes.js';
import { checkMetricValue, checkResampleInput } from './internal/checkPair.js';
import { percentileInterval } from './internal/quantile.js';
import { drawIndices, gatherer, resampleSettings } from './internal/resample.js';

/** Result of {@link pairedBootstrap}. */
export interface PairedBootstrapResult {
  /** The metric of model A on the full data. */
  estimateA: number;
  /** The metric of model B on the full data. */
  estimateB: number;
  /** estimateA − estimateB. */
  difference: number;
  /** Lower end of the percentile interval of the difference A − B. */
  lower: number;
  /** Upper end of the percentile interval of the difference A − B. */
  upper: number;
  /** Fraction of resamples where metric(A) < metric(B) strictly. */
  fractionALess: number;
  /** Fraction of resamples where metric(A) = metric(B) exactly. */
  fractionEqual: number;
  /** Coverage asked for. */
  level: number;
  /** Number of resamples. */
  resamples: number;
  /** The resampled differences A − B in draw order, when `keepSamples` is true. */
  samples?: Float64Array;
}

const FN = 'pairedBootstrap';

/**
 * Paired bootstrap of a metric for two models scored on the same rows: every
 * resample draws one set of row indices and evaluates the metric on those rows
 * for model A and for model B, so the interval is that of the difference
 * metric(A) − metric(B) with the sampling noise the two share removed.
 *
 * Resampling, quantiles and seeding as in {@link bootstrap}; the same seed
 * gives the same indices as `bootstrap` with that seed. Two identical inputs
 * give a difference of exactly 0 on every resample. A common reading: "A is
 * lower than B" when `upper < 0`, "higher" when `lower > 0`, a tie when the
 * interval contains 0.
 *
 * @param metric - `(probs, labels) => number`, finite on all data and resamples
 * @param probsA - model A: N×K Matrix or vector of p(y = 1)
 * @param probsB - model B, same kind and rows as `probsA`
 * @param labels - N labels shared by both
 * @param options - `resamples` (1000), `seed` (0), `level` (0.95), `rng`, `keepSamples`
 * @returns `{ estimateA, estimateB, difference, lower, upper, fractionALess, fractionEqual, level, resamples, samples? }`
 * @throws LslabError `E_SHAPE` when A and B differ in kind or shape, otherwise as {@link bootstrap}
 * @example
 * const mean = (p: Float64Array) => p.reduce((a, b) => a + b, 0) / p.length;
 * const r = pairedBootstrap(mean, [0.1, 0.2, 0.3], [0.2, 0.3, 0.4], [0, 1, 0], { seed: 3 });
 * r.difference; // ≈ -0.1 (every resample gives ≈ -0.1, so lower ≈ upper ≈ -0.1)
 * r.fractionALess; // 1
 */
export function pairedBootstrap<P extends Matrix | ArrayLike<number>>(
  metric: ResampleMetric<P>,
  probsA: P,
  probsB: P,
  labels: ArrayLike<number>,
  options: BootstrapOptions = {},
): PairedBootstrapResult {
  const n = checkResampleInput(FN, metric, probsA, labels, 'probsA');
  checkResampleInput(FN, metric, probsB, labels, 'probsB');
  checkSameShape(probsA, probsB);
  const { resamples, level, source } = resampleSettings(FN, options);
  const ga = gatherer(probsA, labels);
  const gb = gatherer(probsB, labels);
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  ga.gather(idx);
  gb.gather(idx);
  const call = metric as (p: Matrix | Float64Array, y: Float64Array) => number;
  const estimateA = checkMetricValue(FN, call(ga.probs, ga.labels), -1);
  const estimateB = checkMetricValue(FN, call(gb.probs, gb.labels), -1);
  const samples = new Float64Array(resamples);
  let less = 0;
  let equal = 0;
  for (let r = 0; r < resamples; r++) {
    drawIndices(FN, source, n, idx);
    ga.gather(idx);
    gb.gather(idx);
    const a = checkMetricValue(FN, call(ga.probs, ga.labels), r);
    const b = checkMetricValue(FN, call(gb.probs, gb.labels), r);
    if (a < b) less++;
    else if (a === b) equal++;
    samples[r] = a - b;
  }
  const { lower, upper } = percentileInterval(samples, level);
  const result: PairedBootstrapResult = {
    estimateA,
    estimateB,
    difference: estimateA - estimateB,
    lower,
    upper,
    fractionALess: less / resamples,
    fractionEqual: equal / resamples,
    level,
    resamples,
  };
  if (options.keepSamples === true) result.samples = samples;
  return result;
}

function checkSameShape(a: Matrix | ArrayLike<number>, b: Matrix | ArrayLike<number>): void {
  const ma = 'rows' in a && 'cols' in a;
  const mb = 'rows' in b && 'cols' in b;
  if (ma !== mb || (ma && mb && (a as Matrix).cols !== (b as Matrix).cols)) {
    throw new LslabError('E_SHAPE', FN, 'must be of the same kind and shape as probsA', {
      argument: 'probsB',
    });
  }
}
