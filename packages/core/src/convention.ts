/**
 * The two label-smoothing conventions.
 *
 * - `'uniform'` (Szegedy et al. 2016; PyTorch, Keras, TF.js, Optax): the
 *   target is mixed with the uniform distribution, q = (1−α)·e_y + α/K, so the
 *   true class keeps 1 − α + α/K. Binary: t·(1−α) + α/2.
 * - `'others'`: the true class gets exactly 1 − α and the α is shared by the
 *   K − 1 other classes, q_k = α/(K−1). Binary: {α, 1 − α}.
 *
 * They describe the same family: `others(α) = uniform(α·K/(K−1))`; see
 * {@link convertSmoothing}.
 */
export type SmoothingConvention = 'uniform' | 'others';

/**
 * The accepted convention names, for validation; the first is the default.
 *
 * @see [conventions.md](../../../docs/conventions.md): what each convention means
 * @example
 * SMOOTHING_CONVENTIONS.includes('others'); // true
 */
export const SMOOTHING_CONVENTIONS: readonly SmoothingConvention[] = ['uniform', 'others'];
