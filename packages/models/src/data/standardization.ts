import { LslabError, type Matrix } from '@lslab/core';
import { checkFiniteMatrix, checkFiniteVector, checkMatrix } from '@lslab/core/validate';
import type { Standardization } from './dataset.js';

/**
 * Computes per-feature standardisation statistics of the rows of `x`:
 * mean_j = (1/n) Σ_i x_ij and std_j = √((1/n) Σ_i (x_ij − mean_j)²) (the
 * population form, dividing by n); a feature with std 0 gets std 1 so that it
 * is centred but not divided by zero. Two passes, for accuracy.
 *
 * @param x - n × d, n ≥ 1 (usually the training split only)
 * @returns `{ mean, std }`, each of length d
 * @throws LslabError `E_EMPTY` when x has no rows, `E_SHAPE`/`E_NOT_FINITE` for a bad
 *   matrix, `E_RANGE` when a column's deviations are beyond the double range
 * @example
 * const s = fitStandardization(fromRows([[1, 5], [3, 5]]));
 * [Array.from(s.mean), Array.from(s.std)]; // [[2, 5], [1, 1]]
 */
export function fitStandardization(x: Matrix): Standardization {
  checkMatrix('fitStandardization', 'x', x);
  checkFiniteMatrix('fitStandardization', 'x', x);
  const { rows: n, cols: d, data } = x;
  if (n === 0) {
    throw new LslabError('E_EMPTY', 'fitStandardization', 'has no rows', { argument: 'x' });
  }
  const mean = new Float64Array(d);
  const std = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j] += data[i * d + j];
  for (let j = 0; j < d; j++) mean[j] /= n;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) {
      const t = data[i * d + j] - mean[j];
      std[j] += t * t;
    }
  }
  for (let j = 0; j < d; j++) {
    const s = Math.sqrt(std[j] / n);
    std[j] = s > 0 ? s : 1;
  }
  for (let j = 0; j < d; j++) {
    if (!(Number.isFinite(mean[j]) && Number.isFinite(std[j]))) spreadApart(x, j, mean, std);
  }
  return { mean, std };
}

/**
 * Applies x'_ij = (x_ij − mean_j) / std_j and returns a new Float64 matrix.
 *
 * @param x - n × d
 * @param s - statistics of length d, from {@link fitStandardization}
 * @returns the standardised copy
 * @throws LslabError `E_SHAPE` when the lengths disagree with d, `E_NOT_FINITE`
 *   for NaN or ±∞, `E_RANGE` for a std ≤ 0 or a result beyond the double range
 * @example
 * const x = fromRows([[1], [3]]);
 * applyStandardization(x, fitStandardization(x)).data; // Float64Array [-1, 1]
 */
export function applyStandardization(x: Matrix, s: Standardization): Matrix {
  const fn = 'applyStandardization';
  checkMatrix(fn, 'x', x);
  checkFiniteMatrix(fn, 'x', x);
  if (s === null || typeof s !== 'object') {
    throw new LslabError('E_SHAPE', fn, 'is not a Standardization { mean, std }', {
      argument: 's',
    });
  }
  checkFiniteVector(fn, 's.mean', s.mean);
  checkFiniteVector(fn, 's.std', s.std);
  for (let j = 0; j < s.std.length; j++) {
    if (!(s.std[j] > 0)) {
      throw new LslabError('E_RANGE', fn, 'must be > 0', {
        argument: 's.std',
        row: j,
        value: s.std[j],
      });
    }
  }
  const { rows: n, cols: d, data } = x;
  if (s.mean.length !== d || s.std.length !== d) {
    throw new LslabError(
      'E_SHAPE',
      'applyStandardization',
      `has length ${s.mean.length}/${s.std.length}, expected d = ${d}`,
      { argument: 's' },
    );
  }
  const out = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) out[i * d + j] = (data[i * d + j] - s.mean[j]) / s.std[j];
  }
  for (let e = 0; e < out.length; e++) {
    if (!Number.isFinite(out[e])) {
      throw new LslabError('E_RANGE', fn, 'is beyond the double range once standardised', {
        argument: 'x',
        row: Math.floor(e / d),
        column: e % d,
        value: data[e],
      });
    }
  }
  return { rows: n, cols: d, data: out };
}

/**
 * Column j again, for entries near ±1.8e308 whose sum or squared deviations
 * overflow: the mean as Σ x_i/n (each term at most 1.8e308/n) and the standard
 * deviation scaled by the largest deviation m, m·√(Σ((x_i − mean)/m)²/n).
 * Throws E_RANGE when a deviation itself is beyond the double range.
 */
function spreadApart(x: Matrix, j: number, mean: Float64Array, std: Float64Array): void {
  const { rows: n, cols: d, data } = x;
  let mu = 0;
  for (let i = 0; i < n; i++) mu += data[i * d + j] / n;
  let m = 0;
  for (let i = 0; i < n; i++) m = Math.max(m, Math.abs(data[i * d + j] - mu));
  if (!Number.isFinite(m)) {
    throw new LslabError(
      'E_RANGE',
      'fitStandardization',
      'spreads beyond the double range; rescale the column',
      { argument: 'x', column: j },
    );
  }
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const t = (data[i * d + j] - mu) / m;
    ss += t * t;
  }
  const s = m * Math.sqrt(ss / n);
  mean[j] = mu;
  std[j] = s > 0 ? s : 1;
}
