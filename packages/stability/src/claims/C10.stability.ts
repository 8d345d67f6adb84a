import {
  type Claim,
  type ClaimCheck,
  type ClaimProgressListener,
  type ClaimResult,
  check,
  claimProgress,
} from '@lslab/core';
import { type ClaimParamSchema, checkClaimParams } from '@lslab/core/validate';
import { binaryLossLipschitz } from '../binaryLossLipschitz.js';
import { bousquetElisseeffBound } from '../bousquetElisseeffBound.js';
import {
  type StabilityCell,
  type StabilitySweepResult,
  stabilitySweep,
} from '../stabilitySweep.js';

/** Parameters of {@link c10Stability}. */
export type C10StabilityParams = {
  /** The smoothing α ∈ [0, 1] singled out (added to the grid 0, 0.1, …, 1). */
  alpha: number;
  /** K in [2, 16] (K = 2: logistic regression). */
  K: number;
  /** λ of (λ/2)‖W‖², in [1e-3, 1e3] (outside it ΔW under- or overflows its ratios; below λ ≈ 0.01 the 1/n law has not settled by n = 3200). */
  lambda: number;
  /** Rows flipped per cell, in [1, 50]. */
  flips: number;
  /** Seed of the data. */
  seed: number;
};

const ID = 'C10.stability';
const EPS = Number.EPSILON;
const NS = [50, 100, 200, 400, 800, 1600, 3200];
const GRID = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];
const DIM = 4;

const DEFAULTS: C10StabilityParams = { alpha: 0.1, K: 3, lambda: 1, flips: 4, seed: 0 };
/**
 * The domains of the parameters; the page moves λ in [0.01, 10] and up to 10
 * flips. λ is bounded: at λ = 1e308 every ΔW underflows to 0 and ΔW(α)/ΔW(0)
 * is 0/0; at λ = 5e-324 the bound's slack divides by λ to ∞.
 */
const SCHEMA: ClaimParamSchema = {
  alpha: { kind: 'number', label: 'α', min: 0, max: 1 },
  K: { kind: 'integer', label: 'K', min: 2, max: 16 },
  lambda: { kind: 'number', label: 'λ', min: 1e-3, max: 1e3, control: { min: 0.01, max: 10 } },
  flips: { kind: 'integer', label: 'flips', min: 1, max: 50, control: { max: 10 } },
  seed: { kind: 'seed', label: 'seed', control: { max: 1000 } },
};

/** The charted tables of the sweep's rows (slopes only once the sweep is done). */
function sweepSeries(s: {
  summary: StabilitySweepResult['summary'];
  cells: readonly StabilityCell[];
  slopes?: StabilitySweepResult['slopes'];
}): Record<string, object[]> {
  return {
    stabilityVsN: s.summary.map((r) => ({ n: r.n, alpha: r.alpha, deltaW: r.deltaW })),
    cells: s.cells.map((c) => ({
      n: c.n,
      alpha: c.alpha,
      index: c.index,
      deltaW: c.deltaW,
      bound: c.bound,
      lowerBound: c.lowerBound,
    })),
    slopes: s.slopes ?? [],
    ratio: s.summary.map((r) => ({
      n: r.n,
      alpha: r.alpha,
      ratio: r.ratio,
      expected: r.expectedRatio,
    })),
    factors: GRID.map((a) => ({
      alpha: a,
      labelFlip: 1 - a,
      bousquetElisseeff: (1 - a / 2) ** 2,
    })),
  };
}

