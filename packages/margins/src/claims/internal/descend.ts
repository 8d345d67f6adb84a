import { matrix } from '@lslab/core';
import { gradientDescent, type Model } from '@lslab/models';

/**
 * @internal Full-batch gradient descent (`gradientDescent` of `@lslab/models`)
 * on a sample-indexed model until max |∇| ≤ `tol` or `maxSteps` steps.
 * Returns the steps taken and the final max |∇|.
 */
export function descend(
  model: Model,
  y: ArrayLike<number>,
  lr: number,
  tol: number,
  maxSteps: number,
): { steps: number; gradient: number } {
  const x = matrix(y.length, 0);
  const opt = gradientDescent({ learningRate: lr });
  opt.reset(model.params.length);
  let g = Infinity;
  let t = 0;
  for (; t <= maxSteps; t++) {
    model.lossAndGradient(x, y);
    g = 0;
    for (const v of model.grad) g = Math.max(g, Math.abs(v));
    if (g <= tol || t === maxSteps) break;
    opt.step(model.params, model.grad);
  }
  return { steps: t, gradient: g };
}
