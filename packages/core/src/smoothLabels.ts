import type { SmoothingConvention } from './convention.js';
import type { Matrix } from './matrix.js';
import { smoothingMass } from './smoothingMass.js';
import {
  checkAlpha,
  checkConvention,
  checkLabels,
  checkNumClasses,
  checkOptions,
} from './validate/index.js';

/**
 * Turns class indices into smoothed target distributions, one row per label.
 *
 * - `'uniform'` (default): q = (1−α)·e_y + α/K.
 * - `'others'`: q_y = 1 − α, q_k = α/(K−1) for k ≠ y.
 *
 * @param labels - class indices, integers in [0, K)
 * @param numClasses - K, an integer ≥ 2
 * @param alpha - smoothing α ∈ [0, 1]
 * @param options.convention - `'uniform'` (default) or `'others'`
 * @returns an N×K Float64 Matrix whose rows sum to 1
 * @throws LslabError `E_LABEL`, `E_RANGE`, `E_OPTION`
 * @see [conventions.md](../../../docs/conventions.md): the two smoothing conventions and their conversion
 * @example
 * smoothLabels([1], 3, 0.1, { convention: 'others' }).data; // [0.05, 0.9, 0.05]
 * smoothLabels([0], 2, 0.1).data;                           // [0.9500000000000001, 0.05]
 */
export function smoothLabels(
  labels: ArrayLike<number>,
  numClasses: number,
  alpha: number,
  options?: { convention?: SmoothingConvention },
): Matrix {
  const fn = 'smoothLabels';
  const o = checkOptions<{ convention?: SmoothingConvention }>(fn, options, ['convention']);
  checkNumClasses(fn, numClasses);
  checkAlpha(fn, alpha);
  const convention = checkConvention(fn, o.convention);
  checkLabels(fn, 'labels', labels, labels?.length ?? 0, numClasses);
  const n = labels.length;
  const { on, off } = smoothingMass(alpha, numClasses, convention);
  const data = new Float64Array(n * numClasses).fill(off);
  for (let i = 0; i < n; i++) data[i * numClasses + labels[i]] = on;
  return { rows: n, cols: numClasses, data };
}
