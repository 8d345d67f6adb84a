import type { Matrix } from '@lslab/core';
import { LslabError } from '@lslab/core';
import { checkFiniteMatrix, checkLabels, checkMatrix, checkNonEmpty } from '@lslab/core/validate';

/** @internal Validates N×K logits (K ≥ 2, finite, N ≥ 1) and N labels in [0, K). */
export function checkLogitsAndLabels(fn: string, logits: Matrix, labels: ArrayLike<number>): void {
  checkMatrix(fn, 'logits', logits);
  checkNonEmpty(fn, 'logits', logits.rows);
  checkFiniteMatrix(fn, 'logits', logits);
  if (logits.cols < 2) {
    throw new LslabError('E_SHAPE', fn, `has ${logits.cols} column(s); a gap needs K ≥ 2 classes`, {
      argument: 'logits',
    });
  }
  checkLabels(fn, 'labels', labels, logits.rows, logits.cols);
}
