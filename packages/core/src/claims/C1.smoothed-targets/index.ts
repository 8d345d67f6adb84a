import { type Claim, type ClaimCheck, type ClaimResult, check } from '../../claim.js';
import { convertSmoothing } from '../../convertSmoothing.js';
import { smoothBinaryTargets } from '../../smoothBinaryTargets.js';
import { smoothLabels } from '../../smoothLabels.js';
import { checkClaimParams } from '../../validate/checkClaimParams.js';
import type { ClaimParamSchema } from '../../validate/claimParamSchema.js';

import { EPS } from '../tolerances.js';
import { maxAbsDiff } from '../vectors.js';
import { Worst } from '../worst.js';
import { ENTRY_TOL, SOFT_TARGETS, series, workedExamples } from './examples.js';

/** Parameters of {@link c1SmoothedTargets}: α and the number of classes K. */
export type C1SmoothedTargetsParams = {
  /** Smoothing α ∈ [0, (K−1)/K] (the `others` ↔ `uniform` conversion needs it). */
  alpha: number;
  /** Number of classes K, an integer in [2, 10⁴]. */
  K: number;
};

const ID = 'C1.smoothed-targets';
const DEFAULTS: C1SmoothedTargetsParams = { alpha: 0.1, K: 3 };
/** K ≤ 10⁴: the claim smooths every label, K² entries per convention. */
const MAX_K = 10_000;
// The conversion adds α·K/(K−1) (2 roundings) before the 3 of an entry: 5 per
// side, 10·EPS/2 = 5·EPS < 8·EPS.
const CONVERSION_TOL = 8 * EPS;

/** The domains of K and α, in validation order (α's bound depends on K). */
const SCHEMA: ClaimParamSchema = {
  K: { kind: 'integer', label: 'K', min: 2, max: MAX_K, control: { max: 50 } },
  alpha: {
    kind: 'number',
    label: 'α',
    min: 0,
    max: (p) => ((p.K as number) - 1) / (p.K as number),
  },
};

/** Tracks the entry farthest from `e` (the one a check must report); NaN until one is seen. */
class Farthest {
  v = Number.NaN;
  private d = -1;
  constructor(readonly e: number) {}
  add(x: number): void {
    const d = Math.abs(x - this.e);
    if (!(d <= this.d)) {
      this.d = d;
      this.v = x;
    }
  }
}

function notes(alpha: number, aU: number, aO: number): string[] {
  return [
    `others(α = ${alpha}) is uniform(α = ${+aU.toPrecision(12)}); uniform(α = ${alpha}) is others(α = ${+aO.toPrecision(12)}).`,
  ];
}

