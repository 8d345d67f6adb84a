import type { Matrix } from '@lslab/core';
import type { CsrMatrix, Standardization } from '../dataset.js';

/** @internal The rows `idx` of a dense matrix, as a new Float64 matrix. */
export function takeRows(x: Matrix, idx: Int32Array): Matrix {
  const d = x.cols;
  const out = new Float64Array(idx.length * d);
  for (let r = 0; r < idx.length; r++) {
    const s = idx[r] * d;
    for (let j = 0; j < d; j++) out[r * d + j] = x.data[s + j];
  }
  return { rows: idx.length, cols: d, data: out };
}

/** @internal The rows `idx` of a CSR matrix, as a new CSR matrix. */
export function takeCsrRows(x: CsrMatrix, idx: Int32Array): CsrMatrix {
  let nnz = 0;
  for (let r = 0; r < idx.length; r++) nnz += x.indptr[idx[r] + 1] - x.indptr[idx[r]];
  const indptr = new Int32Array(idx.length + 1);
  const indices = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  let p = 0;
  for (let r = 0; r < idx.length; r++) {
    for (let q = x.indptr[idx[r]]; q < x.indptr[idx[r] + 1]; q++) {
      indices[p] = x.indices[q];
      values[p] = x.values[q];
      p++;
    }
    indptr[r + 1] = p;
  }
  return { rows: idx.length, cols: x.cols, indptr, indices, values };
}

/**
 * @internal Column scaling of a CSR matrix that keeps it sparse: mean 0 (no
 * centring) and std_j the population standard deviation of column j over all
 * rows (zeros included), 1 where it is 0.
 */
export function fitCsrScaling(x: CsrMatrix): Standardization {
  const d = x.cols;
  const n = x.rows;
  const s1 = new Float64Array(d);
  const s2 = new Float64Array(d);
  for (let q = 0; q < x.indptr[n]; q++) {
    s1[x.indices[q]] += x.values[q];
    s2[x.indices[q]] += x.values[q] * x.values[q];
  }
  const std = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    const m = s1[j] / n;
    const v = Math.max(0, s2[j] / n - m * m);
    std[j] = v > 0 ? Math.sqrt(v) : 1;
  }
  return { mean: new Float64Array(d), std };
}

/** @internal Divides every stored value by the std of its column (mean ignored: it is 0). */
export function applyCsrScaling(x: CsrMatrix, s: Standardization): CsrMatrix {
  const values = new Float64Array(x.values.length);
  for (let q = 0; q < values.length; q++) values[q] = x.values[q] / s.std[x.indices[q]];
  return { ...x, values };
}

/** @internal Counts of each class among `y[idx]`. */
export function classCounts(y: Int32Array, idx: Int32Array, k: number): number[] {
  const c = new Array<number>(k).fill(0);
  for (let r = 0; r < idx.length; r++) c[y[idx[r]]]++;
  return c;
}
