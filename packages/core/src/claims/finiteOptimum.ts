import { type Claim, type ClaimCheck, type ClaimResult, check } from '../claim.js';
import type { SmoothingConvention } from '../convention.js';
import { minimumSmoothedLoss } from '../minimumSmoothedLoss.js';
import { optimalLogitGap } from '../optimalLogitGap.js';
import { optimalSigmoidLogit } from '../optimalSigmoidLogit.js';
import { smoothLabels } from '../smoothLabels.js';
import { softmax } from '../softmax.js';
import { binaryDescent as binary, checkpoints, descend, MULTI_LR } from './internal/descent.js';
import { maxAbsDiff, worse } from './internal/vectors.js';

/** Parameters of {@link finiteOptimumClaim}. */
export type FiniteOptimumParams = {
  /** Smoothing α ∈ (0, 1/2). */
  alpha: number;
  /** Number of classes K ≥ 2 of the multi-class part. */
  K: number;
  /** Learning rate η ∈ (0, 2] of gradient descent on the free binary logit. */
  lr: number;
  /** Gradient-descent steps T on the binary logit, a power of 10 ≥ 1000 (checkpoints at powers of 10). */
  steps: number;
};

const CONVENTIONS: readonly SmoothingConvention[] = ['uniform', 'others'];

function run({ alpha, K, lr, steps }: FiniteOptimumParams): ClaimResult {
  const checks: ClaimCheck[] = [];
  const notes: string[] = [];
  for (const c of CONVENTIONS) {
    const { z, steps: n, loss } = descend(K, alpha, c);
    const q = smoothLabels([0], K, alpha, { convention: c }).data;
    let lo = Infinity;
    let hi = -Infinity;
    for (let j = 0; j < K; j++) {
      const d = z[j] - Math.log(q[j]);
      lo = Math.min(lo, d);
      hi = Math.max(hi, d);
    }
    const gap = z[0] - z[1];
    checks.push(
      check(
        `${c}: z_y − z_k at the limit of gradient descent`,
        optimalLogitGap(alpha, K, { convention: c }),
        gap,
        1e-9,
      ),
      check(`${c}: z = log q + c (spread of z − log q)`, 0, hi - lo, 1e-9),
      check(`${c}: p = q at the limit (max |p − q|)`, 0, maxAbsDiff(softmax(z), q), 1e-12),
      check(
        `${c}: minimum loss = H(q)`,
        minimumSmoothedLoss(alpha, K, { convention: c }),
        loss,
        1e-12,
      ),
    );
    notes.push(
      `${c}: gradient descent (η = ${MULTI_LR}) on ${K} free logits stopped after ${n} steps.`,
    );
  }
  const at = checkpoints(steps);
  const hard = binary(1, lr, steps, at);
  const smoothO = binary(1 - alpha, lr, steps, at);
  const smoothU = binary(1 - alpha / 2, lr, steps, at);
  const last = at.length - 1;
  checks.push(
    check(
      'others binary: limit of gradient descent = ln((1 − α)/α)',
      optimalSigmoidLogit(alpha, { convention: 'others' }),
      smoothO[last],
      1e-9,
    ),
    check(
      'uniform binary: limit of gradient descent = ln((2 − α)/α)',
      optimalSigmoidLogit(alpha),
      smoothU[last],
      1e-9,
    ),
  );
  // hard labels: z_t − ln t at t = 10, 100, …; its increments per decade must shrink
  const decades: { t: number; drift: number }[] = [];
  for (const [i, t] of at.entries())
    if (Number.isInteger(Math.log10(t)) && t >= 10)
      decades.push({ t, drift: hard[i] - Math.log(t) });
  const increments: { from: number; to: number; increment: number }[] = [];
  for (let i = 1; i < decades.length; i++) {
    const d = decades[i].drift - decades[i - 1].drift;
    increments.push({ from: decades[i - 1].t, to: decades[i].t, increment: d });
  }
  // an asymptotic statement: judge the tail (the last three decades), not the transient
  let ratio = Number.NaN;
  for (let i = Math.max(1, increments.length - 2); i < increments.length; i++) {
    const r = Math.abs(increments[i].increment / increments[i - 1].increment);
    ratio = Number.isNaN(ratio) ? r : worse(ratio, r);
  }
  const T = at[last];
  checks.push(
    check(
      'hard labels: increments of z_t − ln t shrink over the last three decades (largest ratio, bound 1)',
      1,
      ratio,
      0,
      'atMost',
    ),
    check(
      'hard labels: z_T − ln T → ln η (tolerance 2 ln T / T, the next term)',
      Math.log(lr),
      hard[last] - Math.log(T),
      (2 * Math.log(T)) / T,
    ),
  );
  const trajectory: object[] = [];
  for (const [i, t] of at.entries()) {
    trajectory.push({ t, target: 'hard labels', z: hard[i] });
    trajectory.push({ t, target: 'smoothed (others)', z: smoothO[i] });
    trajectory.push({ t, target: 'smoothed (uniform)', z: smoothU[i] });
    trajectory.push({ t, target: 'ln t + ln η', z: Math.log(t) + Math.log(lr) });
  }
  notes.push(
    `Binary: after ${T} steps of η = ${lr}, the hard-label logit is ${hard[last]} and still growing like ln t; the smoothed logits sit at ${smoothO[last]} (others) and ${smoothU[last]} (uniform).`,
  );
  return { checks, series: { trajectory, increments }, notes };
}

/**
 * C3 — a finite optimum. With every q_k > 0 the smoothed cross-entropy over
 * free logits is minimised at z = log q + c, where p = q and the loss is H(q);
 * for binary targets 1 − α (others) the optimal logit is ln((1 − α)/α) (ln 9
 * at α = 0.1). Hard labels have no minimiser: gradient descent on a free logit
 * grows like ln t, z_t − ln t → ln η.
 *
 * @example
 * finiteOptimumClaim.run(finiteOptimumClaim.defaults).checks
 *   .find((c) => c.name.startsWith('others binary')).measured; // 2.1972245773362014, ln 9 to 1e-9
 */
export const finiteOptimumClaim: Claim<FiniteOptimumParams> = {
  id: 'C3.finite-optimum',
  title: 'Smoothing gives a finite optimum; hard labels do not',
  statement:
    'If every $q_k > 0$ the loss $\\log\\sum_k e^{z_k} - \\langle q, z\\rangle$ is minimised at $z = \\log q + c$ with value $H(q)$; with hard labels gradient descent diverges like $z_t \\approx \\ln t$.',
  defaults: { alpha: 0.1, K: 3, lr: 1, steps: 100_000 },
  formulas: {
    'uniform: z_y − z_k at the limit of gradient descent': 'log(1 + K * (1 - alpha) / alpha)',
    'others: z_y − z_k at the limit of gradient descent': 'log((1 - alpha) * (K - 1) / alpha)',
    'uniform: minimum loss = H(q)':
      '-((1 - alpha + alpha / K) * log(1 - alpha + alpha / K) + (K - 1) * (alpha / K) * log(alpha / K))',
    'others: minimum loss = H(q)': '-((1 - alpha) * log(1 - alpha) + alpha * log(alpha / (K - 1)))',
    'others binary: limit of gradient descent = ln((1 − α)/α)': 'log((1 - alpha) / alpha)',
    'uniform binary: limit of gradient descent = ln((2 − α)/α)': 'log((2 - alpha) / alpha)',
    'hard labels: z_T − ln T → ln η (tolerance 2 ln T / T, the next term)': 'log(lr)',
  },
  run,
};
