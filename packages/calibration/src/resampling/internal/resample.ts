import type { Matrix, Rng } from '@lslab/core';
import { isMatrix } from '../../internal/probabilities.js';

/**
 * @internal Fills `out` with row indices drawn uniformly with replacement
 * from [0, n) by `rng.int(n)`.
 */
export function drawIndices(rng: Rng, n: number, out: Uint32Array): void {
  for (let i = 0; i < out.length; i++) out[i] = rng.int(n);
}

/**
 * @internal A reusable buffer holding a resample of `probs` (same kind: Matrix
 * of the same dtype, or a Float64Array for a vector) and of `labels`.
 */
export interface Gatherer {
  probs: Matrix | Float64Array;
  labels: Float64Array;
  gather(indices: Uint32Array): void;
}

/** @internal Builds a {@link Gatherer} for `probs` (Matrix or vector) and `labels`. */
export function gatherer(probs: Matrix | ArrayLike<number>, labels: ArrayLike<number>): Gatherer {
  const n = labels.length;
  const outLabels = new Float64Array(n);
  const matrix = isMatrix(probs);
  const cols = matrix ? probs.cols : 1;
  const src = matrix ? probs.data : probs;
  const out =
    matrix && probs.data instanceof Float32Array
      ? new Float32Array(n * cols)
      : new Float64Array(n * cols);
  return {
    probs: matrix ? { rows: n, cols, data: out } : (out as Float64Array),
    labels: outLabels,
    gather(idx) {
      for (let i = 0; i < n; i++) {
        const r = idx[i];
        outLabels[i] = labels[r];
        for (let j = 0; j < cols; j++) out[i * cols + j] = src[r * cols + j];
      }
    },
  };
}
