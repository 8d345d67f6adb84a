import { LslabError } from '@lslab/core';
import type { Features, Model } from '../model.js';

/** @internal Share of rows whose arg-max logit (lowest index on ties) equals the label. */
export function accuracy(model: Model, x: Features, y: ArrayLike<number>): number {
  const z = model.forward(x);
  const { rows: n, cols: k, data } = z;
  let hits = 0;
  for (let i = 0; i < n; i++) {
    let best = 0;
    if (k === 1) best = data[i] > 0 ? 1 : 0;
    else {
      let m = data[i * k];
      for (let c = 1; c < k; c++) {
        if (data[i * k + c] > m) {
          m = data[i * k + c];
          best = c;
        }
      }
    }
    if (best === y[i]) hits++;
  }
  return hits / n;
}

/** @internal ‖v‖₂. */
export function l2norm(v: Float64Array): number {
  let s = 0;
  for (let j = 0; j < v.length; j++) s += v[j] * v[j];
  return Math.sqrt(s);
}

/** @internal Throws E_NOT_FINITE for a metric value that is not a finite number. */
export function checkMetric(fn: string, metric: string, step: number, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new LslabError('E_NOT_FINITE', fn, `metric '${metric}' at step ${step} is not finite`, {
      argument: metric,
      row: step,
      value,
    });
  }
  return value;
}
