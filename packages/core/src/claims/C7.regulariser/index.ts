import { type Claim, type ClaimCheck, type ClaimResult, check } from '../../claim.js';
import { checkClaimParams } from '../../validate/checkClaimParams.js';
import type { ClaimParamSchema } from '../../validate/claimParamSchema.js';
import { differenceError } from '../differences.js';
import { SEEDED_TRIALS, type SeededTrials, seededTrials } from '../params.js';
import { EPS, sumRounding } from '../tolerances.js';
import { FAR, starvedPath } from './paths.js';
import { measure, SPREAD } from './trials.js';

/** Parameters of {@link c7Regulariser}. */
export type C7RegulariserParams = SeededTrials & {
  /** Smoothing α ∈ [0, 1]. */
  alpha: number;
  /** Number of classes K, an integer in [2, 10⁴] (with K = 2 the `others` reference is one class). */
  K: number;
  /** Weight β ∈ [0, 100] of the confidence penalty CE − β·H(p). */
  beta: number;
};

const ID = 'C7.regulariser';
const DEFAULTS: C7RegulariserParams = { alpha: 0.1, K: 5, beta: 0.1, seed: 7, trials: 24 };
/** The domains of α, K and β (the page moves K up to 100 and β up to 2). */
const SCHEMA: ClaimParamSchema = {
  alpha: { kind: 'number', label: 'α', min: 0, max: 1 },
  K: { kind: 'integer', label: 'K', min: 2, max: 10_000, control: { max: 100 } },
  beta: { kind: 'number', label: 'β', min: 0, max: 100, control: { max: 2 } },
  ...SEEDED_TRIALS,
};

function run(params: C7RegulariserParams): ClaimResult {
  const p = checkClaimParams(ID, DEFAULTS, params, SCHEMA);
  const { alpha, K, beta } = p;
  const { trials, rng } = seededTrials(ID, p);
  const lnK = Math.log(K);
  const w = measure(K, alpha, beta, trials, rng);
  const path = starvedPath(K);
  for (const v of path.klPU) w.klPU.add(v);
  // log-probabilities of size ≤ 2·SPREAD + ln K: K-term sums err by ≤ 8·K·EPS·(1 + 2·SPREAD + ln K)
  const tol = sumRounding(K, 1 + 2 * SPREAD + lnK, 8);
  // mean log-probability along the path: |log p_k| ≤ ln K + 1 for k ≠ 1, FAR + ln K for k = 1
  const farTol = sumRounding(K, 2 + lnK + FAR / K, 4);
  // the penalty loss is CE − β·H, K-term sums of size ≤ (1 + β)·(1 + 2·SPREAD + ln K);
  // its third derivative along a unit d is ≤ 2 for LSE and ≤ 24·(1 + SPREAD) for Σ p_k z_k
  const gradTol = differenceError(
    sumRounding(K, (1 + beta) * (1 + 2 * SPREAD + lnK), 2),
    2 * Math.abs(1 - beta) + 24 * beta * (1 + SPREAD),
  );
  const checks: ClaimCheck[] = [
    check('uniform: L_LS = (1 − α)·CE + α·[KL(u‖p) + ln K] (max |Δ|)', 0, w.decU.value, tol),
    check('others: L_LS = (1 − α)·CE + α·[KL(v‖p) + ln(K − 1)] (max |Δ|)', 0, w.decO.value, tol),
    check(
      'smoothingDecomposition: total = fused kernel L_LS, both conventions (max |Δ|)',
      0,
      w.decTotal.value,
      tol,
    ),
    check(
      'smoothingDecomposition: CE and KL terms = log-softmax terms (max |Δ|)',
      0,
      w.decTerms.value,
      tol,
    ),
    // ln K and ln(K − 1) are one rounding each: EPS/2 relative
    check(
      'smoothingDecomposition: constant H(u) = ln K (largest seen)',
      lnK,
      w.entropyU.value,
      EPS * lnK,
    ),
    check(
      'smoothingDecomposition: constant H(v) = ln(K − 1) (largest seen)',
      Math.log(K - 1),
      w.entropyO.value,
      EPS * lnK,
    ),
    check('uniform: L_LS − CE = α(z_y − mean z) (max |Δ|)', 0, w.shiftU.value, tol),
    check('others: L_LS − CE = α(z_y − mean of wrong z) (max |Δ|)', 0, w.shiftO.value, tol),
    check(
      'confidence penalty: CE − β·H(p) = CE + β·KL(p‖u) − β ln K (max |Δ|)',
      0,
      w.penalty.value,
      (1 + beta) * tol,
    ),
    check(
      'confidence penalty: derivative along random d = central differences (max |Δ|)',
      0,
      w.penaltyGrad.value,
      gradTol,
    ),
    check(
      'confidence penalty: KL(p‖u) from the penalty, largest seen (bound ln K)',
      lnK,
      w.klPU.value,
      tol,
      'atMost',
    ),
    // at z_y = FAR, H(p) ≤ (K − 1)·e^{−FAR}·(FAR + 1): the bound is reached up to that
    check(
      'confidence penalty: KL(p‖u) near the vertex z_y = 40 → ln K',
      lnK,
      path.vertex,
      tol + (K - 1) * Math.exp(-FAR) * (FAR + 1),
    ),
    check(
      'KL(u‖p) at z_1 = −40, other logits 0',
      FAR / K + Math.log1p((Math.exp(-FAR) - 1) / K), // −ln K + ln(K − 1 + e^{−40}) without cancellation
      path.far,
      farTol,
    ),
    // the exact slope differs from 1/K by e^{−40}/(K − 1), below EPS
    check('KL(u‖p) grows by 1/K per unit of −z_1 (unbounded)', 1 / K, path.slope, 2 * farTol + EPS),
  ];
  return {
    checks,
    series: { divergences: path.rows },
    notes: [
      `The seed writes L_LS = (1 − α)·CE + α·KL(u‖p) without the constant α ln K = ${+(alpha * lnK).toPrecision(6)}; the constant changes no gradient.`,
      `Along z_1 → −${FAR}, KL(p‖u) stays below ln K = ${+lnK.toPrecision(6)} while KL(u‖p) grows linearly, by 1/K per unit.`,
    ],
  };
}

