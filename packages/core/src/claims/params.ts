import { createRng, type Rng } from '../random/rng.js';
import { checkSeed } from '../validate/checkSeed.js';
import { checkInteger } from '../validate/numbers.js';

/** Parameters shared by the claims that draw random inputs. */
export type SeededTrials = {
  /** Seed of the random inputs, an integer in [0, 2^53). */
  seed: number;
  /** Number of random inputs (trials), an integer in [1, 1000]. */
  trials: number;
};

/**
 * @internal Checks `seed` and `trials` at a claim's door (fn = the claim id)
 * and returns the trial count with the claim's generator.
 */
export function seededTrials(id: string, p: SeededTrials): { trials: number; rng: Rng } {
  const trials = checkInteger(id, 'trials', p.trials, { min: 1, max: 1000 });
  return { trials, rng: createRng(checkSeed(id, 'seed', p.seed)) };
}
