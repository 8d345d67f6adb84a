import { LslabError, MAX_ELEMENTS, type Matrix, type Rng } from '@lslab/core';
import { checkInteger, checkPositive, checkRng } from '@lslab/core/validate';
import { requiredOptions } from '../../model/options.js';
import { createDataset } from '../createDataset.js';
import type { Dataset } from '../dataset.js';

/** Options of {@link softmaxData}. */
export interface SoftmaxDataOptions {
  /** n ≥ 1 rows. */
  n: number;
  /** d ≥ 1 features. */
  dim: number;
  /** K ≥ 2 classes (K = 2 is logistic data with logit w₁·x − w₀·x). */
  numClasses: number;
  /** The true weights W, K × d; default W_kj ~ N(0, weightScale²). */
  weights?: Matrix;
  /** Standard deviation of the drawn weights (default 1). */
  weightScale?: number;
  /** Only the first `informative` columns of the drawn W are non-zero (default d). */
  informative?: number;
  /** Standard deviation of the features, x ~ N(0, featureScale² I) (default 1). */
  featureScale?: number;
}

/** What {@link softmaxData} drew besides the rows. */
export interface SoftmaxDataTruth {
  /** The true W (K × d): P(y = k | x) = softmax(W x)_k. */
  readonly weights: Matrix;
  /** The true class probabilities of each row, n × K. */
  readonly probabilities: Matrix;
}

/**
 * Draws well-specified softmax (multinomial logistic) data: x ~ N(0, σ² I_d)
 * and y | x ~ Categorical(softmax(W x)), with W given or drawn (entries
 * N(0, τ²), optionally zero beyond the first `informative` columns). A
 * softmax regression without bias is then correctly specified, and the true
 * probabilities are returned for measuring calibration against the truth.
 * Per row the draws are: d normals for x, then one uniform for y.
 *
 * @param rng - the generator (advanced)
 * @param options - size, dimension, classes, weights or their scale
 * @returns a data set with `truth.weights` and `truth.probabilities`
 * @throws LslabError `E_RANGE` for n < 1, d < 1, K < 2, a scale ≤ 0 or
 *   `informative` ∉ [0, d]; `E_SHAPE` / `E_NOT_FINITE` for bad weights
 * @example
 * const ds = softmaxData(createRng(2), { n: 500, dim: 4, numClasses: 3 });
 * ds.truth.weights.rows; // 3
 */
export function softmaxData(
  rng: Rng,
  options: SoftmaxDataOptions,
): Dataset & { readonly truth: SoftmaxDataTruth } {
  const fn = 'softmaxData';
  checkRng(fn, 'rng', rng);
  requiredOptions<SoftmaxDataOptions>(fn, options, [
    'n',
    'dim',
    'numClasses',
    'weights',
    'weightScale',
    'informative',
    'featureScale',
  ]);
  const { n, dim: d, numClasses: k } = options;
  checkInteger(fn, 'options.n', n, { min: 1 });
  checkInteger(fn, 'options.dim', d, { min: 1 });
  checkInteger(fn, 'options.numClasses', k, { min: 2 });
  checkInteger(fn, 'options.n × options.dim', n * d, { max: MAX_ELEMENTS });
  checkInteger(fn, 'options.numClasses × options.dim', k * d, { max: MAX_ELEMENTS });
  const tau = options.weightScale ?? 1;
  const sigma = options.featureScale ?? 1;
  checkPositive(fn, 'options.weightScale', tau);
  checkPositive(fn, 'options.featureScale', sigma);
  const informative = options.informative ?? d;
  checkInteger(fn, 'options.informative', informative, { min: 0 });
  if (informative > d) {
    throw new LslabError('E_RANGE', fn, `must be ≤ d = ${d}`, {
      argument: 'options.informative',
      value: informative,
    });
  }
  let w: Float64Array;
  if (options.weights) {
    const m = options.weights;
    if (m.rows !== k || m.cols !== d || m.data.length !== k * d) {
      throw new LslabError(
        'E_SHAPE',
        fn,
        `is ${m.rows} × ${m.cols}, expected K × d = ${k} × ${d}`,
        {
          argument: 'options.weights',
        },
      );
    }
    w = Float64Array.from(m.data);
    for (let i = 0; i < w.length; i++) {
      if (!Number.isFinite(w[i])) {
        throw new LslabError('E_NOT_FINITE', fn, 'is not finite', {
          argument: 'options.weights',
          row: Math.floor(i / d),
          column: i % d,
          value: w[i],
        });
      }
    }
  } else {
    w = new Float64Array(k * d);
    for (let c = 0; c < k; c++)
      for (let j = 0; j < informative; j++) w[c * d + j] = tau * rng.normal();
  }
  const x = new Float64Array(n * d);
  const p = new Float64Array(n * k);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) x[i * d + j] = sigma * rng.normal();
    let max = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < k; c++) {
      let z = 0;
      for (let j = 0; j < d; j++) z += w[c * d + j] * x[i * d + j];
      p[i * k + c] = z;
      if (z > max) max = z;
    }
    let sum = 0;
    for (let c = 0; c < k; c++) {
      const e = Math.exp(p[i * k + c] - max);
      p[i * k + c] = e;
      sum += e;
    }
    for (let c = 0; c < k; c++) p[i * k + c] /= sum;
    y[i] = rng.categorical(p.subarray(i * k, (i + 1) * k));
  }
  const ds = createDataset({ rows: n, cols: d, data: x }, y, {
    numClasses: k,
    meta: {
      name: 'softmaxData',
      source: 'synthetic',
      weightScale: tau,
      featureScale: sigma,
      informative,
    },
  });
  return {
    ...ds,
    truth: { weights: { rows: k, cols: d, data: w }, probabilities: { rows: n, cols: k, data: p } },
  };
}
