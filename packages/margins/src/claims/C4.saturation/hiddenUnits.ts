import type { Rng } from '@lslab/core';
import { type Activation, gaussianMixture, gradientDescent, mlp, train } from '@lslab/models';

/** Hidden width of the measured MLP. */
export const HIDDEN = 32;
/** Input dimension and rows per class of the Gaussian mixture it is trained on. */
export const DIM = 8;
export const PER_CLASS = 100;
/** Step of full-batch gradient descent. */
export const MLP_LR = 0.5;

/**
 * Trains a d-32-K MLP (tanh or sigmoid hidden units, softmax output) on a seeded
 * Gaussian mixture (K classes, d = 8, 100 rows per class, separation 3) by full-batch
 * gradient descent, and returns the saturated fraction of (sample, hidden unit) pairs
 * at log-spaced steps, as `mlp`'s `saturation` defines it: |tanh| > 0.99 or
 * σ ∉ [0.01, 0.99].
 */
export function saturationCurve(
  rng: Rng,
  k: number,
  activation: Activation,
  alpha: number,
  steps: number,
): { step: number; saturation: number }[] {
  const ds = gaussianMixture(rng.derive('data'), { numClasses: k, dim: DIM, nPerClass: PER_CLASS });
  const net = mlp({
    inputDim: DIM,
    hidden: [HIDDEN],
    numClasses: k,
    activation,
    loss: { labelSmoothing: alpha },
    rng: rng.derive('init'),
  });
  const r = train(net, ds, {
    optimizer: gradientDescent({ learningRate: MLP_LR }),
    steps,
    log: { perDecade: 4 },
  });
  return r.records
    .filter((x) => x.metric === 'saturation')
    .map((x) => ({ step: x.step, saturation: x.value }));
}
