import {
  type Claim,
  type ClaimCheck,
  type ClaimProgressListener,
  type ClaimResult,
  check,
  claimProgress,
  LslabError,
} from '@lslab/core';
import { type ClaimParamSchema, checkClaimParams } from '@lslab/core/validate';
import { meanInterval } from '../internal/interval.js';
import { collapse, DECAY } from './collapse.js';
import { freeLogitOptimum, unconstrainedOptimum } from './optimum.js';
import { L2, measureSplit, REAL_DATASETS, type SplitMeasure } from './realData.js';

/** Parameters of {@link c6OptimalMargin}. */
export type C6OptimalMarginParams = {
  /** Smoothing α ∈ (0, 1]. */
  alpha: number;
  /** K ∈ [2, 1000] of the free-logit optimum (the unconstrained features use min(K, 100), the collapse run min(K, 10)). */
  K: number;
  /** Data splits (seeds 0 … seeds − 1) per real data set, in [3, 30]. */
  seeds: number;
  /** Seed of the initial features. */
  seed: number;
};

const ID = 'C6.optimal-margin';
/** Largest K of the unconstrained-features run: its slowest direction has curvature ≈ α/K. */
const K_FEATURES = 100;
/** Largest K of the weight-decay run (2K samples, K features, ~10⁵ steps at K = 10). */
const K_COLLAPSE = 10;

const DEFAULTS: C6OptimalMarginParams = { alpha: 0.1, K: 10, seeds: 10, seed: 0 };
/** The domains of the parameters (α = 0 is refused in `run`); the page moves K up to 50. */
const SCHEMA: ClaimParamSchema = {
  alpha: { kind: 'number', label: 'α', min: 0, max: 1, control: { min: 0.01, max: 0.99 } },
  K: { kind: 'integer', label: 'K', min: 2, max: 1000, control: { max: 50 } },
  seeds: { kind: 'integer', label: 'splits', min: 3, max: 30, control: { max: 10 } },
  seed: { kind: 'seed', label: 'seed', control: { max: 1000 } },
};

function run(given: C6OptimalMarginParams, onProgress?: ClaimProgressListener): ClaimResult {
  // the door: unknown keys are rejected (E_OPTION, naming the parameter), missing ones default
  const { alpha, K, seeds, seed } = checkClaimParams(ID, DEFAULTS, given, SCHEMA);
  if (alpha === 0) {
    throw new LslabError('E_RANGE', ID, 'must be > 0: hard labels have no finite optimal gap', {
      argument: 'alpha',
      value: alpha,
    });
  }
  // one unit for the optima, one per data split (hard and smoothed fits), one for the collapse run
  const step = claimProgress(ID, onProgress, 2 + REAL_DATASETS.length * seeds);
  const checks: ClaimCheck[] = [];
  const optimum: object[] = [];
  const kf = Math.min(K, K_FEATURES);
  for (const convention of ['uniform', 'others'] as const) {
    const free = freeLogitOptimum(alpha, K, convention);
    const uf = unconstrainedOptimum(alpha, kf, convention, seed);
    // 1e-8: the target; the descent stops where |p − q| ≤ N·max(1e-14, 4Kε), which moves
    // a gap by at most |Δp|/(p_y(1 − p_y)) ≈ 1e-9 at α = 0.01, K = 1000
    checks.push(
      check(
        `${convention}: free logits reach ln(q_y/q_k) for every wrong class`,
        free.expected,
        free.measured,
        1e-8,
      ),
      check(
        `${convention}: unconstrained features reach ln(q_y/q_k) for every wrong class (K = min(K, 100))`,
        uf.expected,
        uf.measured,
        1e-8,
      ),
    );
    optimum.push(
      {
        model: 'free logits',
        convention,
        K,
        gap: free.measured,
        optimum: free.expected,
        steps: free.steps,
      },
      {
        model: 'unconstrained features',
        convention,
        K: kf,
        gap: uf.measured,
        optimum: uf.expected,
        steps: uf.steps,
      },
    );
  }
  const spreads: object[] = [];
  const projection: object[] = [];
  const gapQuantiles: object[] = [];
  const series = { optimum, spreads, projection, gapQuantiles };
  step('free logits and unconstrained features', series);
  const notes: string[] = [];
  for (const name of REAL_DATASETS) {
    const hard: SplitMeasure[] = [];
    const smooth: SplitMeasure[] = [];
    for (let s = 0; s < seeds; s++) {
      hard.push(measureSplit(name, s, 0));
      smooth.push(measureSplit(name, s, alpha));
      // the last split's unit ends with the data set's rows, below
      if (s < seeds - 1) step(`${name}, split ${s + 1} of ${seeds}`, series);
    }
    const diff = meanInterval(hard.map((h, i) => smooth[i].spread - h.spread));
    const rel = meanInterval(hard.map((h, i) => smooth[i].relativeSpread - h.relativeSpread));
    const sc = meanInterval(hard.map((h, i) => smooth[i].scatter - h.scatter));
    // paired over the splits: the upper end of the 95 % t-interval of the mean difference
    checks.push(
      check(
        `${name}: spread of gaps across wrong classes is smaller with smoothing (upper 95 % bound of smoothed − hard)`,
        0,
        diff.hi,
        0,
        'atMost',
      ),
    );
    let err = 0;
    let scale = 0;
    for (const m of [...hard, ...smooth]) {
      err = Math.max(err, m.projectionError);
      scale = Math.max(scale, m.scale);
    }
    // the plane keeps the differences exactly in real arithmetic; in floating point each side
    // is a (d + 1)-term dot product of values up to the largest difference: 1e-12 relative
    checks.push(
      check(
        `${name}: projection keeps the three pairwise logit differences`,
        0,
        err,
        1e-12 * Math.max(1, scale),
      ),
    );
    for (const [target, ms] of [
      ['hard labels', hard],
      [`smoothed α = ${alpha}`, smooth],
    ] as const) {
      const a = meanInterval(ms.map((m) => m.spread));
      const r = meanInterval(ms.map((m) => m.relativeSpread));
      const w = meanInterval(ms.map((m) => m.scatter));
      spreads.push({
        dataset: name,
        target,
        spread: a.mean,
        spreadLo: a.lo,
        spreadHi: a.hi,
        relativeSpread: r.mean,
        relativeLo: r.lo,
        relativeHi: r.hi,
        scatterRatio: w.mean,
        scatterLo: w.lo,
        scatterHi: w.hi,
      });
      const first = ms[0];
      const q = first.quantiles;
      for (const [statistic, values] of [
        ['minimum gap', q.min],
        ['mean gap', q.mean],
        ['gap variance', q.variance],
      ] as const)
        for (const [j, level] of q.levels.entries())
          gapQuantiles.push({ dataset: name, target, statistic, level, value: values[j] });
      for (let i = 0; i < first.points.rows; i++)
        projection.push({
          dataset: name,
          target,
          u: first.points.data[2 * i],
          v: first.points.data[2 * i + 1],
          label: first.labels[i],
        });
    }
    step(`${name}, split ${seeds} of ${seeds}`, series);
    notes.push(
      `${name} (softmax regression, λ = ${L2}, ${seeds} splits): spread of gaps smoothed − hard ${fmt(diff)}; scale-free spread (divided by the mean gap) ${fmt(rel)}; within/between scatter of the projection ${fmt(sc)}. Mean and 95 % t-interval over splits.`,
    );
  }
  const kc = Math.min(K, K_COLLAPSE);
  const nc = collapse(Math.max(kc, 3), seed);
  // stopped at max |∇| ≤ 1e-12: with curvature ≥ λ = 5e-3 along the directions that split the
  // wrong classes, the gaps sit within ‖∇‖/λ ≈ 1e-9 of equal; 1e-8 leaves a factor 10
  checks.push(
    check(
      'hard labels with weight decay: gaps equal across wrong classes (largest std, K = max(3, min(K, 10)))',
      0,
      nc.spread,
      1e-8,
    ),
  );
  notes.push(
    `Neural-collapse caveat: hard labels with weight decay λ = ${DECAY} on unconstrained features (K = ${Math.max(kc, 3)}) end with every wrong class at the same gap ${nc.gap.toFixed(4)} (largest spread ${nc.spread.toExponential(1)}, ${nc.steps} steps): equidistance alone does not single out label smoothing.`,
  );
  step('hard labels with weight decay', series);
  return { checks, series, notes };
}

