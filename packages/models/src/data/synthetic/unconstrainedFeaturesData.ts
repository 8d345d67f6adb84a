import { LslabError, MAX_ELEMENTS, type Matrix, type Rng } from '@lslab/core';
import { checkInteger, checkPositive, checkRng } from '@lslab/core/validate';
import { requiredOptions } from '../../model/options.js';
import { createDataset } from '../createDataset.js';
import type { Dataset } from '../dataset.js';
import { simplexEtf } from './simplexEtf.js';

/** Options of {@link unconstrainedFeaturesData}. */
export interface UnconstrainedFeaturesDataOptions {
  /** K ≥ 2. */
  numClasses: number;
  /** Feature dimension d (≥ K − 1 for `'etf'`). */
  dim: number;
  /** Samples per class (≥ 1). */
  nPerClass: number;
  /** `'etf'` (default): a randomly rotated simplex ETF; `'random'`: rows N(0, I/d); or a given K × d matrix. */
  templates?: 'etf' | 'random' | Matrix;
  /** Scale of the class templates (default 1). */
  templateScale?: number;
  /** Standard deviation of the initial free features (default 0.1). */
  featureScale?: number;
}

/**
 * The unconstrained-features setting of claim C6: each sample i of class y_i
 * owns a free feature vector h_i ∈ R^d (the rows of `x`, initialised
 * h_i ~ N(0, σ² I_d)), and the classifier is a fixed template matrix W
 * (K × d): logits z_i = W h_i. Optimising the h_i under a smoothed loss drives
 * every gap z_y − z_k to its optimum ln(q_y/q_k). With a simplex ETF the
 * templates are unit vectors at equal angles (m_j·m_k = −1/(K−1)); the
 * `'random'` option draws W_kj ~ N(0, 1/d) instead. Rows are grouped by class
 * (class 0 first); nothing about the setting depends on row order.
 *
 * @param rng - the generator (advanced)
 * @param options - K, d, samples per class, templates and scales
 * @returns a data set whose `x` holds the initial features, with `templates`
 * @throws LslabError `E_RANGE` for sizes out of range or a scale ≤ 0;
 *   `E_SHAPE` for a template matrix of the wrong size
 * @example
 * const u = unconstrainedFeaturesData(createRng(6), { numClasses: 10, dim: 16, nPerClass: 5 });
 * [u.templates.rows, u.templates.cols, u.x.rows]; // [10, 16, 50]
 */
export function unconstrainedFeaturesData(
  rng: Rng,
  options: UnconstrainedFeaturesDataOptions,
): Dataset & { readonly templates: Matrix } {
  const fn = 'unconstrainedFeaturesData';
  checkRng(fn, 'rng', rng);
  requiredOptions<UnconstrainedFeaturesDataOptions>(fn, options, [
    'numClasses',
    'dim',
    'nPerClass',
    'templates',
    'templateScale',
    'featureScale',
  ]);
  const { numClasses: k, dim: d, nPerClass: m } = options;
  checkInteger(fn, 'options.numClasses', k, { min: 2 });
  checkInteger(fn, 'options.dim', d, { min: 1 });
  checkInteger(fn, 'options.nPerClass', m, { min: 1 });
  checkInteger(fn, 'options.numClasses × options.nPerClass × options.dim', k * m * d, {
    max: MAX_ELEMENTS,
  });
  const scale = options.templateScale ?? 1;
  const sigma = options.featureScale ?? 0.1;
  checkPositive(fn, 'options.templateScale', scale);
  checkPositive(fn, 'options.featureScale', sigma);
  const kind = options.templates ?? 'etf';
  let t: Float64Array;
  if (kind === 'etf') t = Float64Array.from(simplexEtf(k, d, rng).data);
  else if (kind === 'random') {
    t = new Float64Array(k * d);
    for (let i = 0; i < k * d; i++) t[i] = rng.normal() / Math.sqrt(d);
  } else if (
    typeof kind === 'object' &&
    kind.rows === k &&
    kind.cols === d &&
    kind.data.length === k * d
  ) {
    t = Float64Array.from(kind.data);
  } else {
    throw new LslabError('E_SHAPE', fn, `must be 'etf', 'random' or a K × d = ${k} × ${d} matrix`, {
      argument: 'options.templates',
    });
  }
  for (let i = 0; i < t.length; i++) t[i] *= scale;
  const n = k * m;
  const x = new Float64Array(n * d);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = Math.floor(i / m);
    for (let j = 0; j < d; j++) x[i * d + j] = sigma * rng.normal();
  }
  const ds = createDataset({ rows: n, cols: d, data: x }, y, {
    numClasses: k,
    meta: {
      name: 'unconstrainedFeatures',
      source: 'synthetic',
      templates: typeof kind === 'string' ? kind : 'given',
      templateScale: scale,
      featureScale: sigma,
    },
  });
  return { ...ds, templates: { rows: k, cols: d, data: t } };
}
