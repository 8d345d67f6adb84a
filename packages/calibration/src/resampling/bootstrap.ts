import { LslabError, type Matrix } from '@lslab/core';
import { checkFiniteVector, checkMatrix, checkOptions } from '@lslab/core/validate';
import { isMatrix } from '../internal/probabilities.js';
import { type ResampleOptions, readResampleOptions } from './bootstrapOptions.js';
import { type BootstrapResult, bootstrapResult } from './bootstrapResult.js';
import { drawIndices, gatherer } from './internal/resample.js';

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

/** The largest resamples × models × metrics kept (8 bytes each). */
export const MAX_BOOTSTRAP_VALUES = 10_000_000;

const FN = 'bootstrap';

/**
 * Seeded nonparametric bootstrap of one or several metrics of one or several
 * models' predictions on the same rows, with percentile intervals — for one
 * model, and paired for the difference of two.
 *
 * Each of the R resamples draws N row indices uniformly with replacement
 * (`rng.int(N)` from the generator of `@lslab/core`), gathers those rows of
 * every model and of `labels`, and evaluates every metric: all models share
 * every resample, so `difference(a, b)` is a paired bootstrap of
 * metric(a) − metric(b) with the sampling noise they share removed (two
 * identical inputs differ by exactly 0 on every resample). On the full data
 * and on each resample, model by model, the metrics are called in the order
 * given (so a metric may share work with the one called just before it). Intervals are
 * [Q((1−level)/2), Q((1+level)/2)] with Q the type-7 (linear-interpolation)
 * sample quantile of R and NumPy. Same seed, same numbers, on every engine.
 *
 * @param metric - `(probs, labels) => number`, or an array of them; finite on the data and every resample
 * @param probs - one model's predictions (an N×K Matrix or a vector of p(y = 1)),
 *   or an array of them on the same N rows (their contents are the metric's to validate)
 * @param labels - N labels
 * @param options - `resamples` (1000, at most 10⁶), `level` (0.95), `seed` (0) or `rng`
 * @returns a {@link BootstrapResult}: `estimate`, `interval`, `difference`, `samples` by model and metric
 * @throws LslabError `E_SHAPE` (not a Matrix/array, labels or models of other lengths),
 *   `E_EMPTY` (no rows, no models, no metrics), `E_NOT_FINITE` (a non-number among
 *   the labels or a vector's entries; a metric value that is not finite), `E_OPTION`
 *   (metric not a function, unknown option, bad rng), `E_RANGE` (resamples, level, seed,
 *   resamples × models × metrics above 10⁷), and whatever the metric throws
 * @example
 * const mean = (p: Float64Array) => p.reduce((a, b) => a + b, 0) / p.length;
 * // a plain number[] vector needs its type named: P is not inferred from it
 * const r = bootstrap<number[]>(mean, [0.2, 0.4, 0.6, 0.8], [0, 0, 1, 1], { seed: 1 });
 * r.estimate(); // 0.5
 * const i = r.interval(); // { estimate: 0.5, lower, upper } with lower ≤ 0.5 ≤ upper
 * const paired = bootstrap(mean, [[0.1, 0.2, 0.3], [0.2, 0.3, 0.4]], [0, 1, 0]);
 * paired.difference(0, 1).estimate; // ≈ −0.1, and every resample gives ≈ −0.1
 */
export function bootstrap<P extends Matrix | ArrayLike<number>>(
  metric: ResampleMetric<P> | readonly ResampleMetric<P>[],
  probs: P | readonly P[],
  labels: ArrayLike<number>,
  options?: ResampleOptions,
): BootstrapResult {
  const metrics = (typeof metric === 'function' ? [metric] : metric) as readonly unknown[];
  if (
    !Array.isArray(metrics) ||
    metrics.length === 0 ||
    metrics.some((f) => typeof f !== 'function')
  ) {
    throw new LslabError(
      'E_OPTION',
      FN,
      'must be a function (probs, labels) => number, or a non-empty array of them',
      {
        argument: 'metric',
      },
    );
  }
  const models = isModelList(probs) ? probs : [probs as P];
  if (models.length === 0)
    throw new LslabError('E_EMPTY', FN, 'holds no model', { argument: 'probs' });
  const o = readResampleOptions(
    FN,
    checkOptions<ResampleOptions>(FN, options, ['resamples', 'level', 'seed', 'rng']),
  );
  checkFiniteVector(FN, 'labels', labels);
  const n = labels.length;
  for (let m = 0; m < models.length; m++) {
    checkModel(models[m], models.length > 1 ? `probs[${m}]` : 'probs', n, models[0]);
  }
  if (n === 0) throw new LslabError('E_EMPTY', FN, 'has no rows', { argument: 'labels' });
  const M = models.length;
  const K = metrics.length;
  if (o.resamples * M * K > MAX_BOOTSTRAP_VALUES) {
    throw new LslabError(
      'E_RANGE',
      FN,
      `resamples × models × metrics = ${o.resamples * M * K} exceeds the limit ${MAX_BOOTSTRAP_VALUES}`,
      {
        argument: 'options.resamples',
        value: o.resamples,
      },
    );
  }
  const gs = models.map((p) => gatherer(p, labels));
  const call = metrics as readonly ((p: Matrix | Float64Array, y: Float64Array) => number)[];
  const idx = new Uint32Array(n);
  const evaluate = (out: Float64Array, off: number, r: number) => {
    for (let m = 0; m < M; m++) {
      gs[m].gather(idx);
      for (let k = 0; k < K; k++) {
        const v = call[k](gs[m].probs, gs[m].labels);
        if (typeof v !== 'number' || !Number.isFinite(v)) {
          const where = r < 0 ? 'on the full data' : `on resample ${r}`;
          throw new LslabError(
            'E_NOT_FINITE',
            FN,
            `returned a non-finite value ${where} (model ${m}, metric ${k})`,
            {
              argument: 'metric',
              value: v,
            },
          );
        }
        out[off + m * K + k] = v;
      }
    }
  };
  for (let i = 0; i < n; i++) idx[i] = i;
  const estimates = new Float64Array(M * K);
  evaluate(estimates, 0, -1);
  const values = new Float64Array(o.resamples * M * K);
  for (let r = 0; r < o.resamples; r++) {
    drawIndices(o.rng, n, idx);
    evaluate(values, r * M * K, r);
  }
  return bootstrapResult(estimates, values, M, K, o.resamples, o.level);
}

/** True when `probs` is a list of models rather than one Matrix or one vector. */
function isModelList<P>(probs: P | readonly P[]): probs is readonly P[] {
  return (
    Array.isArray(probs) &&
    probs.length > 0 &&
    probs.every((p) => p !== null && typeof p === 'object')
  );
}

/** One model: a Matrix or a vector of numbers with one row per label, of the same kind as the first. */
function checkModel(p: unknown, name: string, n: number, first: unknown): void {
  const cols = (x: unknown) => (isMatrix(x) ? x.cols : -1);
  if (cols(p) !== cols(first)) {
    throw new LslabError('E_SHAPE', FN, 'must be of the same kind and width as probs[0]', {
      argument: name,
    });
  }
  let rows: number;
  if (isMatrix(p)) {
    checkMatrix(FN, name, p);
    rows = p.rows;
  } else {
    checkFiniteVector(FN, name, p as ArrayLike<number>);
    rows = (p as ArrayLike<number>).length;
  }
  if (rows !== n) {
    throw new LslabError('E_SHAPE', FN, `has ${rows} rows, expected ${n} (one per label)`, {
      argument: name,
    });
  }
}
