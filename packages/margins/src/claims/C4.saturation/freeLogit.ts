import { fromRows, type SmoothingConvention, sigmoid } from '@lslab/core';
import { gradientDescent, logisticRegression } from '@lslab/models';

const ONE = fromRows([[1]]);

/**
 * One free binary logit z (logistic regression on the single input x = 1, no bias, so
 * z = w and the mean-loss gradient is exactly σ(z) − t), trained by gradient descent
 * with step η on label 1 for `steps` steps. Returns z_T and σ′(z_T) = σ(1 − σ).
 */
export function freeBinaryLogit(
  alpha: number,
  convention: SmoothingConvention,
  lr: number,
  steps: number,
): { z: number; slope: number } {
  const m = logisticRegression({
    inputDim: 1,
    bias: false,
    loss: { labelSmoothing: alpha, convention },
  });
  const opt = gradientDescent({ learningRate: lr });
  opt.reset(1);
  for (let t = 0; t < steps; t++) {
    m.lossAndGradient(ONE, [1]);
    opt.step(m.params, m.grad);
  }
  const z = m.params[0];
  const s = sigmoid(z);
  return { z, slope: s * (1 - s) };
}
