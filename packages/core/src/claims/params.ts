import { createRng, type Rng } from '../random/rng.js';
import { type ClaimParamSchema, checkClaimParam } from '../validate/claimParamSchema.js';

/** Parameters shared by the claims that draw random inputs. */
export type SeededTrials = {
  /** Seed of the random inputs, an integer in [0, 2^53). */
  seed: number;
  /** Number of random inputs (trials), an integer in [1, 1000]. */
  trials: number;
};

/** @internal The domains of `seed` and `trials`, for a claim's schema (trials have no control). */
export const SEEDED_TRIALS: ClaimParamSchema = {
  trials: { kind: 'integer', label: 'trials', min: 1, max: 1000, control: false },
  seed: { kind: 'seed', label: 'seed', control: { max: 1000 } },
};

/**
 * @internal Checks `seed` and `trials` at a claim's door (fn = the claim id)
 * and returns the trial count with the claim's generator.
 */
export function seededTrials(id: string, p: SeededTrials): { trials: number; rng: Rng } {
  const trials = checkClaimParam(id, 'trials', p.trials, SEEDED_TRIALS.trials) as number;
  const seed = checkClaimParam(id, 'seed', p.seed, SEEDED_TRIALS.seed) as number;
  return { trials, rng: createRng(seed) };
}
