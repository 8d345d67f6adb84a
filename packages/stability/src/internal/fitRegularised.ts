import type { Matrix, SmoothingConvention } from '@lslab/core';
import { logisticRegression, type Model, newton, softmaxRegression } from '@lslab/models';

/** Newton stops at ‖∇F‖₂ ≤ this; by λ-strong convexity ‖W − W*‖ ≤ ‖∇F‖/λ. */
export const GRADIENT_TOLERANCE = 1e-12;

/** @internal The problem both fits of a label flip share. */
export interface RegularisedProblem {
  x: Matrix;
  numClasses: number;
  alpha: number;
  lambda: number;
  convention: SmoothingConvention;
}

/**
 * @internal Minimises (1/n)Σℓ + (λ/2)‖W‖² without bias (logistic regression
 * for K = 2, softmax regression otherwise) by Newton from `start` (or zero),
 * and returns the model and the final gradient norm.
 */
export function fitRegularised(
  p: RegularisedProblem,
  y: ArrayLike<number>,
  start?: Float64Array,
): { model: Model; gradientNorm: number } {
  const loss = { labelSmoothing: p.alpha, convention: p.convention };
  const d = p.x.cols;
  const model =
    p.numClasses === 2
      ? logisticRegression({ inputDim: d, l2: p.lambda, bias: false, loss })
      : softmaxRegression({
          inputDim: d,
          numClasses: p.numClasses,
          l2: p.lambda,
          bias: false,
          loss,
        });
  if (start !== undefined) model.params.set(start);
  const r = newton(model, p.x, y, { tolerance: GRADIENT_TOLERANCE, maxIterations: 200 });
  return { model, gradientNorm: r.gradientNorm };
}

/** @internal ‖a − b‖₂ of two parameter vectors of the same length. */
export function distance(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let j = 0; j < a.length; j++) s += (a[j] - b[j]) ** 2;
  return Math.sqrt(s);
}

/** @internal max |a − b| over two equally long arrays. */
export function maxAbsChange(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let j = 0; j < a.length; j++) m = Math.max(m, Math.abs(a[j] - b[j]));
  return m;
}
