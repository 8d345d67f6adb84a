import { confidencePenalty } from '../../confidencePenalty.js';
import { logSoftmax } from '../../logSoftmax.js';
import { softmax } from '../../softmax.js';
import { directionalDifference } from '../differences.js';

const Y = 0;

/**
 * @internal The terms of one row with true class 0, from log-softmax
 * (independent of the fused kernel).
 */
export function rowTerms(z: Float64Array) {
  const K = z.length;
  const lp = logSoftmax(z) as Float64Array;
  const p = softmax(z) as Float64Array;
  let sumLog = 0;
  let sumZ = 0;
  let negEntropy = 0;
  for (let k = 0; k < K; k++) {
    sumLog += lp[k];
    sumZ += z[k];
    negEntropy += p[k] > 0 ? p[k] * lp[k] : 0;
  }
  return {
    ce: -lp[Y],
    klUP: -Math.log(K) - sumLog / K, // KL(u‖p)
    klVP: -Math.log(K - 1) - (sumLog - lp[Y]) / (K - 1), // KL(v‖p), v uniform on k ≠ y
    klPU: Math.log(K) + negEntropy, // KL(p‖u) = ln K − H(p)
    entropy: -negEntropy,
    meanZ: sumZ / K,
    meanWrongZ: (sumZ - z[Y]) / (K - 1),
  };
}

/**
 * @internal The derivative of the confidence penalty's loss (one row, class 0)
 * along d, by central differences.
 */
export function penaltyAlong(z: Float64Array, d: Float64Array, beta: number): number {
  const loss = (w: Float64Array) =>
    confidencePenalty({ rows: 1, cols: w.length, data: w }, [Y], beta, { reduction: 'sum' }).loss;
  return directionalDifference(loss, z, d);
}
