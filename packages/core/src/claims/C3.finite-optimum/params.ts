import { LslabError } from '../../errors.js';
import { type ClaimParamSchema, checkClaimParam } from '../../validate/claimParamSchema.js';
import { checkInRange, checkInteger } from '../../validate/numbers.js';
import type { C3FiniteOptimumParams } from './index.js';

/**
 * @internal The domains of α and K (the page moves these; lr and steps stay at
 * their values). α is kept in [10⁻³, 0.999]: the binary descent converges at
 * the rate η·α(1 − α) a step, so nearer 0 or 1 it has not reached its limit
 * within 10⁷ steps (and below 10⁻²⁰ the bound on its drift is no number).
 */
export const C3_SCHEMA: ClaimParamSchema = {
  alpha: {
    kind: 'number',
    label: 'α',
    min: 1e-3,
    max: 0.999,
    control: { min: 0.01, max: 0.99 },
  },
  K: { kind: 'integer', label: 'K', min: 2, max: 1000, control: { max: 50 } },
};

/**
 * @internal The domain of C3's parameters, checked at the door with the
 * claim's id as the function the user called.
 */
export function checkC3Params(id: string, p: C3FiniteOptimumParams): C3FiniteOptimumParams {
  checkClaimParam(id, 'alpha', p.alpha, C3_SCHEMA.alpha);
  checkClaimParam(id, 'K', p.K, C3_SCHEMA.K);
  // η below 0.01 leaves the logit short of its limit, and the drift bound ∝ 1/η overflows near 0
  checkInRange(id, 'lr', p.lr, 0.01, 2);
  const steps = checkInteger(id, 'steps', p.steps, { min: 1000, max: 10_000_000 });
  if (10 ** Math.round(Math.log10(steps)) !== steps)
    throw new LslabError('E_RANGE', id, 'must be a power of 10 in [1000, 10000000]', {
      argument: 'steps',
      value: steps,
    });
  return p;
}
