import { type Claim, type ClaimResult, check } from '../../claim.js';
import { smoothLabels } from '../../smoothLabels.js';
import { checkClaimParams } from '../../validate/checkClaimParams.js';
import type { ClaimParamSchema } from '../../validate/claimParamSchema.js';
import { SEEDED_TRIALS, type SeededTrials, seededTrials } from '../params.js';
import { EPS } from '../tolerances.js';
import { logOf, maxAbsDiff, norm, oneHot } from '../vectors.js';
import { rhythmNotes, workedExample } from './example.js';
import { crossover, grad, normSeries, normTol, saturated, towardsOneHot } from './rhythm.js';
import { measure, SPREAD } from './trials.js';

/** Parameters of {@link c9TrainingRhythm}. */
export type C9TrainingRhythmParams = SeededTrials & {
  /** Smoothing α ∈ (10⁻⁹, 1): α = 0 is hard labels, α = 1 leaves `others` no mass on y; below 10⁻⁹ the shift α(e_y − u) is under the gradient checks' rounding. */
  alpha: number;
  /** Number of classes K, an integer in [2, 10⁵]. */
  K: number;
  /** The confident point: p_y = py, the rest (1 − py)/(K − 1) each; py ∈ (1/K, 1). */
  py: number;
};

const ID = 'C9.training-rhythm';
const DEFAULTS: C9TrainingRhythmParams = { alpha: 0.1, K: 5, py: 0.99, seed: 9, trials: 24 };
const Y = 0; // the true class, as in the helpers
/** The domains of α, K and p_y (p_y's lower bound is 1/K); the page moves K up to 100. */
const SCHEMA: ClaimParamSchema = {
  alpha: {
    kind: 'open',
    label: 'α',
    min: 1e-9,
    max: 1,
    why: 'α = 0 is hard labels (below 1e-9 the shift is under the checks’ rounding); α = 1 leaves no mass on y',
    control: { min: 0.01, max: 0.99 },
  },
  K: { kind: 'integer', label: 'K', min: 2, max: 100_000, control: { max: 100 } },
  py: { kind: 'open', label: 'p_y', min: (p) => 1 / (p.K as number), max: 1 },
  ...SEEDED_TRIALS,
};

function run(params: C9TrainingRhythmParams): ClaimResult {
  const p0 = checkClaimParams(ID, DEFAULTS, params, SCHEMA);
  const { alpha, K, py } = p0;
  const { trials, rng } = seededTrials(ID, p0);
  const eMinusU = oneHot(K, Y).map((v) => alpha * (v - 1 / K));
  const eMinusV = oneHot(K, Y).map((v, i) => alpha * (i === Y ? v : -1 / (K - 1)));
  const w = measure(K, alpha, trials, rng, eMinusU, eMinusV);
  const r = K / (K - 1);
  const zu = new Float64Array(K);
  const ceU = grad(zu, 0, 'uniform');
  const atU = maxAbsDiff(
    grad(zu, alpha, 'uniform'),
    ceU.map((v) => (1 - alpha) * v),
  );
  const sat = saturated(K);
  const satU = grad(sat.z, alpha, 'uniform');
  const zc = towardsOneHot(K, py);
  const qU = smoothLabels([Y], K, alpha).data;
  const qO = smoothLabels([Y], K, alpha, { convention: 'others' }).data;
  // (p − q) − (p − e_y) against α(e_y − u): ≤ 6 roundings of numbers ≤ 1, 6·EPS/2 < 4·EPS
  const entryTol = 4 * EPS;
  // squared norms of K-vectors of size ≤ √2 with p from logits in [−5, 5]: 4·normTol
  const identityTol = 4 * normTol(K, 2 * SPREAD + Math.log(K));
  // along the path from u to e_y the smallest p_k is ≥ (1 − py)/(K − 1) or α/(2K) at the crossover
  const tolU = normTol(K, Math.log(K));
  const tolPy = normTol(K, Math.log((K - 1) / (1 - py)));
  const tolQ = normTol(K, Math.log((2 * K) / alpha));
  // at saturation the distance to the limit is ‖p − e_y‖ = r·√(K/(K − 1)) exactly (∇_LS − α(e_y − u) = ∇_CE)
  const satGap = sat.r * Math.sqrt(r);
  const satTol = normTol(K, 40 + Math.log(K));
  const checks = [
    check('uniform: ∇_LS − ∇_CE = α(e_y − u) (max |Δ|)', 0, w.shift.value, entryTol),
    check('uniform: ∇_LS = (1 − α)∇_CE at p = u (max |Δ|)', 0, atU, entryTol),
    check(
      'uniform: ‖∇_LS‖² − ‖∇_CE‖² = −2α(1 − p_y) + α²(K − 1)/K (max |Δ|)',
      0,
      w.identity.value,
      identityTol,
    ),
    check('others: ∇_LS − ∇_CE = α(e_y − v) (max |Δ|)', 0, w.shiftO.value, entryTol),
    check(
      'others: ‖∇_LS‖² − ‖∇_CE‖² = −2α(1 − p_y)K/(K − 1) + α²K/(K − 1) (max |Δ|)',
      0,
      w.identityO.value,
      identityTol,
    ),
    // a root of ‖∇_LS‖ − ‖∇_CE‖, whose slope in p_y is ≥ 2: the noise of two norms over 2
    check(
      'uniform: crossover p_y',
      1 - (alpha * (K - 1)) / (2 * K),
      crossover(K, alpha, 'uniform'),
      tolQ + 2 * EPS,
    ),
    check('others: crossover p_y', 1 - alpha / 2, crossover(K, alpha, 'others'), tolQ + 2 * EPS),
    check('hard labels: ‖∇_CE‖ at p = u', Math.sqrt((K - 1) / K), norm(ceU), tolU),
    check(
      'others: ‖∇_LS‖ at p = u',
      Math.sqrt((1 - alpha - 1 / K) ** 2 + (K - 1) * (alpha / (K - 1) - 1 / K) ** 2),
      norm(grad(zu, alpha, 'others')),
      tolU,
    ),
    check(
      'hard labels: ‖∇_CE‖ at p_y = py',
      Math.sqrt((1 - py) ** 2 + (1 - py) ** 2 / (K - 1)),
      norm(grad(zc, 0, 'others')),
      tolPy,
    ),
    check(
      'others: ‖∇_LS‖ at p_y = py',
      Math.sqrt((py - 1 + alpha) ** 2 + (1 - py - alpha) ** 2 / (K - 1)),
      norm(grad(zc, alpha, 'others')),
      tolPy,
    ),
    check(
      'uniform: ∇_LS → α(e_y − u) as p → e_y (max |Δ|)',
      0,
      maxAbsDiff(satU, eMinusU),
      sat.r + entryTol,
    ),
    check(
      'uniform: ‖∇_LS‖ at saturation',
      alpha * Math.sqrt((K - 1) / K),
      norm(satU),
      satGap + satTol,
    ),
    check(
      'others: ‖∇_LS‖ at saturation',
      alpha * Math.sqrt(r),
      norm(grad(sat.z, alpha, 'others')),
      satGap + satTol,
    ),
    check('hard labels: ‖∇_CE‖ at saturation', 0, norm(grad(sat.z, 0, 'uniform')), satGap + satTol),
    check('uniform: ‖∇_LS‖ vanishes at p = q', 0, norm(grad(logOf(qU), alpha, 'uniform')), tolQ),
    check('others: ‖∇_LS‖ vanishes at p = q', 0, norm(grad(logOf(qO), alpha, 'others')), tolQ),
    ...workedExample(alpha, K, py, zu, zc),
  ];
  return {
    checks,
    series: { norms: normSeries(K, alpha) },
    notes: rhythmNotes(alpha, K, py, zu, zc),
  };
}

