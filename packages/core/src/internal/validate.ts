import { SMOOTHING_CONVENTIONS, type SmoothingConvention } from '../convention.js';
import { LslabError } from '../errors.js';
import type { Matrix } from '../matrix.js';

/** @internal Throws E_OPTION unless `value` is one of `allowed`. */
export function checkOption<T extends string>(
  fn: string,
  name: string,
  value: unknown,
  allowed: readonly T[],
): T {
  if (!allowed.includes(value as T)) {
    throw new LslabError(
      'E_OPTION',
      fn,
      `must be one of ${allowed.map((a) => `'${a}'`).join(', ')}`,
      {
        argument: name,
        value,
      },
    );
  }
  return value as T;
}

/** @internal Checks that `m` is a Matrix with consistent data length. */
export function checkMatrix(fn: string, name: string, m: Matrix): void {
  if (
    m === null ||
    typeof m !== 'object' ||
    !(m.data instanceof Float64Array || m.data instanceof Float32Array)
  ) {
    throw new LslabError(
      'E_SHAPE',
      fn,
      'is not a Matrix { rows, cols, data: Float64Array | Float32Array }',
      {
        argument: name,
      },
    );
  }
  if (!Number.isInteger(m.rows) || !Number.isInteger(m.cols) || m.rows < 0 || m.cols < 0) {
    throw new LslabError('E_SHAPE', fn, `has invalid dimensions ${m.rows} × ${m.cols}`, {
      argument: name,
    });
  }
  if (m.data.length !== m.rows * m.cols) {
    throw new LslabError(
      'E_SHAPE',
      fn,
      `has data length ${m.data.length}, expected ${m.rows} × ${m.cols} = ${m.rows * m.cols}`,
      { argument: name },
    );
  }
}

/** @internal Throws E_EMPTY when n is 0. */
export function checkNonEmpty(fn: string, name: string, n: number): void {
  if (n === 0) throw new LslabError('E_EMPTY', fn, 'is empty', { argument: name });
}

/** @internal Every element finite; names row/column of the first bad one. */
export function checkFiniteMatrix(fn: string, name: string, m: Matrix): void {
  const d = m.data;
  for (let i = 0; i < d.length; i++) {
    const v = d[i];
    if (!(v > -Infinity && v < Infinity)) {
      throw new LslabError('E_NOT_FINITE', fn, 'is not finite', {
        argument: name,
        row: Math.floor(i / m.cols),
        column: i % m.cols,
        value: v,
      });
    }
  }
}

/** @internal Every element finite (1-D). */
export function checkFiniteVector(fn: string, name: string, v: ArrayLike<number>): void {
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    if (typeof x !== 'number' || !(x > -Infinity && x < Infinity)) {
      throw new LslabError('E_NOT_FINITE', fn, 'is not finite', {
        argument: name,
        row: i,
        value: x,
      });
    }
  }
}

/** @internal A finite number in [lo, hi]. */
export function checkInRange(fn: string, name: string, x: number, lo: number, hi: number): void {
  if (typeof x !== 'number' || Number.isNaN(x)) {
    throw new LslabError('E_NOT_FINITE', fn, 'is not a number', { argument: name, value: x });
  }
  if (!(x >= lo && x <= hi)) {
    throw new LslabError('E_RANGE', fn, `must lie in [${lo}, ${hi}]`, { argument: name, value: x });
  }
}

/** @internal The smoothing weight α ∈ [0, 1]. */
export function checkAlpha(fn: string, alpha: number, name = 'alpha'): void {
  checkInRange(fn, name, alpha, 0, 1);
}

/** @internal The number of classes K: an integer ≥ 2. */
export function checkNumClasses(fn: string, k: number, name = 'numClasses'): void {
  if (typeof k !== 'number' || !Number.isInteger(k) || k < 2) {
    throw new LslabError('E_RANGE', fn, 'must be an integer ≥ 2', { argument: name, value: k });
  }
}

/**
 * @internal Labels: integers in [0, K), or equal to `ignoreIndex` when given.
 * Checks the length against `n` rows.
 */
export function checkLabels(
  fn: string,
  name: string,
  labels: ArrayLike<number>,
  n: number,
  k: number,
  ignoreIndex?: number,
): void {
  if (labels === null || typeof labels !== 'object' || typeof labels.length !== 'number') {
    throw new LslabError('E_SHAPE', fn, 'is not an array of class indices', { argument: name });
  }
  if (labels.length !== n) {
    throw new LslabError(
      'E_SHAPE',
      fn,
      `has length ${labels.length}, expected ${n} (one label per row)`,
      {
        argument: name,
      },
    );
  }
  for (let i = 0; i < n; i++) {
    const y = labels[i];
    if (y === ignoreIndex) continue;
    if (!Number.isInteger(y) || y < 0 || y >= k) {
      throw new LslabError('E_LABEL', fn, `is not a class index in [0, ${k})`, {
        argument: name,
        row: i,
        value: y,
      });
    }
  }
}

/** @internal Class weights: length K, finite, ≥ 0. */
export function checkWeights(fn: string, name: string, w: ArrayLike<number>, k: number): void {
  if (w.length !== k) {
    throw new LslabError(
      'E_SHAPE',
      fn,
      `has length ${w.length}, expected one weight per class (${k})`,
      {
        argument: name,
      },
    );
  }
  for (let c = 0; c < k; c++) {
    const x = w[c];
    if (!(x > -Infinity && x < Infinity)) {
      throw new LslabError('E_NOT_FINITE', fn, 'is not finite', {
        argument: name,
        column: c,
        value: x,
      });
    }
    if (x < 0)
      throw new LslabError('E_RANGE', fn, 'must be ≥ 0', { argument: name, column: c, value: x });
  }
}

/** Default tolerance on |Σ_c p_c − 1| for a row to count as a distribution. */
export const DISTRIBUTION_TOLERANCE = 1e-6;

/**
 * @internal Rows of `m` are distributions: entries finite and in [0, 1], sums
 * within `tol` of 1.
 */
export function checkDistributionRows(
  fn: string,
  name: string,
  m: Matrix,
  tol = DISTRIBUTION_TOLERANCE,
): void {
  const { rows, cols, data } = m;
  for (let i = 0; i < rows; i++) {
    let s = 0;
    for (let j = 0; j < cols; j++) {
      const v = data[i * cols + j];
      if (!(v > -Infinity && v < Infinity)) {
        throw new LslabError('E_NOT_FINITE', fn, 'is not finite', {
          argument: name,
          row: i,
          column: j,
          value: v,
        });
      }
      if (v < 0 || v > 1) {
        throw new LslabError('E_NOT_DISTRIBUTION', fn, 'is not a probability in [0, 1]', {
          argument: name,
          row: i,
          column: j,
          value: v,
        });
      }
      s += v;
    }
    if (Math.abs(s - 1) > tol) {
      throw new LslabError('E_NOT_DISTRIBUTION', fn, `row sums to ${s}, not 1 (tolerance ${tol})`, {
        argument: name,
        row: i,
      });
    }
  }
}

/** @internal `options.convention`, default `'uniform'`; E_OPTION for anything else. */
export function checkConvention(fn: string, value: unknown): SmoothingConvention {
  return checkOption(fn, 'options.convention', value ?? 'uniform', SMOOTHING_CONVENTIONS);
}
