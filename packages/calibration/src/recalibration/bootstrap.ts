import type { Matrix } from '@lslab/core';
import type { BootstrapOptions, ResampleMetric } from './bootstrapTypes.js';
import { checkMetricValue, checkResampleInput } from './internal/checkPair.js';
import { percentileInterval } from './internal/quantile.js';
import { drawIndices, gatherer, resampleSettings } from './internal/resample.js';

/** Result of {@link bootstrap}. */
export interface BootstrapResult {
  /** The metric on the full data. */
  estimate: number;
  /** Lower end of the percentile interval: the (1 − level)/2 quantile of the resampled values. */
  lower: number;
  /** Upper end: the (1 + level)/2 quantile. */
  upper: number;
  /** Coverage asked for. */
  level: number;
  /** Number of resamples. */
  resamples: number;
  /** The resampled values in draw order, when `keepSamples` is true. */
  samples?: Float64Array;
}

const FN = 'bootstrap';

/**
 * Seeded nonparametric bootstrap of any metric of (probabilities, labels), with
 * a percentile interval.
 *
 * Each of the R resamples draws N row indices uniformly with replacement
 * (index ⌊u·N⌋ for u ∈ [0, 1) from the generator), gathers those rows of
 * `probs` and `labels`, and evaluates the metric; the interval is
 * [Q((1−level)/2), Q((1+level)/2)] of the R values, with Q the type-7
 * (linear-interpolation) sample quantile of R and NumPy.
 *
 * Randomness: a built-in xoshiro128** generator (Blackman & Vigna 2018)
 * seeded by `seed` keeps `@lslab/calibration` free of dependencies; pass
 * `rng` (anything with `uniform()`, such as `createRng` of `@lslab/models`) to
 * use another stream. Same seed, same interval, on every machine.
 *
 * @param metric - `(probs, labels) => number`, finite on the data and on every resample
 * @param probs - an N×K Matrix of probabilities or a vector of p(y = 1) (validated by the metric)
 * @param labels - N labels
 * @param options - `resamples` (1000), `seed` (0), `level` (0.95), `rng`, `keepSamples` (false)
 * @returns `{ estimate, lower, upper, level, resamples, samples? }`
 * @throws LslabError `E_SHAPE` (labels length ≠ rows, not a Matrix/array), `E_EMPTY`
 *   (no rows), `E_OPTION` (metric not a function, bad rng), `E_RANGE` (resamples,
 *   level, seed), `E_NOT_FINITE` (the metric returned NaN/±∞), and whatever the metric throws
 * @example
 * const mean = (p: Float64Array) => p.reduce((a, b) => a + b, 0) / p.length;
 * const r = bootstrap(mean, [0.2, 0.4, 0.6, 0.8], [0, 0, 1, 1], { seed: 1 });
 * r.estimate; // 0.5
 * r.lower <= 0.5 && 0.5 <= r.upper; // true
 */
export function bootstrap<P extends Matrix | ArrayLike<number>>(
  metric: ResampleMetric<P>,
  probs: P,
  labels: ArrayLike<number>,
  options: BootstrapOptions = {},
): BootstrapResult {
  const n = checkResampleInput(FN, metric, probs, labels);
  const { resamples, level, source } = resampleSettings(FN, options);
  const g = gatherer(probs, labels);
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  g.gather(idx);
  const call = metric as (p: Matrix | Float64Array, y: Float64Array) => number;
  const estimate = checkMetricValue(FN, call(g.probs, g.labels), -1);
  const samples = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    drawIndices(FN, source, n, idx);
    g.gather(idx);
    samples[r] = checkMetricValue(FN, call(g.probs, g.labels), r);
  }
  const { lower, upper } = percentileInterval(samples, level);
  const result: BootstrapResult = { estimate, lower, upper, level, resamples };
  if (options.keepSamples === true) result.samples = samples;
  return result;
}
