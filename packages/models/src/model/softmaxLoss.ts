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

/** @internal The scratch of a softmax model's loss for a batch of `rows` rows. */
export interface LossBuffers {
  /** Gathered mini-batch labels. */
  y: Int32Array;
  /** The batch's logits, rows×K. */
  logits: Matrix;
  /** The core loss options with `out`: the logit gradient is written here. */
  core: SoftmaxCrossEntropyOptions<'mean'>;
}

/** @internal {@link LossBuffers} for `rows` rows and K classes, over the model's core options. */
export function lossBuffers(
  rows: number,
  k: number,
  core: SoftmaxCrossEntropyOptions<'mean'>,
): LossBuffers {
  return {
    y: new Int32Array(rows),
    logits: { rows, cols: k, data: new Float64Array(rows * k) },
    core: { ...core, out: new Float64Array(rows * k) },
  };
}
