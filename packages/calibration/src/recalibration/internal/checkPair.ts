import { LslabError, type Matrix } from '@lslab/core';
import { isMatrixLike } from './resample.js';

/**
 * @internal Shape checks shared by the bootstrap functions: `metric` is a
 * function, `probs` is a Matrix (consistent data length) or an array, `labels`
 * is an array with one entry per row, and there is at least one row. The
 * contents are the metric's to validate.
 */
export function checkResampleInput(
  fn: string,
  metric: unknown,
  probs: Matrix | ArrayLike<number>,
  labels: ArrayLike<number>,
  probsName = 'probs',
): number {
  if (typeof metric !== 'function') {
    throw new LslabError('E_OPTION', fn, 'must be a function (probs, labels) => number', {
      argument: 'metric',
    });
  }
  let n: number;
  if (isMatrixLike(probs)) {
    const { rows, cols, data } = probs;
    if (
      !(data instanceof Float64Array || data instanceof Float32Array) ||
      !Number.isInteger(rows) ||
      !Number.isInteger(cols) ||
      rows < 0 ||
      cols < 1 ||
      data.length !== rows * cols
    ) {
      throw new LslabError('E_SHAPE', fn, 'is not a consistent Matrix { rows, cols, data }', {
        argument: probsName,
      });
    }
    n = rows;
  } else {
    if (probs === null || typeof probs !== 'object' || typeof probs.length !== 'number') {
      throw new LslabError('E_SHAPE', fn, 'is neither a Matrix nor an array', {
        argument: probsName,
      });
    }
    n = probs.length;
  }
  if (labels === null || typeof labels !== 'object' || typeof labels.length !== 'number') {
    throw new LslabError('E_SHAPE', fn, 'is not an array of labels', { argument: 'labels' });
  }
  if (labels.length !== n) {
    throw new LslabError(
      'E_SHAPE',
      fn,
      `has length ${labels.length}, expected ${n} (one label per row of ${probsName})`,
      { argument: 'labels' },
    );
  }
  if (n === 0) throw new LslabError('E_EMPTY', fn, 'has no rows', { argument: probsName });
  return n;
}

/** @internal Throws `E_NOT_FINITE` when a metric value is not finite. */
export function checkMetricValue(fn: string, value: unknown, resample: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new LslabError(
      'E_NOT_FINITE',
      fn,
      resample < 0
        ? 'returned a non-finite value on the full data'
        : `returned a non-finite value on resample ${resample}`,
      { argument: 'metric', value },
    );
  }
  return value;
}
