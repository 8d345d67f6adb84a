import { type Claim, type ClaimCheck, type ClaimResult, check } from '../claim.js';
import { createRng } from '../random/rng.js';
import { smoothLabels } from '../smoothLabels.js';
import { softmax } from '../softmax.js';
import { checkSeed } from '../validate/checkSeed.js';
import { randomVector } from './internal/randomInputs.js';
import { crossover, grad, SATURATED, towardsOneHot } from './internal/rhythm.js';
import { logOf, maxAbsDiff, norm, oneHot, worse } from './internal/vectors.js';

/** Parameters of {@link trainingRhythmClaim}. */
export type TrainingRhythmParams = {
  /** Smoothing α ∈ (0, 1). */
  alpha: number;
  /** Number of classes K ≥ 2. */
  K: number;
  /** The confident point: p_y = py, the rest (1 − py)/(K − 1) each; py ∈ (1/K, 1). */
  py: number;
  /** Seed of the random logits. */
  seed: number;
  /** Number of random logit vectors, ≥ 1. */
  trials: number;
};

const Y = 0; // the true class, as in the helpers

function run({ alpha, K, py, seed, trials }: TrainingRhythmParams): ClaimResult {
  const eMinusU = oneHot(K, Y).map((v) => alpha * (v - 1 / K));
  const rng = createRng(checkSeed('C9.training-rhythm', 'seed', seed));
  let shift = 0;
  let normIdentity = 0;
  let shiftO = 0;
  let normIdentityO = 0;
  const eMinusV = oneHot(K, Y).map((v, i) => alpha * (i === Y ? v : -1 / (K - 1)));
  for (let t = 0; t < trials; t++) {
    const z = randomVector(rng, K, -5, 5);
    const ce = grad(z, 0, 'uniform');
    const ls = grad(z, alpha, 'uniform');
    shift = worse(
      shift,
      maxAbsDiff(
        ls.map((v, i) => v - ce[i]),
        eMinusU,
      ),
    );
    const p = softmax(z);
    const predicted = -2 * alpha * (1 - p[Y]) + (alpha * alpha * (K - 1)) / K;
    normIdentity = worse(normIdentity, Math.abs(norm(ls) ** 2 - norm(ce) ** 2 - predicted));
    // others: the same with v (uniform on the wrong classes) and the factor K/(K − 1)
    const lo = grad(z, alpha, 'others');
    shiftO = worse(
      shiftO,
      maxAbsDiff(
        lo.map((v, i) => v - ce[i]),
        eMinusV,
      ),
    );
    const r = K / (K - 1);
    const predictedO = -2 * alpha * (1 - p[Y]) * r + alpha * alpha * r;
    normIdentityO = worse(normIdentityO, Math.abs(norm(lo) ** 2 - norm(ce) ** 2 - predictedO));
  }
  const zu = new Float64Array(K);
  const ceU = grad(zu, 0, 'uniform');
  const atU = maxAbsDiff(
    grad(zu, alpha, 'uniform'),
    ceU.map((v) => (1 - alpha) * v),
  );
  const zSat = new Float64Array(K);
  zSat[Y] = SATURATED;
  const satU = grad(zSat, alpha, 'uniform');
  const zc = towardsOneHot(K, py);
  const qU = smoothLabels([Y], K, alpha).data;
  const qO = smoothLabels([Y], K, alpha, { convention: 'others' }).data;
  const tol = 1e-14;
  // a K-vector whose entries each carry a few EPS of rounding has a norm of order EPS·√K
  const vecTol = 8 * Number.EPSILON * Math.sqrt(K);
  const checks: ClaimCheck[] = [
    check('uniform: ∇_LS − ∇_CE = α(e_y − u) (max |Δ|)', 0, shift, 1e-15),
    check('uniform: ∇_LS = (1 − α)∇_CE at p = u (max |Δ|)', 0, atU, 1e-15),
    check(
      'uniform: ‖∇_LS‖² − ‖∇_CE‖² = −2α(1 − p_y) + α²(K − 1)/K (max |Δ|)',
      0,
      normIdentity,
      tol,
    ),
    check('others: ∇_LS − ∇_CE = α(e_y − v) (max |Δ|)', 0, shiftO, 1e-15),
    check(
      'others: ‖∇_LS‖² − ‖∇_CE‖² = −2α(1 − p_y)K/(K − 1) + α²K/(K − 1) (max |Δ|)',
      0,
      normIdentityO,
      tol,
    ),
    check(
      'uniform: crossover p_y',
      1 - (alpha * (K - 1)) / (2 * K),
      crossover(K, alpha, 'uniform'),
      1e-12,
    ),
    check('others: crossover p_y', 1 - alpha / 2, crossover(K, alpha, 'others'), 1e-12),
    check('hard labels: ‖∇_CE‖ at p = u', Math.sqrt((K - 1) / K), norm(ceU), tol),
    check(
      'others: ‖∇_LS‖ at p = u',
      Math.sqrt((1 - alpha - 1 / K) ** 2 + (K - 1) * (alpha / (K - 1) - 1 / K) ** 2),
      norm(grad(zu, alpha, 'others')),
      tol,
    ),
    check(
      'hard labels: ‖∇_CE‖ at p_y = py',
      Math.sqrt((1 - py) ** 2 + (1 - py) ** 2 / (K - 1)),
      norm(grad(zc, 0, 'others')),
      tol,
    ),
    check(
      'others: ‖∇_LS‖ at p_y = py',
      Math.sqrt((py - 1 + alpha) ** 2 + (1 - py - alpha) ** 2 / (K - 1)),
      norm(grad(zc, alpha, 'others')),
      tol,
    ),
    check('uniform: ∇_LS → α(e_y − u) as p → e_y (max |Δ|)', 0, maxAbsDiff(satU, eMinusU), 1e-15),
    check('uniform: ‖∇_LS‖ at saturation', alpha * Math.sqrt((K - 1) / K), norm(satU), tol),
    check(
      'others: ‖∇_LS‖ at saturation',
      alpha * Math.sqrt(K / (K - 1)),
      norm(grad(zSat, alpha, 'others')),
      tol,
    ),
    check('hard labels: ‖∇_CE‖ at saturation', 0, norm(grad(zSat, 0, 'uniform')), 1e-15),
    check('uniform: ‖∇_LS‖ vanishes at p = q', 0, norm(grad(logOf(qU), alpha, 'uniform')), vecTol),
    check('others: ‖∇_LS‖ vanishes at p = q', 0, norm(grad(logOf(qO), alpha, 'others')), vecTol),
  ];
  const norms: object[] = [];
  const steps = 80;
  for (let i = 0; i <= steps; i++) {
    // p_y from 1/K towards 1, denser near 1 where the curves part
    const w = 1 - (1 - i / steps) ** 2;
    const p = 1 / K + (1 - 1e-4 - 1 / K) * w;
    const z = towardsOneHot(K, p);
    norms.push({ py: p, gradient: 'hard labels', norm: norm(grad(z, 0, 'uniform')) });
    for (const convention of ['uniform', 'others'] as const)
      norms.push({
        py: p,
        gradient: `smoothed (${convention})`,
        norm: norm(grad(z, alpha, convention)),
      });
  }
  return {
    checks,
    series: { norms },
    notes: [
      'Worked example (others, K = 5, α = 0.1): ‖∇_LS‖ = 0.7826 vs ‖∇_CE‖ = 0.8944 at p = u; 0.1006 vs 0.01118 at p = (0.99, 0.0025 × 4).',
      'Along the path the smoothed gradient is the smaller one until the crossover, then the larger: it keeps a restoring force α(e_y − u) where the hard-label gradient dies out.',
    ],
  };
}