/**
 * C7 — label smoothing is a regulariser in disguise: with `uniform` smoothing
 * L_LS = (1 − α)·CE + α·[KL(u‖p) + ln K] exactly, i.e. L_LS − CE = α(z_y −
 * mean z); with `others` the same holds with v uniform on the K − 1 wrong
 * classes and ln(K − 1). Unlike the confidence penalty CE − β·H(p) =
 * CE + β·KL(p‖u) − β ln K, whose KL is at most ln K, KL(u‖p) is unbounded as
 * any p_k → 0. Theory:
 * [docs/theory/C7.regulariser.md](../../../../../docs/theory/C7.regulariser.md).
 *
 * Parameters: α ∈ [0, 1], K an integer in [2, 10⁴], β ∈ [0, 100], seed an
 * integer in [0, 2^53), trials an integer in [1, 1000]; missing keys take the defaults.
 *
 * @throws LslabError `E_OPTION` for an unknown parameter, `E_RANGE` /
 *   `E_NOT_FINITE` for a value outside its domain (naming `C7.regulariser` and the parameter)
 * @example
 * c7Regulariser.run(c7Regulariser.defaults).checks[4].expected; // 1.6094379124341003 = ln 5
 */
export const c7Regulariser: Claim<C7RegulariserParams> = {
  id: ID,
  title: 'Label smoothing as a KL regulariser',
  statement:
    "With uniform smoothing $L_{LS} = (1-\\alpha)\\,\\mathrm{CE} + \\alpha\\,[\\mathrm{KL}(u\\,\\|\\,p) + \\ln K]$, so $L_{LS} - \\mathrm{CE} = \\alpha(z_y - \\bar z)$; $\\mathrm{KL}(u\\,\\|\\,p)$ is unbounded while the confidence penalty's $\\mathrm{KL}(p\\,\\|\\,u) \\le \\ln K$.",
  defaults: DEFAULTS,
  paramSchema: SCHEMA,
  formulas: {
    'smoothingDecomposition: constant H(u) = ln K (largest seen)': 'log(K)',
    'smoothingDecomposition: constant H(v) = ln(K − 1) (largest seen)': 'log(K - 1)',
    'confidence penalty: KL(p‖u) near the vertex z_y = 40 → ln K': 'log(K)',
    'KL(u‖p) at z_1 = −40, other logits 0': '40 / K + log1p((exp(-40) - 1) / K)',
    'KL(u‖p) grows by 1/K per unit of −z_1 (unbounded)': '1 / K',
  },
  run,
};
