import { LslabError, MAX_ELEMENTS, type Matrix, type Rng } from '@lslab/core';
import { checkInRange, checkInteger, checkRng } from '@lslab/core/validate';
import { cholesky, maxDiagonal } from '../../linalg/cholesky.js';
import { checkNonNegative, requiredOptions } from '../../model/options.js';
import { createDataset } from '../createDataset.js';
import type { Dataset } from '../dataset.js';
import { classSizes, flipLabels, shuffledRows } from './common.js';

/** Options of {@link gaussianMixture}. */
export interface GaussianMixtureOptions {
  /** K ≥ 2. */
  numClasses: number;
  /** d ≥ 1. */
  dim: number;
  /** Rows per class: one number for all, or K numbers (each ≥ 0, total ≥ 1). */
  nPerClass: number | readonly number[];
  /** Distance between class means (default 3); ignored when `means` is given. */
  separation?: number;
  /** Class means, K × d; default: see {@link gaussianMixture}. */
  means?: Matrix;
  /** Isotropic standard deviation, one for all classes or one per class (default 1). */
  std?: number | readonly number[];
  /** Full covariance per class (K matrices d × d, positive definite); overrides `std`. */
  covariances?: readonly Matrix[];
  /** Probability ρ ∈ [0, 1] of replacing a label by a uniformly chosen other class (default 0). */
  labelNoise?: number;
}

/** What {@link gaussianMixture} drew besides the rows. */
export interface GaussianMixtureTruth {
  /** Class means, K × d. */
  readonly means: Matrix;
  /** Labels before noise, row-aligned with the data set. */
  readonly cleanLabels: Int32Array;
  /** Realised number of flipped labels. */
  readonly flipped: number;
}

/**
 * Draws a K-class Gaussian mixture: x | class k ~ N(μ_k, Σ_k), rows in a
 * random order. Default means: when K ≤ d, μ_k = (s/√2)·e_k so that every pair
 * of means is exactly s = `separation` apart; when K > d, μ_k = (s/√2)·u_k with
 * u_k uniform on the unit sphere (pairwise distances about s). Σ_k = σ_k² I
 * from `std`, or the given `covariances` (sampled as μ + L z with L the
 * Cholesky factor). With `labelNoise` ρ each label is, independently with
 * probability ρ, replaced by one of the other K − 1 classes chosen uniformly;
 * `truth.flipped` and `meta.flipped` give the realised count.
 *
 * @param rng - the generator (advanced)
 * @param options - see {@link GaussianMixtureOptions}
 * @returns a data set with `truth` (means, clean labels, flip count)
 * @throws LslabError `E_RANGE` for K < 2, d < 1, negative sizes, σ ≤ 0 or
 *   ρ ∉ [0, 1]; `E_SHAPE` for means or covariances of the wrong size; `E_RANGE`
 *   for a covariance that is not positive definite
 * @example
 * const ds = gaussianMixture(createRng(1), { numClasses: 3, dim: 2, nPerClass: 100, labelNoise: 0.1 });
 * ds.x.rows;          // 300
 * ds.truth.flipped;   // the realised number of noisy labels, about 30
 */
