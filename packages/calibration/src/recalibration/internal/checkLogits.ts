import { LslabError, type Matrix } from '@lslab/core';
import { checkFiniteMatrix, checkMatrix, checkNonEmpty } from '@lslab/core/validate';

/**
 * @internal Checks an N×K logit Matrix (N ≥ 1, K ≥ 2, finite entries, with
 * core's validators). Returns each row's maximum and minimum.
 */
export function checkLogits(
  fn: string,
  logits: Matrix,
): { rowMax: Float64Array; rowMin: Float64Array } {
  checkMatrix(fn, 'logits', logits);
  checkNonEmpty(fn, 'logits', logits.rows);
  const { rows, cols, data } = logits;
  if (cols < 2) {
    throw new LslabError('E_SHAPE', fn, `has ${cols} column(s); need K ≥ 2 classes`, {
      argument: 'logits',
    });
  }
  checkFiniteMatrix(fn, 'logits', logits);
  const rowMax = new Float64Array(rows).fill(-Infinity);
  const rowMin = new Float64Array(rows).fill(Infinity);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const v = data[i * cols + j];
      if (v > rowMax[i]) rowMax[i] = v;
      if (v < rowMin[i]) rowMin[i] = v;
    }
  }
  return { rowMax, rowMin };
}
