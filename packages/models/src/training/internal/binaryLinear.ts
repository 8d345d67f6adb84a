import { isCsr } from '../../model/features.js';
import type { Features } from '../model.js';

/** @internal z_r = b + x_{row}·w for the rows (all, or those listed) of a dense or sparse matrix. */
export function linear(
  x: Features,
  w: Float64Array,
  b: number,
  rows: ArrayLike<number> | undefined,
  z: Float64Array,
): void {
  const n = rows === undefined ? x.rows : rows.length;
  if (isCsr(x)) {
    const { indptr, indices, values } = x;
    for (let r = 0; r < n; r++) {
      const i = rows === undefined ? r : rows[r];
      let s = b;
      for (let p = indptr[i]; p < indptr[i + 1]; p++) s += values[p] * w[indices[p]];
      z[r] = s;
    }
    return;
  }
  const d = x.cols;
  const data = x.data;
  for (let r = 0; r < n; r++) {
    const o = (rows === undefined ? r : rows[r]) * d;
    let s = b;
    for (let j = 0; j < d; j++) s += data[o + j] * w[j];
    z[r] = s;
  }
}

/** @internal gw += Σ_r g_r·x_{row}, over the same rows. */
export function backward(
  x: Features,
  g: Float64Array,
  rows: ArrayLike<number> | undefined,
  gw: Float64Array,
): void {
  const n = rows === undefined ? x.rows : rows.length;
  if (isCsr(x)) {
    const { indptr, indices, values } = x;
    for (let r = 0; r < n; r++) {
      const i = rows === undefined ? r : rows[r];
      const gr = g[r];
      for (let p = indptr[i]; p < indptr[i + 1]; p++) gw[indices[p]] += gr * values[p];
    }
    return;
  }
  const d = x.cols;
  const data = x.data;
  for (let r = 0; r < n; r++) {
    const o = (rows === undefined ? r : rows[r]) * d;
    const gr = g[r];
    for (let j = 0; j < d; j++) gw[j] += gr * data[o + j];
  }
}
