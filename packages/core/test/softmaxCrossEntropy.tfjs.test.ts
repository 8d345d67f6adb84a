/**
 * Differential test against TF.js: `tf.losses.softmaxCrossEntropy(onehot,
 * logits, undefined, α)` smooths as onehot·(1−α) + α/K (our 'uniform') and its
 * default reduction SUM_BY_NONZERO_WEIGHTS is, without weights, the mean over
 * rows — our `reduction: 'mean'`. Its gradient comes from `tf.grad`.
 *
 * TF.js computes in float32. We feed both sides the same float32 logits (ours
 * reads them exactly and computes in float64), so the difference is TF.js's
 * own rounding: each float32 operation is off by at most u = 2^-24 relative.
 * log-softmax of a row subtracts the max (error ≤ u·|z|), exponentiates and
 * sums K terms (≤ K·u relative) and takes a log; the mean adds N more
 * roundings. We allow 4·u·(max|z| + K + N) on the loss and
 * 4·u·(1 + max|z| + K)/N on each gradient entry (whose size is ≤ 1/N); on these
 * seeds the largest difference seen is 15% of that bound, and a semantic
 * difference (the other convention's α, a missing 1/N) is a hundred times it.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng, matrix, softmaxCrossEntropy } from '../src/index.ts';
import { randomLabels, randomLogits } from './helpers/index.ts';

const U = 2 ** -24;

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function oneHot(labels: number[], k: number): Float32Array {
  const out = new Float32Array(labels.length * k);
  labels.forEach((y, i) => {
    out[i * k + y] = 1;
  });
  return out;
}

describe('softmaxCrossEntropy(logits, labels, { labelSmoothing: α }) vs tf.losses.softmaxCrossEntropy', () => {
  const cases: [number, number, number, number, number][] = [];
  let seed = 300;
  for (const [n, k] of [
    [8, 2],
    [16, 5],
    [32, 10],
    [5, 100],
  ])
    for (const alpha of [0, 0.1, 0.3, 1])
      for (const scale of [1, 8]) cases.push([n, k, alpha, scale, seed++]);

  it.each(cases)('N=%i K=%i α=%s scale=%s seed=%i', (n, k, alpha, scale, s) => {
    const rng = createRng(s);
    const z32 = Float32Array.from(randomLogits(rng, n, k, scale).data);
    const labels = randomLabels(rng, n, k);
    const ours = softmaxCrossEntropy(matrix(n, k, z32), labels, { labelSmoothing: alpha });

    const { tfLoss, tfGrad } = tf.tidy(() => {
      const logits = tf.tensor2d(z32, [n, k]);
      const target = tf.tensor2d(oneHot(labels, k), [n, k]);
      const loss = (x: tf.Tensor) =>
        tf.losses.softmaxCrossEntropy(target, x as tf.Tensor2D, undefined, alpha);
      return {
        tfLoss: loss(logits).dataSync()[0],
        tfGrad: tf.grad(loss)(logits).dataSync().slice(),
      };
    });

    let maxAbs = 0;
    for (const v of z32) maxAbs = Math.max(maxAbs, Math.abs(v));
    const lossTol = 4 * U * (maxAbs + k + n);
    const gradTol = (4 * U * (1 + maxAbs + k)) / n;
    expect(Math.abs(ours.loss - tfLoss)).toBeLessThanOrEqual(lossTol);
    let worst = 0;
    for (let j = 0; j < n * k; j++)
      worst = Math.max(worst, Math.abs(ours.grad.data[j] - tfGrad[j]));
    expect(worst).toBeLessThanOrEqual(gradTol);
  });

  it('a wrong α (α·(K−1)/K, the other convention) is far outside that tolerance', () => {
    // guards against the tolerance being loose enough to hide a convention mix-up
    const rng = createRng(399);
    const n = 16;
    const k = 10;
    const z32 = Float32Array.from(randomLogits(rng, n, k, 3).data);
    const labels = randomLabels(rng, n, k);
    const tfLoss = tf.tidy(
      () =>
        tf.losses
          .softmaxCrossEntropy(
            tf.tensor2d(oneHot(labels, k), [n, k]),
            tf.tensor2d(z32, [n, k]),
            undefined,
            0.1,
          )
          .dataSync()[0],
    );
    const others = softmaxCrossEntropy(matrix(n, k, z32), labels, {
      labelSmoothing: 0.1,
      convention: 'others',
    });
    let maxAbs = 0;
    for (const v of z32) maxAbs = Math.max(maxAbs, Math.abs(v));
    expect(Math.abs(others.loss - tfLoss)).toBeGreaterThan(100 * 4 * U * (maxAbs + k + n));
  });
});