function fmt(i: { mean: number; lo: number; hi: number }): string {
  return `${i.mean.toFixed(3)} [${i.lo.toFixed(3)}, ${i.hi.toFixed(3)}]`;
}

/**
 * C6 — the optimal margin and its geometry. At the smoothed optimum every wrong
 * class sits at the same gap z_y − z_k = ln(q_y/q_k) (`uniform`:
 * ln(1 + K(1−α)/α), ln 91 at K = 10, α = 0.1; `others`: ln((1−α)(K−1)/α)); free
 * logits and the unconstrained-features model reach it; softmax regressions on
 * penguins and seattle-weather show a smaller spread of gaps with smoothing;
 * the template projection keeps the pairwise logit differences; and hard
 * labels with weight decay also end equidistant (the neural-collapse caveat).
 * Theory: docs/theory/C6.optimal-margin.md; test: test/claims/C6.optimal-margin.test.ts.
 *
 * @see [C6.optimal-margin.md](../../../../../docs/theory/C6.optimal-margin.md): the derivation
 * @example
 * c6OptimalMargin.run(c6OptimalMargin.defaults).checks[0].measured; // 4.51085950651685 = ln 91, to 1e-8
 */
export const c6OptimalMargin: Claim<C6OptimalMarginParams> = {
  id: ID,
  title: 'Smoothing fixes the margin at ln(q_y/q_k), the same for every wrong class',
  statement:
    'At the optimum $z_y - z_k = \\ln(q_y/q_k)$ for every $k \\ne y$: $\\ln(1 + K(1-\\alpha)/\\alpha)$ (uniform), $\\ln((1-\\alpha)(K-1)/\\alpha)$ (others).',
  defaults: DEFAULTS,
  paramSchema: SCHEMA,
  formulas: {
    'uniform: free logits reach ln(q_y/q_k) for every wrong class':
      'log(1 + K * (1 - alpha) / alpha)',
    'others: free logits reach ln(q_y/q_k) for every wrong class':
      'log((1 - alpha) * (K - 1) / alpha)',
    'uniform: unconstrained features reach ln(q_y/q_k) for every wrong class (K = min(K, 100))':
      'log(1 + min(K, 100) * (1 - alpha) / alpha)',
    'others: unconstrained features reach ln(q_y/q_k) for every wrong class (K = min(K, 100))':
      'log((1 - alpha) * (min(K, 100) - 1) / alpha)',
    'hard labels with weight decay: gaps equal across wrong classes (largest std, K = max(3, min(K, 10)))':
      '0',
  },
  run,
};