function run(given: C10StabilityParams, onProgress?: ClaimProgressListener): ClaimResult {
  // the door: unknown keys are rejected (E_OPTION, naming the parameter), missing ones default
  const { alpha, K, lambda, flips, seed } = checkClaimParams(ID, DEFAULTS, given, SCHEMA);
  const alphas = [...new Set([...GRID, alpha])].sort((a, b) => a - b);
  // one unit per (n, α) pair fitted; α = 0 is in the grid
  const step = claimProgress(ID, onProgress, NS.length * alphas.length);
  const s = stabilitySweep({
    ns: NS,
    alphas,
    lambda,
    dim: DIM,
    numClasses: K,
    flips,
    seed,
    // the tables are only built for a listener
    onProgress:
      onProgress === undefined
        ? undefined
        : (p) => step(`n = ${p.n}, α = ${p.alpha}`, sweepSeries(p)),
  });
  const checks: ClaimCheck[] = [];
  let upper = 0;
  let upperSlack = 0;
  let lower = Infinity;
  let lowerSlack = 0;
  let atOne = 0;
  for (const c of s.cells) {
    if (c.alpha === 1) atOne = Math.max(atOne, c.deltaW);
    if (c.bound === 0) continue;
    upper = Math.max(upper, c.deltaW / c.bound);
    upperSlack = Math.max(upperSlack, c.solverError / c.bound);
    lower = Math.min(lower, c.deltaW / c.lowerBound);
    lowerSlack = Math.max(lowerSlack, c.solverError / c.lowerBound);
  }
  // tolerance: Newton stops at ‖∇F‖ ≤ 1e-12, so each fit is within ‖∇F‖/λ of its minimiser
  // (λ-strong convexity); the sum for the two fits, relative to the bound, is the slack
  checks.push(
    check('ΔW ≤ ‖Δq‖‖x_i‖/(λn) in every cell (largest ΔW/bound)', 1, upper, upperSlack, 'atMost'),
    check(
      'ΔW ≥ ‖Δq‖‖x_i‖/(n(λ + L_n)) in every cell (smallest ΔW/lower bound)',
      1,
      lower,
      lowerSlack,
      'atLeast',
    ),
  );
  // slope: the law is ΔW ∝ 1/n once H = λI + (1/n)Σ C_i ⊗ x_ix_iᵀ has settled; at n = 50 it
  // still moves by O(1/√n), which tilts a 7-point fit over 1.8 decades by a few hundredths;
  // ±0.1 is the tolerance
  for (const { alpha: a, slope } of s.slopes) {
    if (a === alpha || a === 0 || a === 0.5 || a === 0.9) {
      checks.push(check(`log–log slope of ΔW in n at α = ${a}`, -1, slope, 0.1));
    }
  }
  const nMax = NS[NS.length - 1];
  const row = s.summary.find((r) => r.n === nMax && r.alpha === alpha);
  const curv = s.curvature.find((c) => c.n === nMax)?.curvature ?? Number.NaN;
  const band = (1 - alpha) * (curv / lambda);
  // the ratio is (1 − α)·‖H̄_α⁻¹g‖/‖H̄_0⁻¹g‖ with λ ≤ H̄ ≤ λ + L_n for both averaged Hessians, so
  // it lies within (1 − α)·[1/(1 + L/λ), 1 + L/λ]: the tolerance is (1 − α)L/λ (the wider side)
  checks.push(
    check(`ΔW(α)/ΔW(0) at n = ${nMax} tracks 1 − α`, 1 - alpha, row?.ratio ?? Number.NaN, band),
  );
  checks.push(check('ΔW = 0 at α = 1 (every n, every flipped row)', 0, atOne, 0));
  // both factors are ratios of closed forms: a few roundings each, 4ε
  const flipFactor = bound(s, alpha) / bound(s, 0);
  checks.push(check('label-flip bound scales by 1 − α', 1 - alpha, flipFactor, 4 * EPS));
  const be =
    bousquetElisseeffBound(binaryLossLipschitz(alpha), 1, lambda, nMax) /
    bousquetElisseeffBound(binaryLossLipschitz(0), 1, lambda, nMax);
  checks.push(
    check(
      'Bousquet–Elisseeff bound scales by (1 − α/2)² (binary)',
      (1 - alpha / 2) ** 2,
      be,
      4 * EPS,
    ),
  );
  let worst = 0;
  for (const r of s.summary)
    if (r.alpha > 0 && r.alpha < 1)
      worst = Math.max(worst, Math.abs(r.ratio / r.expectedRatio - 1));
  return {
    checks,
    series: sweepSeries(s),
    notes: [
      `Nested training sets n = ${NS.join(', ')} of softmax data (d = ${DIM}, K = ${K}), rows 0–${flips - 1} flipped to the next class, λ = ${lambda}; ${s.cells.length} flips, each solved twice by Newton.`,
      `Largest ΔW/bound ${upper.toFixed(4)}; smallest ΔW/lower bound ${lower.toFixed(4)}.`,
      `The ratio ΔW(α)/ΔW(0) departs from 1 − α by at most ${(100 * worst).toFixed(2)} % (relative) over the grid; the curvature argument allows ±${(100 * (curv / lambda)).toFixed(0)} % at n = ${nMax}. It is not exact because the Hessian at the solution moves with α (the fitted probabilities move toward uniform).`,
      `The classic uniform-stability bound shrinks by (1 − α/2)² = ${((1 - alpha / 2) ** 2).toFixed(4)} at α = ${alpha}; the label-flip bound by 1 − α = ${(1 - alpha).toFixed(4)}.`,
    ],
  };
}

