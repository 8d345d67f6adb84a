import {
  type CrossEntropyResult,
  type Matrix,
  type SoftmaxCrossEntropyOptions,
  softmaxCrossEntropy,
} from '@lslab/core';
import { checkLabels } from '@lslab/core/validate';

/**
 * @internal Mean softmax cross-entropy from `@lslab/core` and its gradient
 * with respect to the logits (core's own result object; the N×K gradient is
 * written to `options.out` when given). The labels are checked first under
 * `fn`, the model method the user called, and the name `y`.
 */
export function softmaxLoss(
  fn: string,
  logits: Matrix,
  y: ArrayLike<number>,
  options: SoftmaxCrossEntropyOptions<'mean'>,
): CrossEntropyResult<'mean'> {
  checkLabels(fn, 'y', y, logits.rows, logits.cols);
  return softmaxCrossEntropy(logits, y, options);
}
