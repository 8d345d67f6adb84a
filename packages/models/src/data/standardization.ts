import { LslabError, type Matrix } from '@lslab/core';
import type { Standardization } from './dataset.js';

/**
 * Computes per-feature standardisation statistics of the rows of `x`:
 * mean_j = (1/n) Σ_i x_ij and std_j = √((1/n) Σ_i (x_ij − mean_j)²) (the
 * population form, dividing by n); a feature with std 0 gets std 1 so that it
 * is centred but not divided by zero. Two passes, for accuracy.
 *
 * @param x - n × d, n ≥ 1 (usually the training split only)
 * @returns `{ mean, std }`, each of length d
 * @throws LslabError `E_EMPTY` when x has no rows
 * @example
 * const s = fitStandardization(fromRows([[1, 5], [3, 5]]));
 * [Array.from(s.mean), Array.from(s.std)]; // [[2, 5], [1, 1]]
 */
export function fitStandardization(x: Matrix): Standardization {
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
  return { mean, std };
}

/**
 * Applies x'_ij = (x_ij − mean_j) / std_j and returns a new Float64 matrix.
 *
 * @param x - n × d
 * @param s - statistics of length d, from {@link fitStandardization}
 * @returns the standardised copy
 * @throws LslabError `E_SHAPE` when the lengths disagree with d
 * @example
 * const x = fromRows([[1], [3]]);
 * applyStandardization(x, fitStandardization(x)).data; // Float64Array [-1, 1]
 */
export function applyStandardization(x: Matrix, s: Standardization): Matrix {
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
  return { rows: n, cols: d, data: out };
}