/** Sum of the label-flip bounds of the cells at α (the same rows at every α). */
function bound(s: ReturnType<typeof stabilitySweep>, a: number): number {
  let b = 0;
  for (const c of s.cells) if (c.alpha === a && c.n === NS[NS.length - 1]) b += c.bound;
  return b;
}

/**
 * C10 — label smoothing makes L2-regularised ERM more stable to a flipped
 * label, by the factor 1 − α: ‖ΔW‖_F ≤ ‖Δq‖‖x_i‖/(λn) with ‖Δq‖ = (1 − α)√2.
 * Checked on nested training sets n = 50 … 3200 × α = 0, 0.1, …, 1: the bound
 * holds in every cell, ΔW falls like 1/n, ΔW(α)/ΔW(0) stays near 1 − α (not
 * exactly: the Hessian moves with α), ΔW = 0 at α = 1; the classic
 * Bousquet–Elisseeff bound shrinks only by (1 − α/2)².
 * Theory: docs/theory/C10.stability.md; test: test/claims/C10.stability.test.ts.
 *
 * @see [C10.stability.md](../../../../docs/theory/C10.stability.md): the derivation
 * @example
 * c10Stability.run(c10Stability.defaults).checks.every((c) => c.holds); // true
 */
export const c10Stability: Claim<C10StabilityParams> = {
  id: ID,
  title: 'Smoothing makes regularised ERM more stable to a flipped label, by 1 − α',
  statement:
    'Flipping label $i$ moves the minimiser of $\\frac1n\\sum_i \\ell + \\frac\\lambda2\\lVert W\\rVert^2$ by $\\lVert\\Delta W\\rVert_F \\le \\frac{(1-\\alpha)\\sqrt2\\,\\lVert x_i\\rVert}{\\lambda n}$.',
  defaults: DEFAULTS,
  paramSchema: SCHEMA,
  formulas: {
    'ΔW ≤ ‖Δq‖‖x_i‖/(λn) in every cell (largest ΔW/bound)': '1',
    'ΔW ≥ ‖Δq‖‖x_i‖/(n(λ + L_n)) in every cell (smallest ΔW/lower bound)': '1',
    'ΔW(α)/ΔW(0) at n = 3200 tracks 1 − α': '1 - alpha',
    'ΔW = 0 at α = 1 (every n, every flipped row)': '0',
    'label-flip bound scales by 1 − α': '1 - alpha',
    'Bousquet–Elisseeff bound scales by (1 − α/2)² (binary)': '(1 - alpha / 2)^2',
  },
  run,
};
