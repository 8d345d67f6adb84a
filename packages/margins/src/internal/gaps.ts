import { LslabError, type Matrix } from '@lslab/core';
import { checkLogitsAndLabels } from './checkLogits.js';

/**
 * @internal The N×(K−1) gaps z_y − z_c (c ≠ y, in class order) for `fn`, the
 * function the user called. A gap beyond the double range (logits near ±1e308
 * on both sides) throws E_RANGE naming its row and column, instead of ±∞.
 */
export function gapsFor(fn: string, logits: Matrix, labels: ArrayLike<number>): Matrix {
  checkLogitsAndLabels(fn, logits, labels);
  const { rows: n, cols: k, data } = logits;
  const out = new Float64Array(n * (k - 1));
  for (let i = 0; i < n; i++) {
    const y = labels[i];
    const zy = data[i * k + y];
    let o = i * (k - 1);
    for (let c = 0; c < k; c++) {
      if (c === y) continue;
      const g = zy - data[i * k + c];
      if (!Number.isFinite(g)) {
        throw new LslabError(
          'E_RANGE',
          fn,
          'has a gap beyond the double range; rescale the logits',
          {
            argument: 'logits',
            row: i,
            column: c,
          },
        );
      }
      out[o++] = g;
    }
  }
  return { rows: n, cols: k - 1, data: out };
}
