import { LslabError, type Matrix } from '@lslab/core';

/** Tolerance on |Σ_c p_c − 1| for a row of probabilities. */
export const ROW_SUM_TOLERANCE = 1e-6;

/** @internal A Matrix of probabilities: shape, ≥ 2 columns, finite entries in [0, 1], rows summing to 1. */
export function checkMatrixProbs(fn: string, m: Matrix): void {
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

/** @internal A non-empty vector of p(y = 1), each finite and in [0, 1]. */
export function checkVectorProbs(fn: string, p: ArrayLike<number>): void {
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

/** @internal Labels: one integer class index in [0, k) per row. */
export function checkLabelArray(fn: string, labels: ArrayLike<number>, n: number, k: number): void {
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
