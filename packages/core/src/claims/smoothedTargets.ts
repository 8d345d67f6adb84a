import { type Claim, type ClaimCheck, type ClaimResult, check } from '../claim.js';
import { convertSmoothing } from '../convertSmoothing.js';
import { smoothBinaryTargets } from '../smoothBinaryTargets.js';
import { smoothLabels } from '../smoothLabels.js';
import { maxAbsDiff, worse } from './internal/vectors.js';

/** Parameters of {@link smoothedTargetsClaim}: α and the number of classes K. */
export type SmoothedTargetsParams = {
  /** Smoothing α ∈ [0, (K−1)/K] (the `others` ↔ `uniform` conversion needs it). */
  alpha: number;
  /** Number of classes K ≥ 2. */
  K: number;
};

const TOL = 1e-15;
const SOFT_TARGETS = [0, 0.25, 0.5, 0.75, 1];

/** The entry of `values` farthest from `expected` (the one a check must report). */
function farthest(values: ArrayLike<number>, expected: number): number {
  let best = values[0];
  let gap = Math.abs(best - expected);
  for (let i = 1; i < values.length; i++) {
    const d = Math.abs(values[i] - expected);
    if (worse(gap, d) !== gap) {
      gap = d;
      best = values[i];
    }
  }
  return best;
}

/** Splits the K×K target matrix (row y = label y) into true-class and wrong-class entries. */
function split(q: Float64Array, k: number): { on: number[]; off: number[] } {
  const on: number[] = [];
  const off: number[] = [];
  for (let y = 0; y < k; y++) for (let c = 0; c < k; c++) (c === y ? on : off).push(q[y * k + c]);
  return { on, off };
}

function run({ alpha, K }: SmoothedTargetsParams): ClaimResult {
  const labels = Array.from({ length: K }, (_, i) => i);
  const others = smoothLabels(labels, K, alpha, { convention: 'others' }).data as Float64Array;
  const uniform = smoothLabels(labels, K, alpha).data as Float64Array;
  const o = split(others, K);
  const u = split(uniform, K);
  const bo = smoothBinaryTargets([1, 0], alpha, { convention: 'others' });
  const bu = smoothBinaryTargets([1, 0], alpha);
  // binary rules against the K = 2 matrices (row t = label t, column 1 = positive class)
  const u2 = smoothLabels([0, 1], 2, alpha).data;
  const o2 = smoothLabels([0, 1], 2, alpha, { convention: 'others' }).data;
  const keras = smoothBinaryTargets(SOFT_TARGETS, alpha);
  const othersBinary = smoothBinaryTargets(SOFT_TARGETS, alpha, { convention: 'others' });
  const mixU = SOFT_TARGETS.map((t) => t * u2[3] + (1 - t) * u2[1]);
  const mixO = SOFT_TARGETS.map((t) => t * o2[3] + (1 - t) * o2[1]);
  const aU = convertSmoothing(alpha, K, 'others', 'uniform');
  const aO = convertSmoothing(alpha, K, 'uniform', 'others');
  const viaUniform = smoothLabels(labels, K, aU).data;
  const viaOthers = smoothLabels(labels, K, aO, { convention: 'others' }).data;
  let rowSum = 0;
  for (const q of [others, uniform]) {
    for (let y = 0; y < K; y++) {
      let s = 0;
      for (let c = 0; c < K; c++) s += q[y * K + c];
      rowSum = worse(rowSum, Math.abs(s - 1));
    }
  }
  const checks: ClaimCheck[] = [
    check('others: true class = 1 − α', 1 - alpha, farthest(o.on, 1 - alpha), TOL),
    check('others: wrong class = α/(K−1)', alpha / (K - 1), farthest(o.off, alpha / (K - 1)), TOL),
    check(
      'uniform: true class = 1 − α + α/K',
      1 - alpha + alpha / K,
      farthest(u.on, 1 - alpha + alpha / K),
      TOL,
    ),
    check('uniform: wrong class = α/K', alpha / K, farthest(u.off, alpha / K), TOL),
    check('others binary: t = 1 → 1 − α', 1 - alpha, bo[0], TOL),
    check('others binary: t = 0 → α', alpha, bo[1], TOL),
    check('uniform binary (Keras/TF.js): t = 1 → 1 − α/2', 1 - alpha / 2, bu[0], TOL),
    check('uniform binary (Keras/TF.js): t = 0 → α/2', alpha / 2, bu[1], TOL),
    check(
      'Keras rule t(1−α) + α/2 = uniform with K = 2 (max |Δ|)',
      0,
      maxAbsDiff(keras, mixU),
      TOL,
    ),
    check('others binary = others with K = 2 (max |Δ|)', 0, maxAbsDiff(othersBinary, mixO), TOL),
    check('others(α) = uniform(α·K/(K−1)) (max |Δ|)', 0, maxAbsDiff(others, viaUniform), TOL),
    check('uniform(α) = others(α·(K−1)/K) (max |Δ|)', 0, maxAbsDiff(uniform, viaOthers), TOL),
    check('every row sums to 1 (max |Σq − 1|)', 0, rowSum, TOL),
  ];
  const series: Record<string, object[]> = { targets: [], binary: [] };
  for (let c = 0; c < K; c++) {
    series.targets.push({ convention: 'others', label: 0, class: c, q: others[c] });
    series.targets.push({ convention: 'uniform', label: 0, class: c, q: uniform[c] });
  }
  for (const [i, t] of SOFT_TARGETS.entries()) {
    series.binary.push({ convention: 'others', t, smoothed: othersBinary[i] });
    series.binary.push({ convention: 'uniform', t, smoothed: keras[i] });
  }
  return {
    checks,
    series,
    notes: [
      `others(α = ${alpha}) is uniform(α = ${+aU.toPrecision(12)}); uniform(α = ${alpha}) is others(α = ${+aO.toPrecision(12)}).`,
      'The worked examples: K = 3, α = 0.1, others gives (0.05, 0.9, 0.05); K = 5 gives (0.9, 0.025 × 4); binary {0, 1} gives {0.1, 0.9}.',
    ],
  };
}