function run(params: C1SmoothedTargetsParams): ClaimResult {
  const { K, alpha } = checkClaimParams(ID, DEFAULTS, params, SCHEMA);
  const aU = convertSmoothing(alpha, K, 'others', 'uniform');
  const aO = convertSmoothing(alpha, K, 'uniform', 'others');
  const ex = {
    oOn: new Farthest(1 - alpha),
    oOff: new Farthest(alpha / (K - 1)),
    uOn: new Farthest(1 - alpha + alpha / K),
    uOff: new Farthest(alpha / K),
  };
  const rowSum = new Worst();
  const convO = new Worst();
  const convU = new Worst();
  let first: { others: Float64Array; uniform: Float64Array } | undefined;
  // labels in blocks of about 2^20 entries, so K = 10⁴ never holds K² numbers at once
  const block = Math.max(1, Math.floor(2 ** 20 / K));
  for (let y0 = 0; y0 < K; y0 += block) {
    const labels = Array.from({ length: Math.min(block, K - y0) }, (_, i) => y0 + i);
    const others = smoothLabels(labels, K, alpha, { convention: 'others' }).data as Float64Array;
    const uniform = smoothLabels(labels, K, alpha).data as Float64Array;
    convO.add(maxAbsDiff(others, smoothLabels(labels, K, aU).data));
    convU.add(maxAbsDiff(uniform, smoothLabels(labels, K, aO, { convention: 'others' }).data));
    first ??= { others: others.slice(0, K), uniform: uniform.slice(0, K) };
    for (const [r, y] of labels.entries()) {
      for (const [q, on, off] of [
        [others, ex.oOn, ex.oOff],
        [uniform, ex.uOn, ex.uOff],
      ] as const) {
        const row = q.subarray(r * K, (r + 1) * K);
        on.add(row[y]);
        let s = 0;
        for (let c = 0; c < K; c++) {
          s += row[c];
          if (c !== y) off.add(row[c]);
        }
        rowSum.add(Math.abs(s - 1));
      }
    }
  }
  const bo = smoothBinaryTargets([1, 0], alpha, { convention: 'others' });
  const bu = smoothBinaryTargets([1, 0], alpha);
  // the binary rules against the K = 2 matrices (row t = label t, column 1 = positive class)
  const u2 = smoothLabels([0, 1], 2, alpha).data;
  const o2 = smoothLabels([0, 1], 2, alpha, { convention: 'others' }).data;
  const keras = smoothBinaryTargets(SOFT_TARGETS, alpha);
  const othersBinary = smoothBinaryTargets(SOFT_TARGETS, alpha, { convention: 'others' });
  const mixU = SOFT_TARGETS.map((t) => t * u2[3] + (1 - t) * u2[1]);
  const mixO = SOFT_TARGETS.map((t) => t * o2[3] + (1 - t) * o2[1]);
  const checks: ClaimCheck[] = [
    check('others: true class = 1 − α', ex.oOn.e, ex.oOn.v, ENTRY_TOL),
    check('others: wrong class = α/(K−1)', ex.oOff.e, ex.oOff.v, ENTRY_TOL),
    check('uniform: true class = 1 − α + α/K', ex.uOn.e, ex.uOn.v, ENTRY_TOL),
    check('uniform: wrong class = α/K', ex.uOff.e, ex.uOff.v, ENTRY_TOL),
    check('others binary: t = 1 → 1 − α', 1 - alpha, bo[0], ENTRY_TOL),
    check('others binary: t = 0 → α', alpha, bo[1], ENTRY_TOL),
    check('uniform binary (Keras/TF.js): t = 1 → 1 − α/2', 1 - alpha / 2, bu[0], ENTRY_TOL),
    check('uniform binary (Keras/TF.js): t = 0 → α/2', alpha / 2, bu[1], ENTRY_TOL),
    // t·a + (1 − t)·b adds 3 roundings to the 3 of each entry: 2·6·EPS/2 < 8·EPS
    check(
      'Keras rule t(1−α) + α/2 = uniform with K = 2 (max |Δ|)',
      0,
      maxAbsDiff(keras, mixU),
      8 * EPS,
    ),
    check(
      'others binary = others with K = 2 (max |Δ|)',
      0,
      maxAbsDiff(othersBinary, mixO),
      8 * EPS,
    ),
    check('others(α) = uniform(α·K/(K−1)) (max |Δ|)', 0, convO.value, CONVERSION_TOL),
    check('uniform(α) = others(α·(K−1)/K) (max |Δ|)', 0, convU.value, CONVERSION_TOL),
    // K entries ≤ 1 summing to 1: (K − 1)·EPS/2 from the sum, K·3·EPS/2·q_c from the entries
    check('every row sums to 1 (max |Σq − 1|)', 0, rowSum.value, (K + 2) * EPS),
    ...workedExamples(alpha, K, first, bo),
  ];
  return {
    checks,
    series: series(K, alpha, first, keras, othersBinary),
    notes: notes(alpha, aU, aO),
  };
}

/**
 * C1 — smoothed targets. The two conventions, `uniform` q = (1−α)·e_y + α/K and
 * `others` q_y = 1 − α, q_k = α/(K−1), give the stated targets (to a few EPS),
 * agree after α ↦ α·K/(K−1), and the Keras/TF.js binary rule t(1−α) + α/2 is
 * `uniform` with K = 2. At α = 0.1 the source text's examples are pinned as
 * literal checks. Theory: [docs/theory/C1.smoothed-targets.md](../../../../../docs/theory/C1.smoothed-targets.md).
 *
 * Parameters: α ∈ [0, (K−1)/K], K an integer in [2, 10⁴]; missing keys take the defaults.
 * Checks every label y ∈ [0, K).
 *
 * @throws LslabError `E_OPTION` for an unknown parameter, `E_RANGE` for K or α
 *   outside their domain (the message names `C1.smoothed-targets` and the parameter)
 * @example
 * c1SmoothedTargets.run({ alpha: 0.1, K: 3 }).checks[0];
 * // { name: 'others: true class = 1 − α', comparison: 'equal', expected: 0.9, measured: 0.9, tolerance: 8.881784197001252e-16, holds: true }
 */
export const c1SmoothedTargets: Claim<C1SmoothedTargetsParams> = {
  id: ID,
  title: 'Smoothed targets in both conventions',
  statement:
    'Label smoothing replaces e_y by $q = (1-\\alpha)e_y + \\alpha/K$ (uniform) or $q_y = 1-\\alpha,\\ q_{k\\ne y} = \\alpha/(K-1)$ (others), and $\\mathrm{others}(\\alpha) = \\mathrm{uniform}(\\alpha K/(K-1))$.',
  defaults: DEFAULTS,
  paramSchema: SCHEMA,
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
