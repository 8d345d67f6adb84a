import { confidencePenalty } from '../../confidencePenalty.js';
import { logSoftmax } from '../../logSoftmax.js';
import { softmax } from '../../softmax.js';

const Y = 0;
const H = 1e-5; // central-difference step: error ≈ h² + EPS/h ≈ 1e-10

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

/** @internal Central differences of the confidence penalty's loss (one row, class 0). */
export function penaltyByDifferences(z: Float64Array, beta: number): Float64Array {
  const k = z.length;
  const w = Float64Array.from(z);
  const m = { rows: 1, cols: k, data: w };
  const loss = () => confidencePenalty(m, [Y], beta, { reduction: 'sum' }).loss;
  const g = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    w[j] = z[j] + H;
    const up = loss();
    w[j] = z[j] - H;
    const down = loss();
    w[j] = z[j];
    g[j] = (up - down) / (2 * H);
  }
  return g;
}
