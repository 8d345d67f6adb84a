import type { ClaimCheck } from '../../claim.js';
import { printedCheck } from '../tolerances.js';
import { norm } from '../vectors.js';
import { grad } from './rhythm.js';

/** Whether (α, K, py) are the parameters of the source text's worked example. */
function isWorkedExample(alpha: number, K: number): boolean {
  return alpha === 0.1 && K === 5;
}

/**
 * @internal The source text's four norms (`others`, K = 5, α = 0.1) as the
 * text prints them: at p = u, 0.7826 vs 0.8944; at p = (0.99, 0.0025 × 4),
 * 0.1006 vs 0.01118 — each with half a unit of its last digit as tolerance.
 * Only at those parameters (the second pair only at py = 0.99).
 */
export function workedExample(
  alpha: number,
  K: number,
  py: number,
  zu: Float64Array,
  zc: Float64Array,
): ClaimCheck[] {
  if (!isWorkedExample(alpha, K)) return [];
  const out = [
    printedCheck(
      'worked example: others ‖∇_LS‖ at p = u (0.7826)',
      '0.7826',
      norm(grad(zu, alpha, 'others')),
    ),
    printedCheck('worked example: ‖∇_CE‖ at p = u (0.8944)', '0.8944', norm(grad(zu, 0, 'others'))),
  ];
  if (py === 0.99)
    out.push(
      printedCheck(
        'worked example: others ‖∇_LS‖ at p = (0.99, 0.0025 × 4) (0.1006)',
        '0.1006',
        norm(grad(zc, alpha, 'others')),
      ),
      printedCheck(
        'worked example: ‖∇_CE‖ at p = (0.99, 0.0025 × 4) (0.01118)',
        '0.01118',
        norm(grad(zc, 0, 'others')),
      ),
    );
  return out;
}

/** @internal The notes: the four norms as measured at these parameters, in words. */
export function rhythmNotes(
  alpha: number,
  K: number,
  py: number,
  zu: Float64Array,
  zc: Float64Array,
): string[] {
  const f = (x: number) => x.toPrecision(4);
  const at = (z: Float64Array) =>
    `‖∇_LS‖ = ${f(norm(grad(z, alpha, 'others')))} (others) vs ‖∇_CE‖ = ${f(norm(grad(z, 0, 'others')))}`;
  const lead =
    isWorkedExample(alpha, K) && py === 0.99
      ? 'The worked example of the source text, measured'
      : 'Measured';
  return [
    `${lead} (K = ${K}, α = ${alpha}): ${at(zu)} at p = u; ${at(zc)} at p_y = ${py}, the other classes equal.`,
    'Along the path the smoothed gradient is the smaller one until the crossover, then the larger: it keeps a restoring force α(e_y − u) where the hard-label gradient dies out.',
  ];
}
