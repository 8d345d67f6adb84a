import type { Claim } from '../claim.js';
import { finiteOptimumClaim } from './finiteOptimum.js';
import { gradientClaim } from './gradient.js';
import { regulariserClaim } from './regulariser.js';
import { smoothedTargetsClaim } from './smoothedTargets.js';
import { trainingRhythmClaim } from './trainingRhythm.js';

export { type FiniteOptimumParams, finiteOptimumClaim } from './finiteOptimum.js';
export { type GradientParams, gradientClaim } from './gradient.js';
export { type RegulariserParams, regulariserClaim } from './regulariser.js';
export { type SmoothedTargetsParams, smoothedTargetsClaim } from './smoothedTargets.js';
export { type TrainingRhythmParams, trainingRhythmClaim } from './trainingRhythm.js';

/**
 * Every claim of `@lslab/core`, in catalogue order (C1, C2, C3, C7, C9), for
 * a claim runner to execute at their defaults.
 *
 * @example
 * coreClaims.map((c) => c.id); // ['C1.smoothed-targets', …]
 */
export const coreClaims: readonly Claim[] = [
  smoothedTargetsClaim,
  gradientClaim,
  finiteOptimumClaim,
  regulariserClaim,
  trainingRhythmClaim,
];
