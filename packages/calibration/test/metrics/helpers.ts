import { type Matrix, matrix } from '@lslab/core';
import { createRng } from '@lslab/models';

/** Seeded N×K probability rows: exp(scale·z) normalised, z standard normal. */
export function randomProbs(seed: number, n: number, k: number, scale = 2): Matrix {
  const rng = createRng(seed);
  const data = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let c = 0; c < k; c++) {
      const e = Math.exp(scale * rng.normal());
      data[i * k + c] = e;
      s += e;
    }
    for (let c = 0; c < k; c++) data[i * k + c] /= s;
  }
  return matrix(n, k, data);
}

/** Labels drawn from each row's own distribution (calibrated by construction). */
export function sampleLabels(seed: number, p: Matrix): Int32Array {
  const rng = createRng(seed);
  const y = new Int32Array(p.rows);
  for (let i = 0; i < p.rows; i++)
    y[i] = rng.categorical(p.data.subarray(i * p.cols, (i + 1) * p.cols));
  return y;
}

/** Top label of each row, computed independently: argmax with ties to the lowest index. */
export function topLabel(p: Matrix, y: ArrayLike<number>): { conf: number[]; correct: number[] } {
  const conf: number[] = [];
  const correct: number[] = [];
  for (let i = 0; i < p.rows; i++) {
    const row = Array.from(p.data.subarray(i * p.cols, (i + 1) * p.cols));
    const m = Math.max(...row);
    const j = row.indexOf(m);
    conf.push(m);
    correct.push(j === y[i] ? 1 : 0);
  }
  return { conf, correct };
}
