import type { Matrix } from '@lslab/core';
import type { UniformSource } from './internal/xoshiro128.js';

/**
 * What a metric receives on each resample: a Matrix (same dtype as the input)
 * for Matrix input, a `Float64Array` for a vector of p(y = 1).
 */
export type Resampled<P> = P extends Matrix ? Matrix : Float64Array;

/**
 * A metric of predictions and labels, e.g. `(p, y) => brierScore(p, y)`. It is
 * called once on the full data and once per resample, with buffers that are
 * reused between calls: it must not keep references to its arguments.
 */
export type ResampleMetric<P> = (probs: Resampled<P>, labels: Float64Array) => number;

/** Options of {@link bootstrap} and {@link pairedBootstrap}. */
export interface BootstrapOptions {
  /** Number of resamples, an integer ≥ 1. Default 1000. */
  resamples?: number;
  /**
   * Seed (a safe integer) of the built-in xoshiro128** generator. Default 0.
   * Ignored when `rng` is given.
   */
  seed?: number;
  /** Coverage of the percentile interval, in (0, 1). Default 0.95. */
  level?: number;
  /**
   * Optional source of uniforms in [0, 1) used instead of the built-in
   * generator, e.g. `createRng(7)` of `@lslab/models`. It is advanced N times per resample.
   */
  rng?: UniformSource;
  /** Return the metric value of every resample in `samples`. Default false. */
  keepSamples?: boolean;
}

export type { UniformSource };
