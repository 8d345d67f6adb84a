import { type ClaimCheck, check } from '../../claim.js';
import { smoothLabels } from '../../smoothLabels.js';
import { EPS } from '../tolerances.js';
import { maxAbsDiff } from '../vectors.js';

/** @internal The soft binary targets on which the binary rules are compared. */
export const SOFT_TARGETS = [0, 0.25, 0.5, 0.75, 1];

/**
 * @internal An entry is 1 − α, α/(K−1), 1 − α + α/K or α/K: at most 3 roundings
 * of numbers ≤ 1 on each side (claim and closed form), each ≤ EPS/2, 6·EPS/2 < 4·EPS.
 */
export const ENTRY_TOL = 4 * EPS;

/**
 * @internal The source text's examples, pinned as literals where it states them
 * (α = 0.1; K = 3 with y the middle class; K = 5). The text gives exact
 * decimals, so the tolerance is the rounding of the computation, ENTRY_TOL.
 */
export function workedExamples(
  alpha: number,
  K: number,
  first: { others: Float64Array } | undefined,
  bo: ArrayLike<number>,
): ClaimCheck[] {
  if (alpha !== 0.1) return [];
  const out = [
    check(
      'worked example: binary {0, 1} → {0.1, 0.9} (others, max |Δ|)',
      0,
      maxAbsDiff([bo[1], bo[0]], [0.1, 0.9]),
      ENTRY_TOL,
    ),
  ];
  if (K === 3) {
    const middle = smoothLabels([1], 3, alpha, { convention: 'others' }).data;
    out.push(
      check(
        'worked example: K = 3, y = 1 → (0.05, 0.9, 0.05) (others, max |Δ|)',
        0,
        maxAbsDiff(middle, [0.05, 0.9, 0.05]),
        ENTRY_TOL,
      ),
    );
  }
  if (K === 5 && first)
    out.push(
      check(
        'worked example: K = 5 → (0.9, 0.025, 0.025, 0.025, 0.025) (others, max |Δ|)',
        0,
        maxAbsDiff(first.others, [0.9, 0.025, 0.025, 0.025, 0.025]),
        ENTRY_TOL,
      ),
    );
  return out;
}

/** @internal Tidy rows: the targets of label 0 in both conventions, the binary rules on soft t. */
export function series(
  K: number,
  alpha: number,
  first: { others: Float64Array; uniform: Float64Array } | undefined,
  keras: ArrayLike<number>,
  othersBinary: ArrayLike<number>,
): Record<string, object[]> {
  const out: Record<string, object[]> = { targets: [], binary: [] };
  for (let c = 0; c < K; c++) {
    out.targets.push({
      convention: 'others',
      label: 0,
      class: c,
      q: first?.others[c] ?? Number.NaN,
    });
    out.targets.push({
      convention: 'uniform',
      label: 0,
      class: c,
      q: first?.uniform[c] ?? Number.NaN,
    });
  }
  for (const [i, t] of SOFT_TARGETS.entries()) {
    out.binary.push({ convention: 'others', alpha, t, smoothed: othersBinary[i] });
    out.binary.push({ convention: 'uniform', alpha, t, smoothed: keras[i] });
  }
  return out;
}
