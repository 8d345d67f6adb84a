import type { Matrix } from '@lslab/core';
import { checkLogitsAndLabels } from './internal/checkLogits.js';

/**
 * The logit gaps of every sample: z_y − z_k for each wrong class k ≠ y, in
 * class order (k = 0 … K − 1 skipping y). A gap is positive when the true
 * class beats class k; at the label-smoothing optimum over free logits every
 * gap equals ln(q_y/q_k) (see `optimalLogitGap` of `@lslab/core`). Gaps do
 * not change when a constant is added to a row of logits.
 *
 * @param logits - N×K logits (N ≥ 1, K ≥ 2, finite), Float64 or Float32
 * @param labels - N class indices in [0, K)
 * @returns N×(K − 1) Float64 matrix; row i holds z_{i,y_i} − z_{i,k} for k ≠ y_i
 * @throws LslabError `E_SHAPE` (not a matrix, K < 2, label count ≠ N),
 *   `E_EMPTY` (no rows), `E_NOT_FINITE`, `E_LABEL` (a label outside [0, K))
 * @see [C6.optimal-margin.md](../../../docs/theory/C6.optimal-margin.md): the optimal gap ln(q_y/q_k) these gaps approach
 * @example
 * logitGaps(fromRows([[2, 0, -1], [0, 3, 1]]), [0, 1]).data;
 * // Float64Array [2, 3, 3, 2]: row 0 (z₀ − z₁, z₀ − z₂), row 1 (z₁ − z₀, z₁ − z₂)
 */
export function logitGaps(logits: Matrix, labels: ArrayLike<number>): Matrix {
  checkLogitsAndLabels('logitGaps', logits, labels);
  const { rows: n, cols: k, data } = logits;
  const out = new Float64Array(n * (k - 1));
  for (let i = 0; i < n; i++) {
    const y = labels[i];
    const zy = data[i * k + y];
    let o = i * (k - 1);
    for (let c = 0; c < k; c++) if (c !== y) out[o++] = zy - data[i * k + c];
  }
  return { rows: n, cols: k - 1, data: out };
}
