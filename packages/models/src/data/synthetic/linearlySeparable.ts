import { LslabError, MAX_ELEMENTS, type Rng } from '@lslab/core';
import { checkInteger, checkRng } from '@lslab/core/validate';
import { checkNonNegative, requiredOptions } from '../../model/options.js';
import { createDataset } from '../createDataset.js';
import type { Dataset } from '../dataset.js';

/** Options of {@link linearlySeparable}. */
export interface LinearlySeparableOptions {
  /** n ≥ 2 rows. */
  n: number;
  /** d ≥ 1 features. */
  dim: number;
  /** Geometric margin γ ≥ 0 around the hyperplane through the origin (default 0.5). */
  margin?: number;
  /** The separating direction (length d, non-zero; normalised); default uniform on the sphere. */
  direction?: ArrayLike<number>;
}

/** What {@link linearlySeparable} drew besides the rows. */
export interface LinearlySeparableTruth {
  /** Unit vector u with (2y_i − 1)·u·x_i ≥ γ for every row. */
  readonly direction: Float64Array;
  /** Realised margin of u: min_i (2y_i − 1)·u·x_i (≥ γ). */
  readonly margin: number;
}

/**
 * Draws a binary data set separable by a hyperplane through the origin (no
 * bias), as needed for logistic regression without bias (claim C5). Each row
 * starts as z ~ N(0, I_d); its sign is s = sign(u·z) (s = +1 when u·z = 0) and
 * the row is pushed away from the hyperplane, x = z + s·γ·u, so that
 * s·u·x = |u·z| + γ ≥ γ. The label is y = (s + 1)/2 ∈ {0, 1}. If every row
 * lands on one side, the last row is reflected (x ← −x) so both classes occur.
 *
 * The direction u is a separator with margin ≥ γ but not, in general, the
 * max-margin one; {@link hardMarginSvm} computes that.
 *
 * @param rng - the generator (advanced)
 * @param options - size, dimension, margin γ, direction
 * @returns a data set with `truth.direction` and the realised `truth.margin`
 * @throws LslabError `E_RANGE` for n < 2, d < 1, γ < 0 or a zero direction;
 *   `E_SHAPE` for a direction of the wrong length
 * @example
 * const ds = linearlySeparable(createRng(4), { n: 100, dim: 5, margin: 0.5 });
 * ds.truth.margin >= 0.5; // true
 */
export function linearlySeparable(
  rng: Rng,
  options: LinearlySeparableOptions,
): Dataset & { readonly truth: LinearlySeparableTruth } {
  const fn = 'linearlySeparable';
  checkRng(fn, 'rng', rng);
  requiredOptions<LinearlySeparableOptions>(fn, options, ['n', 'dim', 'margin', 'direction']);
  const { n, dim: d } = options;
  checkInteger(fn, 'options.n', n, { min: 2 });
  checkInteger(fn, 'options.dim', d, { min: 1 });
  checkInteger(fn, 'options.n × options.dim', n * d, { max: MAX_ELEMENTS });
  const gamma = options.margin ?? 0.5;
  checkNonNegative(fn, 'options.margin', gamma);
  const u = new Float64Array(d);
  if (options.direction) {
    if (options.direction.length !== d) {
      throw new LslabError(
        'E_SHAPE',
        fn,
        `has length ${options.direction.length}, expected d = ${d}`,
        {
          argument: 'options.direction',
        },
      );
    }
    for (let j = 0; j < d; j++) u[j] = options.direction[j];
  } else for (let j = 0; j < d; j++) u[j] = rng.normal();
  let norm = 0;
  for (let j = 0; j < d; j++) norm += u[j] * u[j];
  norm = Math.sqrt(norm);
  if (!(norm > 0) || !Number.isFinite(norm)) {
    throw new LslabError('E_RANGE', fn, 'must be finite and non-zero', {
      argument: 'options.direction',
    });
  }
  for (let j = 0; j < d; j++) u[j] /= norm;
  const x = new Float64Array(n * d);
  const y = new Int32Array(n);
  let positives = 0;
  for (let i = 0; i < n; i++) {
    let p = 0;
    for (let j = 0; j < d; j++) {
      const z = rng.normal();
      x[i * d + j] = z;
      p += u[j] * z;
    }
    const s = p >= 0 ? 1 : -1;
    for (let j = 0; j < d; j++) x[i * d + j] += s * gamma * u[j];
    y[i] = s > 0 ? 1 : 0;
    positives += y[i];
  }
  if (positives === 0 || positives === n) {
    const i = n - 1;
    for (let j = 0; j < d; j++) x[i * d + j] = -x[i * d + j];
    y[i] = 1 - y[i];
  }
  let margin = Number.POSITIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    let p = 0;
    for (let j = 0; j < d; j++) p += u[j] * x[i * d + j];
    margin = Math.min(margin, (2 * y[i] - 1) * p);
  }
  const ds = createDataset({ rows: n, cols: d, data: x }, y, {
    numClasses: 2,
    classNames: ['negative', 'positive'],
    meta: {
      name: 'linearlySeparable',
      source: 'synthetic',
      marginRequested: gamma,
      marginRealised: margin,
    },
  });
  return { ...ds, truth: { direction: u, margin } };
}
