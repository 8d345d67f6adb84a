import { LslabError, type Matrix } from '@lslab/core';
import type { LossOptions } from '../model.js';

/** @internal A Matrix with consistent shape, at least one row, every entry finite. */
export function checkFeatures(fn: string, x: Matrix, name = 'x'): void {
  if (
    x === null ||
    typeof x !== 'object' ||
    !(x.data instanceof Float64Array || x.data instanceof Float32Array) ||
    !Number.isInteger(x.rows) ||
    !Number.isInteger(x.cols) ||
    x.data.length !== x.rows * x.cols
  ) {
    throw new LslabError('E_SHAPE', fn, 'is not a Matrix { rows, cols, data } of consistent size', {
      argument: name,
    });
  }
  if (x.rows === 0) throw new LslabError('E_EMPTY', fn, 'has no rows', { argument: name });
  const d = x.data;
  for (let i = 0; i < d.length; i++) {
    const v = d[i];
    if (!(v > -Infinity && v < Infinity)) {
      throw new LslabError('E_NOT_FINITE', fn, 'is not finite', {
        argument: name,
        row: Math.floor(i / x.cols),
        column: i % x.cols,
        value: v,
      });
    }
  }
}

/** @internal A given column count. */
export function checkColumns(
  fn: string,
  x: { readonly cols: number },
  cols: number,
  what: string,
  name = 'x',
): void {
  if (x.cols !== cols) {
    throw new LslabError('E_SHAPE', fn, `has ${x.cols} columns, expected ${cols} (${what})`, {
      argument: name,
    });
  }
}

/** @internal A given row count. */
export function checkRows(
  fn: string,
  x: { readonly rows: number },
  rows: number,
  what: string,
  name = 'x',
): void {
  if (x.rows !== rows) {
    throw new LslabError('E_SHAPE', fn, `has ${x.rows} rows, expected ${rows} (${what})`, {
      argument: name,
    });
  }
}

/** @internal One label per row, each an integer class index in [0, K). */
export function checkTargets(fn: string, y: ArrayLike<number>, n: number, k: number): void {
  if (y === null || typeof y !== 'object' || typeof y.length !== 'number') {
    throw new LslabError('E_SHAPE', fn, 'is not an array of class labels', { argument: 'y' });
  }
  if (y.length !== n) {
    throw new LslabError('E_SHAPE', fn, `has length ${y.length}, expected ${n} (one per row)`, {
      argument: 'y',
    });
  }
  for (let i = 0; i < n; i++) {
    const v = y[i];
    if (!Number.isInteger(v) || v < 0 || v >= k) {
      throw new LslabError('E_LABEL', fn, `is not a class index in [0, ${k})`, {
        argument: 'y',
        row: i,
        value: v,
      });
    }
  }
}

/** @internal A finite number > 0 (learning rates, tolerances). */
export function checkPositive(fn: string, name: string, v: number): void {
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw new LslabError('E_NOT_FINITE', fn, 'is not a finite number', {
      argument: name,
      value: v,
    });
  }
  if (!(v > 0)) throw new LslabError('E_RANGE', fn, 'must be > 0', { argument: name, value: v });
}

/** @internal A finite number ≥ 0 (L2 strengths). */
export function checkNonNegative(fn: string, name: string, v: number): void {
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw new LslabError('E_NOT_FINITE', fn, 'is not a finite number', {
      argument: name,
      value: v,
    });
  }
  if (!(v >= 0)) throw new LslabError('E_RANGE', fn, 'must be ≥ 0', { argument: name, value: v });
}

/** @internal A finite number in [lo, hi). */
export function checkHalfOpen(fn: string, name: string, v: number, lo: number, hi: number): void {
  if (typeof v !== 'number' || !(v >= lo && v < hi)) {
    throw new LslabError('E_RANGE', fn, `must lie in [${lo}, ${hi})`, { argument: name, value: v });
  }
}

/** @internal An integer ≥ min (widths, dimensions, counts). */
export function checkInteger(fn: string, name: string, v: number, min: number): void {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min) {
    throw new LslabError('E_RANGE', fn, `must be an integer ≥ ${min}`, {
      argument: name,
      value: v,
    });
  }
}

/** @internal Rejects loss options that the model's loss does not take (E_OPTION). */
export function checkLossOptions(fn: string, loss: LossOptions, binary: boolean): void {
  const foreign = binary ? (['weight', 'weightMode'] as const) : (['posWeight'] as const);
  for (const key of foreign) {
    if (loss[key] !== undefined) {
      throw new LslabError(
        'E_OPTION',
        fn,
        binary
          ? 'applies to multiclass models; use posWeight for logistic regression'
          : 'applies to logistic regression only',
        { argument: `options.loss.${key}`, value: loss[key] },
      );
    }
  }
}
