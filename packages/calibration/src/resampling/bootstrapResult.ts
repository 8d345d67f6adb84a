import { LslabError } from '@lslab/core';
import { checkInteger } from '@lslab/core/validate';
import { percentileInterval } from './internal/quantile.js';

/** A metric on the full data and its percentile interval over the resamples. */
export interface BootstrapInterval {
  /** The metric on the full data. */
  estimate: number;
  /** The (1 − level)/2 quantile of the resampled values. */
  lower: number;
  /** The (1 + level)/2 quantile. */
  upper: number;
}

/** A paired difference metric(a) − metric(b): its interval and how often a < b. */
export interface PairedInterval extends BootstrapInterval {
  /** Fraction of resamples where metric(a) < metric(b) strictly. */
  fractionLess: number;
  /** Fraction of resamples where metric(a) = metric(b) exactly. */
  fractionEqual: number;
}

/**
 * Result of `bootstrap`: every metric of every model on the full data and on
 * each resample. Models and metrics are indexed in the order given; both
 * indices default to 0, so a single model and metric read as `r.interval()`.
 */
export interface BootstrapResult {
  /** Number of models. */
  readonly models: number;
  /** Number of metrics. */
  readonly metrics: number;
  /** Number of resamples. */
  readonly resamples: number;
  /** Coverage of every interval. */
  readonly level: number;
  /** Metric `metric` of model `model` on the full data. */
  estimate(model?: number, metric?: number): number;
  /** Its percentile interval. */
  interval(model?: number, metric?: number): BootstrapInterval;
  /** The paired interval of metric(a) − metric(b), resample by resample. */
  difference(a: number, b: number, metric?: number): PairedInterval;
  /** The resampled values of metric `metric` of model `model`, in draw order (a copy). */
  samples(model?: number, metric?: number): Float64Array;
}

/** @internal Wraps the values of `bootstrap` (estimates M×K, values R×M×K). */
export function bootstrapResult(
  estimates: Float64Array,
  values: Float64Array,
  models: number,
  metrics: number,
  resamples: number,
  level: number,
): BootstrapResult {
  const at = (name: string, i: number | undefined, count: number) =>
    checkInteger('BootstrapResult', name, i ?? 0, { min: 0, max: count - 1 });
  const column = (f: (off: number) => number) => {
    const s = new Float64Array(resamples);
    for (let r = 0; r < resamples; r++) s[r] = f(r * models * metrics);
    return s;
  };
  const cell = (m?: number, k?: number) =>
    at('model', m, models) * metrics + at('metric', k, metrics);
  return {
    models,
    metrics,
    resamples,
    level,
    estimate: (m, k) => estimates[cell(m, k)],
    samples: (m, k) => {
      const c = cell(m, k);
      return column((off) => values[off + c]);
    },
    interval(m, k) {
      const c = cell(m, k);
      return {
        estimate: estimates[c],
        ...percentileInterval(
          column((off) => values[off + c]),
          level,
        ),
      };
    },
    difference(a, b, k) {
      if (a === undefined || b === undefined) {
        throw new LslabError('E_RANGE', 'BootstrapResult.difference', 'needs two model indices', {
          argument: 'b',
        });
      }
      const ca = cell(a, k);
      const cb = cell(b, k);
      const d = column((off) => values[off + ca] - values[off + cb]);
      let less = 0;
      let equal = 0;
      for (let r = 0; r < resamples; r++) {
        const off = r * models * metrics;
        if (values[off + ca] < values[off + cb]) less++;
        else if (values[off + ca] === values[off + cb]) equal++;
      }
      return {
        estimate: estimates[ca] - estimates[cb],
        ...percentileInterval(d, level),
        fractionLess: less / resamples,
        fractionEqual: equal / resamples,
      };
    },
  };
}
