import { type Claim, type ClaimCheck, type ClaimResult, check } from '../claim.js';
import type { Matrix } from '../matrix.js';
import { createRng } from '../random/rng.js';
import { sigmoid } from '../sigmoid.js';
import { sigmoidCrossEntropy } from '../sigmoidCrossEntropy.js';
import { smoothLabels } from '../smoothLabels.js';
import { softmax } from '../softmax.js';
import { softmaxCrossEntropy } from '../softmaxCrossEntropy.js';
import { checkSeed } from '../validate/checkSeed.js';
import { centralGradient, centralJacobian, STEP } from './internal/differences.js';
import { between, randomDistribution, randomVector } from './internal/randomInputs.js';
import { maxAbsDiff, worse } from './internal/vectors.js';

/** Parameters of {@link gradientClaim}. */
export type GradientParams = {
  /** Number of classes K ≥ 2. */
  K: number;
  /** Smoothing α ∈ [0, 1) of the smoothed one-hot targets among the trials. */
  alpha: number;
  /** Seed of the random logits and targets. */
  seed: number;
  /** Number of random (z, q) pairs, ≥ 1. */
  trials: number;
};

const FD_TOL = 1e-8;

function row(v: ArrayLike<number>): Matrix {
  return { rows: 1, cols: v.length, data: Float64Array.from(v) };
}

/** ℓ(z; q) and ∂ℓ/∂z from the fused kernel (probability targets, no smoothing). */
function kernel(z: Float64Array, q: Float64Array): { loss: number; grad: Float64Array } {
  const r = softmaxCrossEntropy(row(z), row(q), { reduction: 'sum' });
  return { loss: r.loss, grad: r.grad.data as Float64Array };
}

const fdGradient = (z: Float64Array, q: Float64Array) =>
  centralGradient((w) => kernel(w, q).loss, z);
const fdHessian = (z: Float64Array, q: Float64Array) =>
  centralJacobian((w) => kernel(w, q).grad, z);

/** diag(p) − ppᵀ, the closed-form Hessian. */
function hessian(p: ArrayLike<number>): Float64Array {
  const k = p.length;
  const out = new Float64Array(k * k);
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++) out[i * k + j] = (i === j ? p[i] : 0) - p[i] * p[j];
  return out;
}

function run({ K, alpha, seed, trials }: GradientParams): ClaimResult {
  const rng = createRng(checkSeed('C2.gradient', 'seed', seed));
  let fdErr = 0;
  let kernelErr = 0;
  let rowSum = 0;
  let hessErr = 0;
  let hessDep = 0;
  let sigErr = 0;
  let sigKernelErr = 0;
  const rows: object[] = [];
  for (let t = 0; t < trials; t++) {
    const z = randomVector(rng, K, -4, 4);
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
    fdErr = worse(fdErr, maxAbsDiff(fd, pq));
    kernelErr = worse(kernelErr, maxAbsDiff(grad, pq));
    let s = 0;
    for (let i = 0; i < K; i++) s += grad[i];
    rowSum = worse(rowSum, Math.abs(s));
    const q2 = randomDistribution(rng, K);
    const h1 = fdHessian(z, q);
    hessErr = worse(hessErr, maxAbsDiff(h1, hessian(p)));
    hessDep = worse(hessDep, maxAbsDiff(h1, fdHessian(z, q2)));
    for (let i = 0; i < K; i++)
      rows.push({ trial: t, class: i, finiteDifference: fd[i], predictionMinusTarget: pq[i] });
    // sigmoid: ℓ(z; t) = −t log σ(z) − (1 − t) log(1 − σ(z)), ∂ℓ/∂z = σ(z) − t
    const zs = between(rng, -6, 6);
    const ts = [rng.uniform()];
    const ls = (v: number) => sigmoidCrossEntropy([v], ts, { reduction: 'sum' }).loss;
    const fds = (ls(zs + STEP) - ls(zs - STEP)) / (2 * STEP);
    const expected = (sigmoid(zs) as number) - ts[0];
    sigErr = worse(sigErr, Math.abs(fds - expected));
    const gs = sigmoidCrossEntropy([zs], ts, { reduction: 'sum' }).grad[0];
    sigKernelErr = worse(sigKernelErr, Math.abs(gs - expected));
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
  const checks: ClaimCheck[] = [
    check('softmax CE: central differences = p − q (max |Δ|)', 0, fdErr, FD_TOL),
    check('fused kernel gradient = softmax(z) − q (max |Δ|)', 0, kernelErr, 4 * Number.EPSILON),
    check('gradient components sum to 0 (max |Σ_k ∂ℓ/∂z_k|)', 0, rowSum, K * Number.EPSILON),
    check('sigmoid: central differences = σ(z) − t (max |Δ|)', 0, sigErr, FD_TOL),
    check('sigmoid: kernel gradient = σ(z) − t (max |Δ|)', 0, sigKernelErr, 4 * Number.EPSILON),
    check('Hessian by differences of ∇ = diag(p) − ppᵀ (max |Δ|)', 0, hessErr, FD_TOL),
    check('Hessian does not depend on q: |H(q₁) − H(q₂)| (max)', 0, hessDep, FD_TOL),
    check('uniform: true-class gradient at z = 0', 1 / K - (1 - alpha + alpha / K), gU[0], 1e-15),
    check('others: wrong-class gradient at z = 0', 1 / K - alpha / (K - 1), gO[1], 1e-15),
    check('Hessian trace at z = 0 (by differences)', (K - 1) / K, trace, FD_TOL),
    check(
      'sigmoid: gradient at z = 0 for the Keras target 1 − α/2',
      alpha / 2 - 1 / 2,
      sigmoidCrossEntropy([0], [1], { labelSmoothing: alpha, reduction: 'sum' }).grad[0],
      1e-15,
    ),
  ];
  return {
    checks,
    series: { gradient: rows },
    notes: [
      `${trials} random logit vectors in [−4, 4]^${K}; even trials use a random target distribution, odd trials a smoothed one-hot target (α = ${alpha}).`,
      `Central differences with step h = ${STEP}; their error is of order h² + EPS/h ≈ 1e-10.`,
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
 * the fused kernel's loss and gradient.
 *
 * @example
 * gradientClaim.run(gradientClaim.defaults).checks.every((c) => c.holds); // true
 */
export const gradientClaim: Claim<GradientParams> = {
  id: 'C2.gradient',
  title: 'Gradient = prediction − target',
  statement:
    'For $\\ell(z; q) = \\log\\sum_k e^{z_k} - \\langle q, z\\rangle$ the gradient is $\\nabla_z \\ell = \\mathrm{softmax}(z) - q$ for any distribution q, and the Hessian $\\mathrm{diag}(p) - pp^\\top$ does not depend on q.',
  defaults: { K: 4, alpha: 0.1, seed: 2, trials: 24 },
  formulas: {
    'uniform: true-class gradient at z = 0': '1 / K - (1 - alpha + alpha / K)',
    'others: wrong-class gradient at z = 0': '1 / K - alpha / (K - 1)',
    'Hessian trace at z = 0 (by differences)': '(K - 1) / K',
    'sigmoid: gradient at z = 0 for the Keras target 1 − α/2': 'alpha / 2 - 1 / 2',
  },
  run,
};