export function gaussianMixture(
  rng: Rng,
  options: GaussianMixtureOptions,
): Dataset & { readonly truth: GaussianMixtureTruth } {
  const fn = 'gaussianMixture';
  checkRng(fn, 'rng', rng);
  requiredOptions<GaussianMixtureOptions>(fn, options, [
    'numClasses',
    'dim',
    'nPerClass',
    'separation',
    'means',
    'std',
    'covariances',
    'labelNoise',
  ]);
  const { numClasses: k, dim: d } = options;
  checkInteger(fn, 'options.numClasses', k, { min: 2 });
  checkInteger(fn, 'options.dim', d, { min: 1 });
  checkInteger(fn, 'options.numClasses × options.dim × options.dim', k * d * d, {
    max: MAX_ELEMENTS,
  });
  const sizes = classSizes(fn, options.nPerClass, k);
  const rows = sizes.reduce((a, b) => a + b, 0);
  checkInteger(fn, 'options.nPerClass × options.dim', rows * d, { max: MAX_ELEMENTS });
  const rho = options.labelNoise ?? 0;
  checkInRange(fn, 'options.labelNoise', rho, 0, 1);
  let means: Float64Array;
  if (options.means) {
    const m = options.means;
    if (m.rows !== k || m.cols !== d || m.data.length !== k * d) {
      throw new LslabError(
        'E_SHAPE',
        fn,
        `is ${m.rows} × ${m.cols}, expected K × d = ${k} × ${d}`,
        {
          argument: 'options.means',
        },
      );
    }
    means = Float64Array.from(m.data);
  } else {
    const s = options.separation ?? 3;
    checkNonNegative(fn, 'options.separation', s);
    means = new Float64Array(k * d);
    const r = s / Math.SQRT2;
    for (let c = 0; c < k; c++) {
      if (k <= d) means[c * d + c] = r;
      else {
        let norm = 0;
        for (let j = 0; j < d; j++) {
          const z = rng.normal();
          means[c * d + j] = z;
          norm += z * z;
        }
        norm = Math.sqrt(norm);
        for (let j = 0; j < d; j++) means[c * d + j] *= r / norm;
      }
    }
  }
  const factors: Float64Array[] = [];
  if (options.covariances) {
    if (options.covariances.length !== k) {
      throw new LslabError(
        'E_SHAPE',
        fn,
        `has ${options.covariances.length} matrices, expected K = ${k}`,
        {
          argument: 'options.covariances',
        },
      );
    }
    options.covariances.forEach((c, i) => {
      if (c.rows !== d || c.cols !== d) {
        throw new LslabError('E_SHAPE', fn, `is ${c.rows} × ${c.cols}, expected ${d} × ${d}`, {
          argument: 'options.covariances',
          row: i,
        });
      }
      const a = Float64Array.from(c.data);
      const l = new Float64Array(d * d);
      if (!cholesky(a, d, 0, 1e-14 * maxDiagonal(a, d), l)) {
        throw new LslabError('E_RANGE', fn, 'is not symmetric positive definite', {
          argument: 'options.covariances',
          row: i,
        });
      }
      factors.push(l);
    });
  }
  const stds =
    typeof options.std === 'object' ? options.std : new Array<number>(k).fill(options.std ?? 1);
  if (stds.length !== k) {
    throw new LslabError('E_SHAPE', fn, `has length ${stds.length}, expected K = ${k}`, {
      argument: 'options.std',
    });
  }
  stds.forEach((s, i) => {
    if (!(s > 0) || !Number.isFinite(s)) {
      throw new LslabError('E_RANGE', fn, 'must be finite and > 0', {
        argument: 'options.std',
        row: i,
        value: s,
      });
    }
  });
  const { order, labels } = shuffledRows(rng, sizes);
  const n = labels.length;
  const x = new Float64Array(n * d);
  const z = new Float64Array(d);
  for (let r = 0; r < n; r++) {
    const c = labels[order[r]];
    for (let j = 0; j < d; j++) z[j] = rng.normal();
    for (let j = 0; j < d; j++) {
      let v = 0;
      if (factors.length) {
        const l = factors[c];
        for (let t = 0; t <= j; t++) v += l[j * d + t] * z[t];
      } else v = stds[c] * z[j];
      x[r * d + j] = means[c * d + j] + v;
    }
  }
  const clean = new Int32Array(n);
  for (let r = 0; r < n; r++) clean[r] = labels[order[r]];
  const { y, flipped } = flipLabels(rng, clean, k, rho);
  const ds = createDataset({ rows: n, cols: d, data: x }, y, {
    numClasses: k,
    meta: { name: 'gaussianMixture', source: 'synthetic', labelNoise: rho, flipped },
  });
  return {
    ...ds,
    truth: { means: { rows: k, cols: d, data: means }, cleanLabels: clean, flipped },
  };
}
