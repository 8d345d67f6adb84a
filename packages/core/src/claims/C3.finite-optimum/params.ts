import { LslabError } from '../../errors.js';
import {
  checkInOpenRange,
  checkInRange,
  checkInteger,
  checkPositive,
} from '../../validate/numbers.js';
import type { C3FiniteOptimumParams } from './index.js';

/**
 * @internal The domain of C3's parameters, checked at the door with the
 * claim's id as the function the user called.
 */
export function checkC3Params(id: string, p: C3FiniteOptimumParams): C3FiniteOptimumParams {
  checkInOpenRange(id, 'alpha', p.alpha, 0, 1, 'α = 0 is hard labels, α = 1 leaves no mass on y');
  checkInteger(id, 'K', p.K, { min: 2, max: 1000 });
  checkPositive(id, 'lr', p.lr);
  checkInRange(id, 'lr', p.lr, 0, 2);
  const steps = checkInteger(id, 'steps', p.steps, { min: 1000, max: 10_000_000 });
  if (10 ** Math.round(Math.log10(steps)) !== steps)
    throw new LslabError('E_RANGE', id, 'must be a power of 10 in [1000, 10000000]', {
      argument: 'steps',
      value: steps,
    });
  return p;
}
