import { type Claim, type ClaimCheck, type ClaimResult, check } from '../../claim.js';
import { sigmoid } from '../../sigmoid.js';
import { sigmoidCrossEntropy } from '../../sigmoidCrossEntropy.js';
import { smoothLabels } from '../../smoothLabels.js';
import { softmax } from '../../softmax.js';
import { softmaxCrossEntropy } from '../../softmaxCrossEntropy.js';
import { checkClaimParams } from '../../validate/checkClaimParams.js';
import type { ClaimParamSchema } from '../../validate/claimParamSchema.js';
import { differenceError, STEP } from '../differences.js';
import { SEEDED_TRIALS, type SeededTrials, seededTrials } from '../params.js';
import { between, randomDistribution, randomVector } from '../randomInputs.js';
import { EPS, sumRounding } from '../tolerances.js';
import { maxAbsDiff } from '../vectors.js';
import { Worst } from '../worst.js';
import { fdGradient, fdHessian, hessian, kernel, row } from './kernel.js';

/** Parameters of {@link c2Gradient}. */
export type C2GradientParams = SeededTrials & {
  /** Number of classes K, an integer in [2, 2000] (the Hessian is K × K). */
  K: number;
  /** Smoothing α ∈ [0, 1] of the smoothed one-hot targets among the trials. */
  alpha: number;
};

const ID = 'C2.gradient';
const DEFAULTS: C2GradientParams = { K: 4, alpha: 0.1, seed: 2, trials: 24 };
/** Random logits lie in [−SPREAD, SPREAD]. */
const SPREAD = 4;
/** The domains of K and α (the page moves K up to 50: the Hessian is K × K per trial). */
const SCHEMA: ClaimParamSchema = {
  K: { kind: 'integer', label: 'K', min: 2, max: 2000, control: { max: 50 } },
  alpha: { kind: 'number', label: 'α', min: 0, max: 1 },
  ...SEEDED_TRIALS,
};

function run(params: C2GradientParams): ClaimResult {
  const p0 = checkClaimParams(ID, DEFAULTS, params, SCHEMA);
  const { K, alpha } = p0;
  const { trials, rng } = seededTrials(ID, p0);
  const fdErr = new Worst();
  const kernelErr = new Worst();
  const rowSum = new Worst();
  const hessErr = new Worst();
  const hessDep = new Worst();
  const sigErr = new Worst();
  const sigKernelErr = new Worst();
  const rows: object[] = [];
  for (let t = 0; t < trials; t++) {
    const z = randomVector(rng, K, -SPREAD, SPREAD);
    // even trials: a random distribution; odd trials: a smoothed one-hot target
    const y = t % K;
    const q =
      t % 2 === 0
        ? randomDistribution(rng, K)
        : (smoothLabels([y], K, alpha, { convention: t % 4 === 1 ? 'uniform' : 'others' })
            .data as Float64Array);
    const p = softmax(z) as Float64Array;
    const pq = p.map((v, i) => v - q[i]);
    const fd = fdGradient(z, q);
    const { grad } = kernel(z, q);
    fdErr.add(maxAbsDiff(fd, pq));
    kernelErr.add(maxAbsDiff(grad, pq));
    let s = 0;
    for (let i = 0; i < K; i++) s += grad[i];
    rowSum.add(Math.abs(s));
    const q2 = randomDistribution(rng, K);
    const h1 = fdHessian(z, q);
    hessErr.add(maxAbsDiff(h1, hessian(p)));
    hessDep.add(maxAbsDiff(h1, fdHessian(z, q2)));
    for (let i = 0; i < K; i++)
      rows.push({ trial: t, class: i, finiteDifference: fd[i], predictionMinusTarget: pq[i] });
    // sigmoid: ℓ(z; t) = −t log σ(z) − (1 − t) log(1 − σ(z)), ∂ℓ/∂z = σ(z) − t
    const zs = between(rng, -6, 6);
    const ts = [rng.uniform()];
    const ls = (v: number) => sigmoidCrossEntropy([v], ts, { reduction: 'sum' }).loss;
    const fds = (ls(zs + STEP) - ls(zs - STEP)) / (2 * STEP);
    const expected = (sigmoid(zs) as number) - ts[0];
    sigErr.add(Math.abs(fds - expected));
    const gs = sigmoidCrossEntropy([zs], ts, { reduction: 'sum' }).grad[0];
    sigKernelErr.add(Math.abs(gs - expected));
  }
  // fixed point z = 0 (p = u): closed forms for the report's formula check
  const zero = new Float64Array(K);
  const gU = softmaxCrossEntropy(row(zero), [0], { labelSmoothing: alpha, reduction: 'sum' }).grad
    .data;
  const gO = softmaxCrossEntropy(row(zero), [0], {
    labelSmoothing: alpha,
    convention: 'others',
    reduction: 'sum',
  }).grad.data;
  const h0 = fdHessian(zero, smoothLabels([0], K, alpha).data as Float64Array);
  let trace = 0;
  for (let i = 0; i < K; i++) trace += h0[i * K + i];
  // ℓ = LSE(z) − ⟨q, z⟩ is a K-term sum of size ≤ S = 2·SPREAD + ln K + 1; each value
  // errs by ≤ 2·K·EPS·S, and |∂³LSE| ≤ 1 along a coordinate (a third central moment
  // of values in [0, 1]).
  const S = 2 * SPREAD + Math.log(K) + 1;
  const fdTol = differenceError(sumRounding(K, S, 2), 1);
  // the gradient p − q errs by ≤ 2·K·EPS (p's normaliser is a K-term sum of size 1)
  // and |∂³(p − q)| ≤ 2: differences of the gradient, and of two of them
  const hessTol = differenceError(sumRounding(K, 1, 2), 2);
  // p from the kernel and from softmax: each a K-term normaliser (K·EPS/2) and an
  // exp and a division (EPS): |Δp| ≤ (K + 2)·EPS
  const pTol = (K + 2) * EPS;
  // the sigmoid loss is one term of size ≤ 1 + 2·6 (|z| ≤ 6), its σ‴ ≤ 1/(6√3) < 1
  const sigTol = differenceError(2 * EPS * 13, 1);
  const checks: ClaimCheck[] = [
    check('softmax CE: central differences = p − q (max |Δ|)', 0, fdErr.value, fdTol),
    check('fused kernel gradient = softmax(z) − q (max |Δ|)', 0, kernelErr.value, pTol),
    // K components of size ≤ 1 summing to 0: (K − 1)·EPS/2·2 from the sum, pTol from p
    check('gradient components sum to 0 (max |Σ_k ∂ℓ/∂z_k|)', 0, rowSum.value, K * EPS + pTol),
    check('sigmoid: central differences = σ(z) − t (max |Δ|)', 0, sigErr.value, sigTol),
    // σ(z) and σ(z) − t: 3 roundings on each side of numbers ≤ 1: 6·EPS/2 < 4·EPS
    check('sigmoid: kernel gradient = σ(z) − t (max |Δ|)', 0, sigKernelErr.value, 4 * EPS),
    check('Hessian by differences of ∇ = diag(p) − ppᵀ (max |Δ|)', 0, hessErr.value, hessTol),
    check('Hessian does not depend on q: |H(q₁) − H(q₂)| (max)', 0, hessDep.value, 2 * hessTol),
    // at z = 0, p = 1/K exactly up to its normaliser and exp: pTol, plus 3 roundings of q
    check(
      'uniform: true-class gradient at z = 0',
      1 / K - (1 - alpha + alpha / K),
      gU[0],
      pTol + 2 * EPS,
    ),
    check('others: wrong-class gradient at z = 0', 1 / K - alpha / (K - 1), gO[1], pTol + 2 * EPS),
    // K diagonal entries, each within hessTol
    check('Hessian trace at z = 0 (by differences)', (K - 1) / K, trace, K * hessTol),
    check(
      'sigmoid: gradient at z = 0 for the Keras target 1 − α/2',
      alpha / 2 - 1 / 2,
      sigmoidCrossEntropy([0], [1], { labelSmoothing: alpha, reduction: 'sum' }).grad[0],
      4 * EPS,
    ),
  ];
  return {
    checks,
    series: { gradient: rows },
    notes: [
      `${trials} random logit vectors in [−${SPREAD}, ${SPREAD}]^${K}; even trials use a random target distribution, odd trials a smoothed one-hot target (α = ${alpha}).`,
      `Central differences with step h = ${STEP}; their derived error bound is ${fdTol.toPrecision(2)} for the loss and ${hessTol.toPrecision(2)} for the gradient.`,
    ],
  };
}