/**
 * C9 — training rhythm. With `uniform` smoothing ∇_LS = ∇_CE + α(e_y − u), so
 * at p = u it is (1 − α)∇_CE, and ‖∇_LS‖² = ‖∇_CE‖² − 2α(1 − p_y) + α²(K − 1)/K:
 * smaller early, larger after p_y = 1 − α(K − 1)/(2K), and a restoring force
 * α(e_y − u) at saturation that vanishes only at p = q. `others` is the same
 * with α·K/(K − 1) (crossover 1 − α/2). At K = 5, α = 0.1 the source text's
 * four norms are pinned as literal checks. Theory:
 * [docs/theory/C9.training-rhythm.md](../../../../../docs/theory/C9.training-rhythm.md).
 *
 * Parameters: α ∈ (0, 1), K an integer in [2, 10⁵], py ∈ (1/K, 1), seed an
 * integer in [0, 2^53), trials an integer in [1, 1000]; missing keys take the defaults.
 *
 * @throws LslabError `E_OPTION` for an unknown parameter, `E_RANGE` /
 *   `E_NOT_FINITE` for a value outside its domain (naming `C9.training-rhythm` and the parameter)
 * @example
 * c9TrainingRhythm.run(c9TrainingRhythm.defaults).checks[8].measured; // 0.7826237921249264
 */
export const c9TrainingRhythm: Claim<C9TrainingRhythmParams> = {
  id: ID,
  title: 'Training rhythm: smaller gradients early, a restoring force late',
  statement:
    'With uniform smoothing $\\nabla_{LS} = \\nabla_{CE} + \\alpha(e_y - u)$, so $\\|\\nabla_{LS}\\|^2 = \\|\\nabla_{CE}\\|^2 - 2\\alpha(1-p_y) + \\alpha^2 (K-1)/K$.',
  defaults: DEFAULTS,
  paramSchema: SCHEMA,
  formulas: {
    'uniform: crossover p_y': '1 - alpha * (K - 1) / (2 * K)',
    'others: crossover p_y': '1 - alpha / 2',
    'hard labels: ‖∇_CE‖ at p = u': 'sqrt((K - 1) / K)',
    'others: ‖∇_LS‖ at p = u':
      'sqrt((1 - alpha - 1 / K)^2 + (K - 1) * (alpha / (K - 1) - 1 / K)^2)',
    'hard labels: ‖∇_CE‖ at p_y = py': 'sqrt((1 - py)^2 + (1 - py)^2 / (K - 1))',
    'others: ‖∇_LS‖ at p_y = py': 'sqrt((py - 1 + alpha)^2 + (1 - py - alpha)^2 / (K - 1))',
    'uniform: ‖∇_LS‖ at saturation': 'alpha * sqrt((K - 1) / K)',
    'others: ‖∇_LS‖ at saturation': 'alpha * sqrt(K / (K - 1))',
  },
  run,
};
