import type { SmoothingConvention } from './convention.js';
import { LslabError } from './errors.js';
import { checkClosedForm } from './internal/closedForm.js';
import { smoothingMass } from './smoothingMass.js';
import { checkOptions } from './validate/index.js';

/**
 * The probabilities p* = softmax(z*) at the minimiser of the label-smoothed
 * cross-entropy over free logits: the smoothed target q itself.
 *
 * The cross-entropy of q against p = softmax(z) is H(q) + KL(q‖p) ≥ H(q), with
 * equality exactly when p = q; when every q_k > 0 this is reached by the
 * logits z* = log q + c. Hence p* = q:
 *
 * - `'uniform'` (default): p*_y = 1 − α + α/K, p*_k = α/K.
 * - `'others'`: p*_y = 1 − α, p*_k = α/(K−1).
 *
 * With α = 0 the vector is the one-hot e_y, which no finite logits reach
 * (it is the infimum, not a minimum).
 *
 * @param alpha - smoothing α ∈ [0, 1]
 * @param numClasses - K, an integer ≥ 2
 * @param options.convention - `'uniform'` (default) or `'others'`
 * @param options.label - the true class y, an integer in [0, K); default 0
 * @returns a Float64Array of length K that sums to 1
 * @throws LslabError `E_RANGE`, `E_NOT_FINITE`, `E_OPTION`, `E_LABEL`
 * @see [C3.finite-optimum.md](../../../docs/theory/C3.finite-optimum.md): the finite optimum p = q
 * @example
 * optimalProbabilities(0.1, 3, { convention: 'others', label: 1 }); // [0.05, 0.9, 0.05]
 * optimalProbabilities(0.2, 4);                                     // [0.8500000000000001, 0.05, 0.05, 0.05]
 */
export function optimalProbabilities(
  alpha: number,
  numClasses: number,
  options?: { convention?: SmoothingConvention; label?: number },
): Float64Array {
  const fn = 'optimalProbabilities';
  const o = checkOptions<{ convention?: SmoothingConvention; label?: number }>(fn, options, [
    'convention',
    'label',
  ]);
  const convention = checkClosedForm(fn, alpha, numClasses, o.convention);
  const label = o.label ?? 0;
  if (!Number.isInteger(label) || label < 0 || label >= numClasses) {
    throw new LslabError('E_LABEL', fn, `is not a class index in [0, ${numClasses})`, {
      argument: 'options.label',
      value: label,
    });
  }
  const { on, off } = smoothingMass(alpha, numClasses, convention);
  const q = new Float64Array(numClasses).fill(off);
  q[label] = on;
  return q;
}
