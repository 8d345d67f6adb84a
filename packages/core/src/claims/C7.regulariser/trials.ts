import { confidencePenalty } from '../../confidencePenalty.js';
import type { Matrix } from '../../matrix.js';
import type { Rng } from '../../random/rng.js';
import { smoothingDecomposition } from '../../smoothingDecomposition.js';
import { softmaxCrossEntropy } from '../../softmaxCrossEntropy.js';
import { randomDirection, randomVector } from '../randomInputs.js';
import { Worst } from '../worst.js';
import { klPUFromPenalty } from './paths.js';
import { penaltyAlong, rowTerms as terms } from './rowTerms.js';

const Y = 0;
/** @internal Random logits lie in [−SPREAD, SPREAD]: log-probabilities within 2·SPREAD + ln K. */
export const SPREAD = 6;

function smoothed(m: Matrix, alpha: number, convention: 'uniform' | 'others'): number {
  return softmaxCrossEntropy(m, [Y], { labelSmoothing: alpha, convention, reduction: 'sum' }).loss;
}

/**
 * @internal The largest discrepancies over `trials` random logit vectors, each
 * between two independent computations (see the claim's test for which).
 */
export function measure(K: number, alpha: number, beta: number, trials: number, rng: Rng) {
  const lnK = Math.log(K);
  const w = {
    decU: new Worst(),
    decO: new Worst(),
    shiftU: new Worst(),
    shiftO: new Worst(),
    decTotal: new Worst(),
    decTerms: new Worst(),
    entropyU: new Worst(),
    entropyO: new Worst(),
    penalty: new Worst(),
    penaltyGrad: new Worst(),
    klPU: new Worst(),
  };
  for (let t = 0; t < trials; t++) {
    const z = randomVector(rng, K, -SPREAD, SPREAD);
    const m: Matrix = { rows: 1, cols: K, data: z };
    const s = terms(z);
    const lsU = smoothed(m, alpha, 'uniform');
    const lsO = smoothed(m, alpha, 'others');
    // the fused kernel against (1 − α)·CE + α·[KL + H(reference)] from log-softmax
    w.decU.add(Math.abs(lsU - ((1 - alpha) * s.ce + alpha * (s.klUP + lnK))));
    w.decO.add(Math.abs(lsO - ((1 - alpha) * s.ce + alpha * (s.klVP + Math.log(K - 1)))));
    w.shiftU.add(Math.abs(lsU - s.ce - alpha * (z[Y] - s.meanZ)));
    w.shiftO.add(Math.abs(lsO - s.ce - alpha * (z[Y] - s.meanWrongZ)));
    // the exported decomposition against the kernel and the log-softmax terms
    const dU = smoothingDecomposition(m, [Y], alpha).mean;
    const dO = smoothingDecomposition(m, [Y], alpha, { convention: 'others' }).mean;
    w.decTotal.add(Math.max(Math.abs(dU.total - lsU), Math.abs(dO.total - lsO)));
    w.decTerms.add(
      Math.max(
        Math.abs(dU.crossEntropy - s.ce),
        Math.abs(dU.klFromUniform - s.klUP),
        Math.abs(dO.klFromUniform - s.klVP),
      ),
    );
    w.entropyU.add(dU.entropyOfUniform);
    w.entropyO.add(dO.entropyOfUniform);
    // the exported confidence penalty: its loss against log-softmax terms, its
    // derivative along a random direction against central differences
    const cp = confidencePenalty(m, [Y], beta, { reduction: 'sum' });
    w.penalty.add(Math.abs(cp.loss - (s.ce + beta * s.klPU - beta * lnK)));
    const d = randomDirection(rng, K);
    let along = 0;
    for (let i = 0; i < K; i++) along += cp.grad.data[i] * d[i];
    w.penaltyGrad.add(Math.abs(penaltyAlong(z, d, beta) - along));
    w.klPU.add(klPUFromPenalty(m));
  }
  return w;
}