/**
 * C9 — training rhythm. With `uniform` smoothing ∇_LS = ∇_CE + α(e_y − u), so
 * at p = u it is (1 − α)∇_CE, and ‖∇_LS‖² = ‖∇_CE‖² − 2α(1 − p_y) + α²(K − 1)/K:
 * smaller early, larger after p_y = 1 − α(K − 1)/(2K), and a restoring force
 * α(e_y − u) at saturation that vanishes only at p = q. `others` is the same
 * with α·K/(K − 1) (crossover 1 − α/2).
 *
 * @example
 * trainingRhythmClaim.run(trainingRhythmClaim.defaults).checks[8].measured; // 0.7826237921249264
 */
export const trainingRhythmClaim: Claim<TrainingRhythmParams> = {
  id: 'C9.training-rhythm',
  title: 'Training rhythm: smaller gradients early, a restoring force late',
  statement:
    'With uniform smoothing $\\nabla_{LS} = \\nabla_{CE} + \\alpha(e_y - u)$, so $\\|\\nabla_{LS}\\|^2 = \\|\\nabla_{CE}\\|^2 - 2\\alpha(1-p_y) + \\alpha^2 (K-1)/K$.',
  defaults: { alpha: 0.1, K: 5, py: 0.99, seed: 9, trials: 24 },
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
