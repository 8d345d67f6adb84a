import { matrix, optimalLogitGap, type SmoothingConvention } from '@lslab/core';
import { freeLogits, type Model, unconstrainedFeatures } from '@lslab/models';
import { logitGaps } from '../../logitGaps.js';
import { descend } from '../internal/descend.js';

/** Samples of the optimum experiments: labels 0, 1, 2 (K ≥ 3) or 0, 1, 0 (K = 2). */
export function labelsFor(k: number): number[] {
  return k >= 3 ? [0, 1, 2] : [0, 1, 0];
}

/** The measured gap farthest from ln(q_y/q_k), over every sample and wrong class. */
export function worstGap(model: Model, y: number[], expected: number): number {
  const g = logitGaps(model.forward(matrix(y.length, 0)), y).data;
  let worst = g[0];
  for (const v of g) if (Math.abs(v - expected) > Math.abs(worst - expected)) worst = v;
  return worst;
}

/**
 * Free logits, one vector per sample, from z = 0 by gradient descent (step 2 per
 * sample). Stops at max |∇| ≤ max(1e-14, 4Kε): the softmax of K terms carries a
 * rounding of about Kε, below which the gradient cannot be resolved.
 */
export function freeLogitOptimum(alpha: number, k: number, convention: SmoothingConvention) {
  const y = labelsFor(k);
  const m = freeLogits({
    numSamples: y.length,
    numClasses: k,
    loss: { labelSmoothing: alpha, convention },
  });
  const r = descend(m, y, 2 * y.length, Math.max(1e-14, 4 * k * Number.EPSILON), 20_000);
  const expected = optimalLogitGap(alpha, k, { convention });
  return { measured: worstGap(m, y, expected), expected, steps: r.steps };
}

/**
 * The unconstrained-features model (features H seeded, classifier W = 0, bias
 * b = 0, no penalty; p = 4 features suffice for 3 samples), by gradient descent
 * (step 1 per sample) to max |∇| ≤ 1e-14.
 */
export function unconstrainedOptimum(
  alpha: number,
  k: number,
  convention: SmoothingConvention,
  seed: number,
) {
  const y = labelsFor(k);
  const m = unconstrainedFeatures({
    numSamples: y.length,
    featureDim: 4,
    numClasses: k,
    loss: { labelSmoothing: alpha, convention },
    seed,
  });
  // a zero classifier keeps the classes that no sample carries interchangeable (they move
  // together), so the descent does not have to resolve K − 3 separate slow directions
  m.tensors.W.fill(0);
  const r = descend(m, y, y.length, 1e-14, 20_000);
  const expected = optimalLogitGap(alpha, k, { convention });
  return { measured: worstGap(m, y, expected), expected, steps: r.steps, gradient: r.gradient };
}
