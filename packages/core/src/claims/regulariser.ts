import { type Claim, type ClaimCheck, type ClaimResult, check } from '../claim.js';
import { confidencePenalty } from '../confidencePenalty.js';
import type { Matrix } from '../matrix.js';
import { createRng } from '../random/rng.js';
import { smoothingDecomposition } from '../smoothingDecomposition.js';
import { softmaxCrossEntropy } from '../softmaxCrossEntropy.js';
import { checkSeed } from '../validate/checkSeed.js';
import { randomVector } from './internal/randomInputs.js';
import { penaltyByDifferences, rowTerms as terms } from './internal/rowTerms.js';
import { maxAbsDiff, worse } from './internal/vectors.js';

/** Parameters of {@link regulariserClaim}. */
export type RegulariserParams = {
  /** Smoothing α ∈ [0, 1]. */
  alpha: number;
  /** Number of classes K ≥ 3 (the `others` reference spreads over K − 1 ≥ 2 classes). */
  K: number;
  /** Weight β ≥ 0 of the confidence penalty CE − β·H(p). */
  beta: number;
  /** Seed of the random logits. */
  seed: number;
  /** Number of random logit vectors, ≥ 1. */
  trials: number;
};

const Y = 0;
const FAR = 40; // the far end of the path z_1 → −∞
const SPREAD = 6; // random logits in [−SPREAD, SPREAD]: log-probabilities within 2·SPREAD + ln K

function smoothed(z: Float64Array, alpha: number, convention: 'uniform' | 'others'): number {
  const m: Matrix = { rows: 1, cols: z.length, data: z };
  return softmaxCrossEntropy(m, [Y], { labelSmoothing: alpha, convention, reduction: 'sum' }).loss;
}

