import { LslabError, type Matrix, type SmoothingConvention } from '@lslab/core';
import {
  checkAlpha,
  checkConvention,
  checkFiniteMatrix,
  checkInteger,
  checkLabels,
  checkMatrix,
  checkNonEmpty,
  checkNumClasses,
  checkOptions,
  checkPositive,
} from '@lslab/core/validate';
import { distance, fitRegularised, maxAbsChange } from './internal/fitRegularised.js';
import { targetChange } from './internal/targetChange.js';

/** Input of {@link labelFlipStability}. */
export interface LabelFlipStabilityOptions {
  /** Training features, n × d (n ≥ 1, finite). */
  x: Matrix;
  /** Training labels, n class indices. */
  y: ArrayLike<number>;
  /** Smoothing α ∈ [0, 1]. */
  alpha: number;
  /** λ > 0 of the penalty (λ/2)‖W‖². */
  lambda: number;
  /** The row whose label is flipped, an integer in [0, n). */
  index: number;
  /** `'uniform'` (default) or `'others'`. */
  convention?: SmoothingConvention;
  /** Rows on which the largest logit and probability changes are measured; default `x`. */
  test?: Matrix;
  /** K; default max(y) + 1 (at least 2). K = 2 fits logistic regression, K ≥ 3 softmax regression. */
  numClasses?: number;
  /** The new label of row `index`; default (y[index] + 1) mod K. */
  flipTo?: number;
}

/** Result of {@link labelFlipStability}. */
export interface LabelFlipStabilityResult {
  /** ‖W′ − W‖_F between the fits before and after the flip. */
  deltaW: number;
  /** The strong-convexity bound ‖Δq‖·‖x_i‖/(λn). */
  bound: number;
  /** ‖Δq‖₂ of the flipped row's smoothed target. */
  deltaQ: number;
  /** max over test rows and classes of |Δz|. */
  maxLogitChange: number;
  /** max over test rows and classes of |Δp|. */
  maxProbChange: number;
  /** Bound on the solver's error in `deltaW`: (‖∇F‖ + ‖∇F′‖)/λ at the two solutions. */
  solverError: number;
}

const FN = 'labelFlipStability';
const KEYS: (keyof LabelFlipStabilityOptions)[] = [
  'x',
  'y',
  'alpha',
  'lambda',
  'index',
  'convention',
  'test',
  'numClasses',
  'flipTo',
];
/** Largest K: Newton builds a dense (dK)² Hessian. */
const MAX_CLASSES = 64;

/**
 * How far the minimiser of L2-regularised logistic (K = 2) or softmax
 * regression without bias, F(W) = (1/n)Σ_i ℓ(W; x_i, q_i) + (λ/2)‖W‖²_F,
 * moves when the label of one row is changed. Both problems are solved by
 * Newton's method (`newton` of `@lslab/models`, to ‖∇F‖ ≤ 1e-12, the second
 * from the first solution).
 *
 * Cross-entropy is linear in its target, so the flip adds the linear term
 * −(1/n)⟨x_i Δqᵀ, W⟩ to F; both objectives are λ-strongly convex, hence
 *
 *   ‖ΔW‖_F ≤ ‖Δq‖·‖x_i‖ / (λ n),
 *
 * with ‖Δq‖ = (1 − α)√2 (`'uniform'`, K ≥ 3) or 1 − α (binary, `'uniform'`):
 * smoothing scales the bound by 1 − α, and at α = 1 (`'uniform'`) the flip
 * changes nothing.
 *
 * @param options - see {@link LabelFlipStabilityOptions}
 * @returns ΔW, the bound, ‖Δq‖, the largest logit and probability changes on `test`
 * @throws LslabError `E_OPTION` (unknown key), `E_SHAPE` (mismatched rows or
 *   columns), `E_NOT_FINITE`, `E_EMPTY`, `E_LABEL` (a label outside [0, K)),
 *   `E_RANGE` (α ∉ [0, 1], λ ≤ 0, index or flipTo out of range, flipTo = y[index],
 *   K > 64), `E_CONVERGENCE` (Newton did not converge)
 * @see [C10.stability.md](../../../docs/theory/C10.stability.md): the strong-convexity bound, derived
 * @example
 * const r = labelFlipStability({
 *   x: fromRows([[1, 0], [0, 1], [1, 1], [-1, 0.5]]), y: [0, 1, 1, 0],
 *   alpha: 0.1, lambda: 0.5, index: 2,
 * });
 * r.bound;  // 0.9 × √2 / (0.5 × 4) = 0.6363961030678928
 * r.deltaW; // 0.28…, below the bound
 */
export function labelFlipStability(options: LabelFlipStabilityOptions): LabelFlipStabilityResult {
  const o = checkOptions<LabelFlipStabilityOptions>(FN, options, KEYS);
  const x = o.x as Matrix;
  checkMatrix(FN, 'options.x', x);
  checkNonEmpty(FN, 'options.x', x.rows);
  checkFiniteMatrix(FN, 'options.x', x);
  const n = x.rows;
  const y = o.y as ArrayLike<number>;
  let maxY = 1;
  if (y !== null && typeof y === 'object')
    for (let i = 0; i < y.length; i++) maxY = Math.max(maxY, y[i]);
  const k = checkNumClasses(
    FN,
    o.numClasses ?? (Number.isInteger(maxY) ? maxY + 1 : 2),
    'options.numClasses',
  );
  if (k > MAX_CLASSES) {
    throw new LslabError('E_RANGE', FN, `must be at most ${MAX_CLASSES}`, {
      argument: 'options.numClasses',
      value: k,
    });
  }
  checkLabels(FN, 'options.y', y, n, k);
  const alpha = checkAlpha(FN, o.alpha, 'options.alpha');
  const lambda = checkPositive(FN, 'options.lambda', o.lambda);
  const index = checkInteger(FN, 'options.index', o.index, { min: 0, max: n - 1 });
  const convention = checkConvention(FN, o.convention);
  const flipTo = checkInteger(FN, 'options.flipTo', o.flipTo ?? (y[index] + 1) % k, {
    min: 0,
    max: k - 1,
  });
  if (flipTo === y[index]) {
    throw new LslabError('E_RANGE', FN, `equals y[${index}]: nothing would change`, {
      argument: 'options.flipTo',
      value: flipTo,
    });
  }
  const test = o.test ?? x;
  checkMatrix(FN, 'options.test', test);
  checkFiniteMatrix(FN, 'options.test', test);
  if (test.cols !== x.cols) {
    throw new LslabError('E_SHAPE', FN, `has ${test.cols} columns, expected ${x.cols} like x`, {
      argument: 'options.test',
    });
  }
  const problem = { x, numClasses: k, alpha, lambda, convention };
  const before = fitRegularised(problem, y);
  const flipped = Int32Array.from(y);
  flipped[index] = flipTo;
  const after = fitRegularised(problem, flipped, before.model.params);
  let xi = 0;
  for (let j = 0; j < x.cols; j++) xi += x.data[index * x.cols + j] ** 2;
  const deltaQ = targetChange(alpha, k, convention);
  const hasTest = test.rows > 0;
  return {
    deltaW: distance(before.model.params, after.model.params),
    bound: (deltaQ * Math.sqrt(xi)) / (lambda * n),
    deltaQ,
    maxLogitChange: hasTest
      ? maxAbsChange(before.model.forward(test).data, after.model.forward(test).data)
      : 0,
    maxProbChange: hasTest
      ? maxAbsChange(before.model.predictProba(test).data, after.model.predictProba(test).data)
      : 0,
    solverError: (before.gradientNorm + after.gradientNorm) / lambda,
  };
}
