import type { Claim } from '../claim.js';
import { c1SmoothedTargets } from './C1.smoothed-targets/index.js';
import { c2Gradient } from './C2.gradient/index.js';
import { c3FiniteOptimum } from './C3.finite-optimum/index.js';
import { c7Regulariser } from './C7.regulariser/index.js';
import { c9TrainingRhythm } from './C9.training-rhythm/index.js';

export { type C1SmoothedTargetsParams, c1SmoothedTargets } from './C1.smoothed-targets/index.js';
export { type C2GradientParams, c2Gradient } from './C2.gradient/index.js';
export { type C3FiniteOptimumParams, c3FiniteOptimum } from './C3.finite-optimum/index.js';
export { type C7RegulariserParams, c7Regulariser } from './C7.regulariser/index.js';
export { type C9TrainingRhythmParams, c9TrainingRhythm } from './C9.training-rhythm/index.js';

/**
 * Every claim of `@lslab/core`, in catalogue order (C1, C2, C3, C7, C9), for
 * a claim runner to execute at their defaults. Each claim's export is its id
 * in camel case: `C1.smoothed-targets` → `c1SmoothedTargets`.
 *
 * @example
 * claims.map((c) => c.id);
 * // ['C1.smoothed-targets', 'C2.gradient', 'C3.finite-optimum', 'C7.regulariser', 'C9.training-rhythm']
 */
export const claims: readonly Claim[] = [
  c1SmoothedTargets,
  c2Gradient,
  c3FiniteOptimum,
  c7Regulariser,
  c9TrainingRhythm,
];