/**
 * C1 — smoothed targets. The two conventions, `uniform` q = (1−α)·e_y + α/K and
 * `others` q_y = 1 − α, q_k = α/(K−1), give the stated targets exactly (to
 * 1e-15), agree after α ↦ α·K/(K−1), and the Keras/TF.js binary rule
 * t(1−α) + α/2 is `uniform` with K = 2.
 *
 * Parameters: α ∈ [0, (K−1)/K], K ≥ 2. Checks every label y ∈ [0, K).
 *
 * @example
 * smoothedTargetsClaim.run({ alpha: 0.1, K: 3 }).checks[0];
 * // { name: 'others: true class = 1 − α', comparison: 'equal', expected: 0.9, measured: 0.9, tolerance: 1e-15, holds: true }
 */
export const smoothedTargetsClaim: Claim<SmoothedTargetsParams> = {
  id: 'C1.smoothed-targets',
  title: 'Smoothed targets in both conventions',
  statement:
    'Label smoothing replaces e_y by $q = (1-\\alpha)e_y + \\alpha/K$ (uniform) or $q_y = 1-\\alpha,\\ q_{k\\ne y} = \\alpha/(K-1)$ (others), and $\\mathrm{others}(\\alpha) = \\mathrm{uniform}(\\alpha K/(K-1))$.',
  defaults: { alpha: 0.1, K: 3 },
  formulas: {
    'others: true class = 1 − α': '1 - alpha',
    'others: wrong class = α/(K−1)': 'alpha / (K - 1)',
    'uniform: true class = 1 − α + α/K': '1 - alpha + alpha / K',
    'uniform: wrong class = α/K': 'alpha / K',
    'others binary: t = 1 → 1 − α': '1 - alpha',
    'others binary: t = 0 → α': 'alpha',
    'uniform binary (Keras/TF.js): t = 1 → 1 − α/2': '1 - alpha / 2',
    'uniform binary (Keras/TF.js): t = 0 → α/2': 'alpha / 2',
  },
  run,
};