function run({ alpha, K, beta, seed, trials }: RegulariserParams): ClaimResult {
  const rng = createRng(checkSeed('C7.regulariser', 'seed', seed));
  let decU = 0;
  let decO = 0;
  let shiftU = 0;
  let shiftO = 0;
  let constU = Number.NaN;
  let constO = Number.NaN;
  let penalty = 0;
  let penaltyGrad = 0;
  let klPUmax = 0;
  let decTotal = 0;
  let decTerms = 0;
  for (let t = 0; t < trials; t++) {
    const z = randomVector(rng, K, -SPREAD, SPREAD);
    const s = terms(z);
    const lsU = smoothed(z, alpha, 'uniform');
    const lsO = smoothed(z, alpha, 'others');
    decU = worse(decU, Math.abs(lsU - ((1 - alpha) * s.ce + alpha * (s.klUP + Math.log(K)))));
    decO = worse(decO, Math.abs(lsO - ((1 - alpha) * s.ce + alpha * (s.klVP + Math.log(K - 1)))));
    shiftU = worse(shiftU, Math.abs(lsU - s.ce - alpha * (z[Y] - s.meanZ)));
    shiftO = worse(shiftO, Math.abs(lsO - s.ce - alpha * (z[Y] - s.meanWrongZ)));
    // the constant the seed leaves out: L_LS − (1−α)·CE − α·KL = α·H(reference)
    const cU = lsU - (1 - alpha) * s.ce - alpha * s.klUP;
    const cO = lsO - (1 - alpha) * s.ce - alpha * s.klVP;
    if (t === 0 || Math.abs(cU - alpha * Math.log(K)) > Math.abs(constU - alpha * Math.log(K)))
      constU = cU;
    if (
      t === 0 ||
      Math.abs(cO - alpha * Math.log(K - 1)) > Math.abs(constO - alpha * Math.log(K - 1))
    )
      constO = cO;
    klPUmax = worse(klPUmax, s.klPU);
    // the exported decomposition against the kernel and the log-softmax terms
    const m: Matrix = { rows: 1, cols: K, data: z };
    const dU = smoothingDecomposition(m, [Y], alpha).mean;
    const dO = smoothingDecomposition(m, [Y], alpha, { convention: 'others' }).mean;
    decTotal = worse(decTotal, Math.max(Math.abs(dU.total - lsU), Math.abs(dO.total - lsO)));
    decTerms = worse(
      decTerms,
      Math.max(
        Math.abs(dU.crossEntropy - s.ce),
        Math.abs(dU.klFromUniform - s.klUP),
        Math.abs(dO.klFromUniform - s.klVP),
        Math.abs(dU.entropyOfUniform - Math.log(K)),
        Math.abs(dO.entropyOfUniform - Math.log(K - 1)),
      ),
    );
    // the exported confidence penalty: its loss, and its gradient by central differences
    const cp = confidencePenalty(m, [Y], beta, { reduction: 'sum' });
    penalty = worse(penalty, Math.abs(cp.loss - (s.ce + beta * s.klPU - beta * Math.log(K))));
    penaltyGrad = worse(penaltyGrad, maxAbsDiff(penaltyByDifferences(z, beta), cp.grad.data));
  }
  // the path z = (0, …, z_1, …, 0) with z_1 → −∞: one class starved of mass
  const divergences: object[] = [];
  const z = new Float64Array(K);
  for (let i = 0; i <= 4 * FAR; i++) {
    z[1] = -i / 4;
    const s = terms(z);
    klPUmax = worse(klPUmax, s.klPU);
    divergences.push({ z1: z[1], divergence: 'KL(u‖p) (label smoothing)', value: s.klUP });
    divergences.push({ z1: z[1], divergence: 'KL(p‖u) (confidence penalty)', value: s.klPU });
    divergences.push({ z1: z[1], divergence: 'ln K', value: Math.log(K) });
  }
  z[1] = -FAR;
  const far = terms(z).klUP;
  z[1] = -FAR - 1;
  const slope = terms(z).klUP - far;
  // near a vertex KL(p‖u) approaches its supremum ln K
  z.fill(0);
  z[Y] = FAR;
  klPUmax = worse(klPUmax, terms(z).klPU);
  const lnK = Math.log(K);
  // rounding of K-term sums of log-probabilities of size ≤ 2·SPREAD + ln K
  const tol = 8 * K * Number.EPSILON * (1 + 2 * SPREAD + lnK);
  const checks: ClaimCheck[] = [
    check('uniform: L_LS = (1 − α)·CE + α·[KL(u‖p) + ln K] (max |Δ|)', 0, decU, tol),
    check('others: L_LS = (1 − α)·CE + α·[KL(v‖p) + ln(K − 1)] (max |Δ|)', 0, decO, tol),
    check('uniform: L_LS − (1 − α)·CE − α·KL(u‖p) = α ln K', alpha * lnK, constU, tol),
    check(
      'others: L_LS − (1 − α)·CE − α·KL(v‖p) = α ln(K − 1)',
      alpha * Math.log(K - 1),
      constO,
      tol,
    ),
    check(
      'smoothingDecomposition: total = fused kernel L_LS, both conventions (max |Δ|)',
      0,
      decTotal,
      tol,
    ),
    check('smoothingDecomposition: CE, KL and entropy terms (max |Δ|)', 0, decTerms, tol),
    check('uniform: L_LS − CE = α(z_y − mean z) (max |Δ|)', 0, shiftU, tol),
    check('others: L_LS − CE = α(z_y − mean of wrong z) (max |Δ|)', 0, shiftO, tol),
    check('confidence penalty: CE − β·H(p) = CE + β·KL(p‖u) − β ln K (max |Δ|)', 0, penalty, tol),
    check('confidence penalty: gradient = central differences (max |Δ|)', 0, penaltyGrad, 1e-8),
    check(
      'confidence penalty: KL(p‖u), largest seen (bound ln K)',
      lnK,
      klPUmax,
      4 * Number.EPSILON * lnK,
      'atMost',
    ),
    check(
      'KL(u‖p) at z_1 = −40, other logits 0',
      -lnK + FAR / K + Math.log(K - 1 + Math.exp(-FAR)),
      far,
      1e-12,
    ),
    check('KL(u‖p) grows by 1/K per unit of −z_1 (unbounded)', 1 / K, slope, 1e-12),
  ];
  return {
    checks,
    series: { divergences },
    notes: [
      'The seed writes L_LS = (1 − α)·CE + α·KL(u‖p) without the constant α ln K; the constant changes no gradient.',
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
 * any p_k → 0.
 *
 * @example
 * regulariserClaim.run(regulariserClaim.defaults).checks[2].expected; // 0.16094379124341004 = 0.1·ln 5
 */
export const regulariserClaim: Claim<RegulariserParams> = {
  id: 'C7.regulariser',
  title: 'Label smoothing as a KL regulariser',
  statement:
    "With uniform smoothing $L_{LS} = (1-\\alpha)\\,\\mathrm{CE} + \\alpha\\,[\\mathrm{KL}(u\\,\\|\\,p) + \\ln K]$, so $L_{LS} - \\mathrm{CE} = \\alpha(z_y - \\bar z)$; $\\mathrm{KL}(u\\,\\|\\,p)$ is unbounded while the confidence penalty's $\\mathrm{KL}(p\\,\\|\\,u) \\le \\ln K$.",
  defaults: { alpha: 0.1, K: 5, beta: 0.1, seed: 7, trials: 24 },
  formulas: {
    'uniform: L_LS − (1 − α)·CE − α·KL(u‖p) = α ln K': 'alpha * log(K)',
    'others: L_LS − (1 − α)·CE − α·KL(v‖p) = α ln(K − 1)': 'alpha * log(K - 1)',
    'KL(u‖p) at z_1 = −40, other logits 0': '-log(K) + 40 / K + log(K - 1 + exp(-40))',
    'KL(u‖p) grows by 1/K per unit of −z_1 (unbounded)': '1 / K',
  },
  run,
};
