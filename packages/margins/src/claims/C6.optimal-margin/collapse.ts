import { matrix } from '@lslab/core';
import { unconstrainedFeatures } from '@lslab/models';
import { marginSummary } from '../../marginSummary.js';
import { descend } from '../internal/descend.js';

/** λ_H = λ_W of the weight-decay run. */
export const DECAY = 5e-3;

/**
 * Hard labels with weight decay on the unconstrained-features model: two
 * samples per class, p = K features, no bias, (λ/2)(mean‖h‖² + ‖W‖²) with
 * λ = 5e-3, gradient descent (step 1) to max |∇| ≤ 1e-12. Returns the largest
 * standard deviation of the gaps across wrong classes and the mean gap.
 */
export function collapse(k: number, seed: number) {
  const n = 2 * k;
  const y = Array.from({ length: n }, (_, i) => i % k);
  const m = unconstrainedFeatures({
    numSamples: n,
    featureDim: k,
    numClasses: k,
    l2Features: DECAY,
    l2Weights: DECAY,
    bias: false,
    seed,
  });
  const r = descend(m, y, 1, 1e-12, 200_000);
  const s = marginSummary(m.forward(matrix(n, 0)), y);
  let spread = 0;
  let gap = 0;
  for (let i = 0; i < n; i++) {
    spread = Math.max(spread, Math.sqrt(s.variance[i]));
    gap += s.mean[i] / n;
  }
  return { spread, gap, steps: r.steps, gradient: r.gradient };
}
