import { LslabError, type Matrix } from '@lslab/core';

/** Tolerance on |Σ_c p_c − 1| for a row of probabilities. */
export const ROW_SUM_TOLERANCE = 1e-6;

/**
 * @internal A validated view of predictions and labels.
 *
 * - Matrix input: `k` = columns (≥ 2), `data` row-major N×K, `vector` false.
 * - Vector input: p(y = 1) per row, `k` = 2, `vector` true; class 1 has
 *   probability `data[i]` and class 0 has `1 − data[i]`.
 */
export interface ProbabilityView {
  readonly fn: string;
  readonly n: number;
  readonly k: number;
  readonly vector: boolean;
  readonly data: ArrayLike<number>;
  readonly labels: ArrayLike<number>;
}

/** @internal True when `x` looks like a Matrix `{ rows, cols, data }`. */
export function isMatrix(x: unknown): x is Matrix {
  return x !== null && typeof x === 'object' && 'rows' in x && 'cols' in x && 'data' in x;
}

function checkMatrixProbs(fn: string, m: Matrix): void {
  const { rows, cols, data } = m;
  if (!(data instanceof Float64Array || data instanceof Float32Array)) {
    throw new LslabError('E_SHAPE', fn, 'is not a Matrix with a Float64Array/Float32Array', {
      argument: 'probs',
    });
  }
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0) {
    throw new LslabError('E_SHAPE', fn, `has invalid dimensions ${rows} × ${cols}`, {
      argument: 'probs',
    });
  }
  if (data.length !== rows * cols) {
    throw new LslabError(
      'E_SHAPE',
      fn,
      `has data length ${data.length}, expected ${rows} × ${cols}`,
      { argument: 'probs' },
    );
  }
  if (rows === 0) throw new LslabError('E_EMPTY', fn, 'has no rows', { argument: 'probs' });
  if (cols < 2) {
    throw new LslabError(
      'E_SHAPE',
      fn,
      `has ${cols} column(s); a matrix needs K ≥ 2 classes (pass a vector of p(y=1) for binary)`,
      { argument: 'probs' },
    );
  }
  for (let i = 0; i < rows; i++) {
    const off = i * cols;
    let s = 0;
    for (let j = 0; j < cols; j++) {
      const v = data[off + j];
      if (!(v > -Infinity && v < Infinity)) {
        throw new LslabError('E_NOT_FINITE', fn, 'is not finite', {
          argument: 'probs',
          row: i,
          column: j,
          value: v,
        });
      }
      if (v < 0 || v > 1) {
        throw new LslabError('E_NOT_DISTRIBUTION', fn, 'is not a probability in [0, 1]', {
          argument: 'probs',
          row: i,
          column: j,
          value: v,
        });
      }
      s += v;
    }
    if (Math.abs(s - 1) > ROW_SUM_TOLERANCE) {
      throw new LslabError(
        'E_NOT_DISTRIBUTION',
        fn,
        `row sums to ${s}, not 1 (tolerance ${ROW_SUM_TOLERANCE}); convert logits with softmax`,
        { argument: 'probs', row: i },
      );
    }
  }
}

function checkVectorProbs(fn: string, p: ArrayLike<number>): void {
  if (p === null || typeof p !== 'object' || typeof p.length !== 'number') {
    throw new LslabError('E_SHAPE', fn, 'is neither a Matrix nor an array of p(y=1)', {
      argument: 'probs',
    });
  }
  if (p.length === 0) throw new LslabError('E_EMPTY', fn, 'is empty', { argument: 'probs' });
  for (let i = 0; i < p.length; i++) {
    const v = p[i];
    if (typeof v !== 'number' || !(v > -Infinity && v < Infinity)) {
      throw new LslabError('E_NOT_FINITE', fn, 'is not finite', {
        argument: 'probs',
        row: i,
        value: v,
      });
    }
    if (v < 0 || v > 1) {
      throw new LslabError('E_RANGE', fn, 'is not a probability p(y=1) in [0, 1]', {
        argument: 'probs',
        row: i,
        value: v,
      });
    }
  }
}

function checkLabelArray(fn: string, labels: ArrayLike<number>, n: number, k: number): void {
  if (labels === null || typeof labels !== 'object' || typeof labels.length !== 'number') {
    throw new LslabError('E_SHAPE', fn, 'is not an array of class indices', {
      argument: 'labels',
    });
  }
  if (labels.length !== n) {
    throw new LslabError(
      'E_SHAPE',
      fn,
      `has length ${labels.length}, expected ${n} (one label per row of probs)`,
      { argument: 'labels' },
    );
  }
  for (let i = 0; i < n; i++) {
    const y = labels[i];
    if (!Number.isInteger(y) || y < 0 || y >= k) {
      throw new LslabError('E_LABEL', fn, `is not a class index in [0, ${k})`, {
        argument: 'labels',
        row: i,
        value: y,
      });
    }
  }
}

/**
 * @internal Validates probabilities and labels and returns a view.
 *
 * Errors: `E_EMPTY` no rows; `E_SHAPE` not a Matrix/array, a matrix with < 2
 * columns, or labels of another length; `E_NOT_FINITE` NaN/±∞;
 * `E_NOT_DISTRIBUTION` a matrix entry outside [0, 1] or a row sum off by more
 * than 1e-6; `E_RANGE` a vector entry p(y=1) outside [0, 1]; `E_LABEL` a label
 * that is not an integer in [0, K) (0/1 for a vector).
 */
export function normalizeInput(
  fn: string,
  probs: Matrix | ArrayLike<number>,
  labels: ArrayLike<number>,
): ProbabilityView {
  if (isMatrix(probs)) {
    checkMatrixProbs(fn, probs);
    checkLabelArray(fn, labels, probs.rows, probs.cols);
    return { fn, n: probs.rows, k: probs.cols, vector: false, data: probs.data, labels };
  }
  checkVectorProbs(fn, probs);
  checkLabelArray(fn, labels, probs.length, 2);
  return { fn, n: probs.length, k: 2, vector: true, data: probs, labels };
}

/** @internal p(row i, class c); for a vector, class 1 is `data[i]` and class 0 is `1 − data[i]`. */
export function probAt(v: ProbabilityView, i: number, c: number): number {
  if (v.vector) return c === 1 ? v.data[i] : 1 - v.data[i];
  return v.data[i * v.k + c];
}

/** @internal Index of the largest entry of row i; ties go to the lowest index. */
export function argmaxAt(v: ProbabilityView, i: number): number {
  if (v.vector) return v.data[i] > 0.5 ? 1 : 0;
  const { data, k } = v;
  const off = i * k;
  let best = 0;
  let m = data[off];
  for (let j = 1; j < k; j++) {
    if (data[off + j] > m) {
      m = data[off + j];
      best = j;
    }
  }
  return best;
}
