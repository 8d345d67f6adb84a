import { type Claim, type ClaimCheck, type ClaimResult, check } from '../../claim.js';
import type { SmoothingConvention } from '../../convention.js';
import { optimalSigmoidLogit } from '../../optimalSigmoidLogit.js';
import { checkClaimParams } from '../../validate/checkClaimParams.js';

import { binaryDescent as binary, checkpoints, MULTI_LR } from './descent.js';
import { type Drift, driftTolerance } from './drift.js';
import { binaryTol, multiClass } from './limits.js';
import { C3_SCHEMA, checkC3Params } from './params.js';

/** Parameters of {@link c3FiniteOptimum}. */
export type C3FiniteOptimumParams = {
  /** Smoothing α ∈ [10⁻³, 0.999] (α = 0 is hard labels, which have no finite optimum; nearer 0 or 1 the descent has not converged within its steps). */
  alpha: number;
  /** Number of classes K of the multi-class part, an integer in [2, 1000]. */
  K: number;
  /** Learning rate η ∈ [0.01, 2] of gradient descent on the free binary logit. */
  lr: number;
  /** Gradient-descent steps T on the binary logit, a power of 10 in [10³, 10⁷] (checkpoints at powers of 10). */
  steps: number;
};

const ID = 'C3.finite-optimum';
const DEFAULTS: C3FiniteOptimumParams = { alpha: 0.1, K: 3, lr: 1, steps: 100_000 };
const CONVENTIONS: readonly SmoothingConvention[] = ['uniform', 'others'];
/** ln 9 as the source text states it for the binary targets 0.9/0.1. */
const LN9 = 2.1972245773362196;

function run(params: C3FiniteOptimumParams): ClaimResult {
  const { alpha, K, lr, steps } = checkC3Params(ID, checkClaimParams(ID, DEFAULTS, params));
  const checks: ClaimCheck[] = [];
  const notes: string[] = [];
  for (const c of CONVENTIONS) {
    const { checks: cs, steps: n } = multiClass(K, alpha, c);
    checks.push(...cs);
    notes.push(
      `${c}: gradient descent (η = ${MULTI_LR}) on ${K} free logits stopped after ${n} steps.`,
    );
  }
  const at = checkpoints(steps);
  const hard = binary(1, lr, steps, at);
  const smoothO = binary(1 - alpha, lr, steps, at);
  const smoothU = binary(1 - alpha / 2, lr, steps, at);
  const last = at.length - 1;
  const zO = optimalSigmoidLogit(alpha, { convention: 'others' });
  const zU = optimalSigmoidLogit(alpha);
  const tolO = binaryTol(1 - alpha, zO, lr);
  checks.push(
    check('others binary: limit of gradient descent = ln((1 − α)/α)', zO, smoothO[last], tolO),
    check(
      'uniform binary: limit of gradient descent = ln((2 − α)/α)',
      zU,
      smoothU[last],
      binaryTol(1 - alpha / 2, zU, lr),
    ),
  );
  if (alpha === 0.1)
    checks.push(
      check(
        'worked example: binary 0.9/0.1 → z* = ln 9 = 2.1972245773362196',
        LN9,
        smoothO[last],
        tolO,
      ),
    );
  // hard labels: z_t − ln t at t = 10, 100, …; its increments per decade must shrink
  const decades: Drift[] = [];
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
    ratio = Number.isNaN(ratio) || r > ratio ? r : ratio;
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
      'hard labels: z_T − ln T = ln η + (½ − 1/η)·ln T/T + O(1/T)',
      Math.log(lr) + ((0.5 - 1 / lr) * Math.log(T)) / T,
      hard[last] - Math.log(T),
      driftTolerance(lr, T),
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
 * grows like ln t: z_t − ln t = ln η + (½ − 1/η)·ln t/t + O(1/t). Theory:
 * [docs/theory/C3.finite-optimum.md](../../../../../docs/theory/C3.finite-optimum.md).
 *
 * Parameters: α ∈ (0, 1), K an integer in [2, 1000], η ∈ (0, 2], T a power of
 * 10 in [10³, 10⁷]; missing keys take the defaults.
 *
 * @throws LslabError `E_OPTION` for an unknown parameter, `E_RANGE` /
 *   `E_NOT_FINITE` for a value outside its domain (naming `C3.finite-optimum` and the parameter)
 * @example
 * c3FiniteOptimum.run(c3FiniteOptimum.defaults).checks
 *   .find((c) => c.name.startsWith('others binary'))?.measured; // 2.1972245773362014 (ln 9 within 4.9e-14)
 */
export const c3FiniteOptimum: Claim<C3FiniteOptimumParams> = {
  id: ID,
  title: 'Smoothing gives a finite optimum; hard labels do not',
  statement:
    'If every $q_k > 0$ the loss $\\log\\sum_k e^{z_k} - \\langle q, z\\rangle$ is minimised at $z = \\log q + c$ with value $H(q)$; with hard labels gradient descent diverges like $z_t \\approx \\ln t$.',
  defaults: DEFAULTS,
  paramSchema: C3_SCHEMA,
  formulas: {
    'uniform: z_y − z_k at the limit of gradient descent': 'log(1 + K * (1 - alpha) / alpha)',
    'others: z_y − z_k at the limit of gradient descent': 'log((1 - alpha) * (K - 1) / alpha)',
    'uniform: minimum loss = H(q)':
      '-((1 - alpha + alpha / K) * log(1 - alpha + alpha / K) + (K - 1) * (alpha / K) * log(alpha / K))',
    'others: minimum loss = H(q)': '-((1 - alpha) * log(1 - alpha) + alpha * log(alpha / (K - 1)))',
    'others binary: limit of gradient descent = ln((1 − α)/α)': 'log((1 - alpha) / alpha)',
    'uniform binary: limit of gradient descent = ln((2 − α)/α)': 'log((2 - alpha) / alpha)',
    'hard labels: z_T − ln T = ln η + (½ − 1/η)·ln T/T + O(1/T)':
      'log(lr) + (1 / 2 - 1 / lr) * log(steps) / steps',
  },
  run,
};