/**
 * C2 — the gradient of the cross-entropy with respect to the logits is the
 * prediction minus the target, p − q, for every target distribution q
 * (smoothed or not), σ(z) − t for the sigmoid, and the Hessian diag(p) − ppᵀ
 * does not involve q.
 *
 * Checked on seeded random logits and targets by central finite differences of
 * the fused kernel's loss and gradient, with tolerances derived from the
 * rounding of K-term sums and the truncation of the differences. Theory:
 * [docs/theory/C2.gradient.md](../../../../../docs/theory/C2.gradient.md).
 *
 * Parameters: K an integer in [2, 2000], α ∈ [0, 1], seed an integer in
 * [0, 2^53), trials an integer in [1, 1000]; missing keys take the defaults.
 *
 * @throws LslabError `E_OPTION` for an unknown parameter, `E_RANGE` /
 *   `E_NOT_FINITE` for a value outside its domain (naming `C2.gradient` and the parameter)
 * @example
 * c2Gradient.run(c2Gradient.defaults).checks.every((c) => c.holds); // true
 */
export const c2Gradient: Claim<C2GradientParams> = {
  id: ID,
  title: 'Gradient = prediction − target',
  statement:
    'For $\\ell(z; q) = \\log\\sum_k e^{z_k} - \\langle q, z\\rangle$ the gradient is $\\nabla_z \\ell = \\mathrm{softmax}(z) - q$ for any distribution q, and the Hessian $\\mathrm{diag}(p) - pp^\\top$ does not depend on q.',
  defaults: DEFAULTS,
  paramSchema: SCHEMA,
  formulas: {
    'uniform: true-class gradient at z = 0': '1 / K - (1 - alpha + alpha / K)',
    'others: wrong-class gradient at z = 0': '1 / K - alpha / (K - 1)',
    'Hessian trace at z = 0 (by differences)': '(K - 1) / K',
    'sigmoid: gradient at z = 0 for the Keras target 1 − α/2': 'alpha / 2 - 1 / 2',
  },
  run,
};
