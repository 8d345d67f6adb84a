import { LslabError } from './errors.js';
import type { Matrix } from './matrix.js';
import { checkMatrix } from './validate/checkMatrix.js';
import { checkOptions } from './validate/checkOptions.js';
import { checkWeights } from './validate/labels.js';

/** Options of {@link meanDivisor}. */
export interface MeanDivisorOptions {
  /** Class weights w ∈ [0, ∞)^K (PyTorch's `weight`); default all 1. */
  weight?: ArrayLike<number>;
  /** Rows whose label equals this value do not count (index targets only). */
  ignoreIndex?: number;
}

/**
 * The divisor of PyTorch's `reduction='mean'` for a cross-entropy: the loss
 * summed over rows is divided by
 *
 * - Σ_i w_{y_i} over the rows not ignored, for class-index targets (their
 *   count without weights);
 * - N, the number of rows, for probability targets (a Matrix), whatever the
 *   weights.
 *
 * `softmaxCrossEntropy` divides by this, and so must anything that rescales
 * its loss or curvature (a training loop, an exact solver).
 *
 * @param target - N class indices (integers ≥ 0, below K when weights are
 *   given), or an N×K Matrix of probability rows
 * @param options.weight - class weights, finite and ≥ 0
 * @param options.ignoreIndex - a label that marks a row to leave out
 * @returns the divisor, ≥ 0 (0 when every row is ignored or weighs 0)
 * @throws LslabError `E_SHAPE`, `E_LABEL`, `E_NOT_FINITE`, `E_RANGE`, `E_OPTION`
 * @see [conventions.md](../../../docs/conventions.md): what 'mean' divides by, with class weights and ignored rows
 * @example
 * meanDivisor([0, 1, 1]);                                  // 3
 * meanDivisor([0, 1, 1], { weight: [2, 0.5] });            // 3 = 2 + 0.5 + 0.5
 * meanDivisor([0, -100, 1], { ignoreIndex: -100 });        // 2
 * meanDivisor(fromRows([[0.5, 0.5]]), { weight: [2, 1] }); // 1 (N for probability targets)
 */
export function meanDivisor(
  target: ArrayLike<number> | Matrix,
  options: MeanDivisorOptions = {},
): number {
  const fn = 'meanDivisor';
  const { weight: w, ignoreIndex } = checkOptions<MeanDivisorOptions>(fn, options, [
    'weight',
    'ignoreIndex',
  ]);
  if (w !== undefined) checkWeights(fn, 'options.weight', w, w.length);
  if (target !== null && typeof target === 'object' && 'data' in target && 'rows' in target) {
    checkMatrix(fn, 'target', target);
    return target.rows;
  }
  const labels = target as ArrayLike<number>;
  if (labels === null || typeof labels !== 'object' || typeof labels.length !== 'number') {
    throw new LslabError('E_SHAPE', fn, 'is not an array of class indices or a Matrix', {
      argument: 'target',
    });
  }
  const k = w === undefined ? Infinity : w.length;
  let denom = 0;
  for (let i = 0; i < labels.length; i++) {
    const y = labels[i];
    if (y === ignoreIndex) continue;
    if (!Number.isInteger(y) || y < 0 || y >= k) {
      const range = k === Infinity ? 'an integer ≥ 0' : `a class index in [0, ${k})`;
      throw new LslabError('E_LABEL', fn, `is not ${range}`, {
        argument: 'target',
        row: i,
        value: y,
      });
    }
    denom += w === undefined ? 1 : w[y];
  }
  return denom;
}
