import { LslabError, type Matrix } from '@lslab/core';

/**
 * @internal Checks an N×K logit Matrix (N ≥ 1, K ≥ 2, finite entries) and,
 * when given, N labels in [0, K). Returns each row's maximum and minimum.
 */
export function checkLogits(
  fn: string,
  logits: Matrix,
  labels?: ArrayLike<number>,
): { rowMax: Float64Array; rowMin: Float64Array } {
  if (logits === null || typeof logits !== 'object' || !('rows' in logits)) {
    throw new LslabError('E_SHAPE', fn, 'is not a Matrix { rows, cols, data }', {
      argument: 'logits',
    });
  }
  const { rows, cols, data } = logits;
  if (
    !(data instanceof Float64Array || data instanceof Float32Array) ||
    !Number.isInteger(rows) ||
    !Number.isInteger(cols) ||
    rows < 0 ||
    cols < 0 ||
    data.length !== rows * cols
  ) {
    throw new LslabError('E_SHAPE', fn, 'is not a consistent Matrix { rows, cols, data }', {
      argument: 'logits',
    });
  }
  if (rows === 0) throw new LslabError('E_EMPTY', fn, 'has no rows', { argument: 'logits' });
  if (cols < 2) {
    throw new LslabError('E_SHAPE', fn, `has ${cols} column(s); need K ≥ 2 classes`, {
      argument: 'logits',
    });
  }
  const rowMax = new Float64Array(rows);
  const rowMin = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let mx = -Infinity;
    let mn = Infinity;
    for (let j = 0; j < cols; j++) {
      const v = data[i * cols + j];
      if (!(v > -Infinity && v < Infinity)) {
        throw new LslabError('E_NOT_FINITE', fn, 'is not finite', {
          argument: 'logits',
          row: i,
          column: j,
          value: v,
        });
      }
      if (v > mx) mx = v;
      if (v < mn) mn = v;
    }
    if (!Number.isFinite(mx - mn)) {
      throw new LslabError('E_RANGE', fn, `row spread max − min = ${mx} − ${mn} overflows`, {
        argument: 'logits',
        row: i,
      });
    }
    rowMax[i] = mx;
    rowMin[i] = mn;
  }
  if (labels !== undefined) {
    if (labels === null || typeof labels !== 'object' || typeof labels.length !== 'number') {
      throw new LslabError('E_SHAPE', fn, 'is not an array of class indices', {
        argument: 'labels',
      });
    }
    if (labels.length !== rows) {
      throw new LslabError('E_SHAPE', fn, `has length ${labels.length}, expected ${rows}`, {
        argument: 'labels',
      });
    }
    for (let i = 0; i < rows; i++) {
      const y = labels[i];
      if (!Number.isInteger(y) || y < 0 || y >= cols) {
        throw new LslabError('E_LABEL', fn, `is not a class index in [0, ${cols})`, {
          argument: 'labels',
          row: i,
          value: y,
        });
      }
    }
  }
  return { rowMax, rowMin };
}

/** @internal A finite number > 0, else `E_RANGE` (`E_NOT_FINITE` for NaN/±∞). */
export function checkPositive(fn: string, name: string, x: unknown): number {
  if (typeof x !== 'number' || !Number.isFinite(x)) {
    throw new LslabError('E_NOT_FINITE', fn, 'must be a finite number', {
      argument: name,
      value: x,
    });
  }
  if (!(x > 0)) throw new LslabError('E_RANGE', fn, 'must be > 0', { argument: name, value: x });
  return x;
}
