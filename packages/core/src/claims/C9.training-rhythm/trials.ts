import type { Rng } from '../../random/rng.js';
import { softmax } from '../../softmax.js';
import { randomVector } from '../randomInputs.js';
import { maxAbsDiff, norm } from '../vectors.js';
import { Worst } from '../worst.js';
import { grad } from './rhythm.js';

const Y = 0;
/** @internal Random logits lie in [−SPREAD, SPREAD]. */
export const SPREAD = 5;

/**
 * @internal Over `trials` random logit vectors, the largest distance of
 * ∇_LS − ∇_CE from α(e_y − u) (`others`: α(e_y − v)) and of ‖∇_LS‖² − ‖∇_CE‖²
 * from its closed form, with p from `softmax`.
 */
export function measure(
  K: number,
  alpha: number,
  trials: number,
  rng: Rng,
  eMinusU: Float64Array,
  eMinusV: Float64Array,
) {
  const w = {
    shift: new Worst(),
    identity: new Worst(),
    shiftO: new Worst(),
    identityO: new Worst(),
  };
  const r = K / (K - 1);
  for (let t = 0; t < trials; t++) {
    const z = randomVector(rng, K, -SPREAD, SPREAD);
    const ce = grad(z, 0, 'uniform');
    const ls = grad(z, alpha, 'uniform');
    const lo = grad(z, alpha, 'others');
    const p = softmax(z);
    w.shift.add(
      maxAbsDiff(
        ls.map((v, i) => v - ce[i]),
        eMinusU,
      ),
    );
    w.shiftO.add(
      maxAbsDiff(
        lo.map((v, i) => v - ce[i]),
        eMinusV,
      ),
    );
    const predicted = -2 * alpha * (1 - p[Y]) + (alpha * alpha * (K - 1)) / K;
    w.identity.add(Math.abs(norm(ls) ** 2 - norm(ce) ** 2 - predicted));
    // others: the same with v (uniform on the wrong classes) and the factor K/(K − 1)
    const predictedO = -2 * alpha * (1 - p[Y]) * r + alpha * alpha * r;
    w.identityO.add(Math.abs(norm(lo) ** 2 - norm(ce) ** 2 - predictedO));
  }
  return w;
}
