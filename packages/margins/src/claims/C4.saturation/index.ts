import {
  type Claim,
  type ClaimCheck,
  type ClaimProgressListener,
  type ClaimResult,
  check,
  claimProgress,
  createRng,
  LslabError,
  sigmoid,
  sigmoidCrossEntropy,
} from '@lslab/core';
import {
  type ClaimParamSchema,
  checkClaimParams,
  checkInRange,
  checkInteger,
  checkPositive,
} from '@lslab/core/validate';
import { meanInterval } from '../internal/interval.js';
import { freeBinaryLogit } from './freeLogit.js';
import { HIDDEN, MLP_LR, saturationCurve } from './hiddenUnits.js';

/** Parameters of {@link c4Saturation}. */
export type C4SaturationParams = {
  /** Smoothing α ∈ (0, 1). */
  alpha: number;
  /** K ∈ [2, 20] of the MLP experiment. */
  K: number;
  /** Step η ∈ [0.01, 2] of gradient descent on the free logit. */
  lr: number;
  /** Steps T of the free logit, a power of 10 in [10⁴, 10⁶]. */
  steps: number;
  /** How far the wrong-way unit is saturated: z = −zWrong, zWrong ∈ [5, 30]. */
  zWrong: number;
  /** MLP training steps, in [10, 10⁴]. */
  mlpSteps: number;
  /** MLP seeds (independent data and initialisation), in [3, 30]. */
  seeds: number;
  /** Seed of the first stream. */
  seed: number;
};

const ID = 'C4.saturation';
const EPS = Number.EPSILON;

const DEFAULTS: C4SaturationParams = {
  alpha: 0.1,
  K: 3,
  lr: 1,
  steps: 100_000,
  zWrong: 10,
  mlpSteps: 1000,
  seeds: 5,
  seed: 0,
};

/** The domains of the parameters the page moves (the descent settings are checked in `run`). */
const SCHEMA: ClaimParamSchema = {
  alpha: { kind: 'open', label: 'α', min: 0, max: 1, control: { min: 0.01, max: 0.99 } },
  K: { kind: 'integer', label: 'K', min: 2, max: 20, control: { max: 10 } },
  seeds: { kind: 'integer', label: 'seeds', min: 3, max: 30, control: { max: 10 } },
  seed: { kind: 'seed', label: 'seed', control: { max: 1000 } },
};

function run(given: C4SaturationParams, onProgress?: ClaimProgressListener): ClaimResult {
  // the door: unknown keys are rejected (E_OPTION, naming the parameter), missing ones default
  const p = checkClaimParams(ID, DEFAULTS, given, SCHEMA);
  const { alpha, K, seeds, seed } = p;
  // η below 0.01 leaves the hard logit short of its asymptote, and its tolerance ∝ 1/η² overflows near 0
  const lr = checkInRange(ID, 'lr', p.lr, 0.01, 2);
  const steps = checkInteger(ID, 'steps', p.steps, { min: 10_000, max: 1_000_000 });
  if (!Number.isInteger(Math.log10(steps))) {
    throw new LslabError('E_RANGE', ID, 'must be a power of 10', {
      argument: 'steps',
      value: steps,
    });
  }
  const zWrong = checkPositive(ID, 'zWrong', p.zWrong);
  if (zWrong < 5 || zWrong > 30) {
    throw new LslabError('E_RANGE', ID, 'must lie in [5, 30]', {
      argument: 'zWrong',
      value: zWrong,
    });
  }
  const mlpSteps = checkInteger(ID, 'mlpSteps', p.mlpSteps, { min: 10, max: 10_000 });
  // one unit for the free-logit runs, one per (activation, seed) pair of MLPs
  const step = claimProgress(ID, onProgress, 1 + 2 * seeds);
  const checks: ClaimCheck[] = [];
  // the smoothed optimum: descend until converged (rate 1 − η·t(1 − t) per step; 10⁴ steps
  // at α = 0.01 is 1 − 1e-2 per step, e^{−100}); σ(z) is then t up to rounding, so σ′ is
  // t(1 − t) within |1 − 2t|·2ε + ε ≤ 4ε
  const others = freeBinaryLogit(alpha, 'others', lr, 10_000);
  const uniform = freeBinaryLogit(alpha, 'uniform', lr, 10_000);
  checks.push(
    check(
      'others: σ′ at the smoothed optimum = α(1 − α)',
      alpha * (1 - alpha),
      others.slope,
      4 * EPS,
    ),
    check(
      'uniform (binary): σ′ at the smoothed optimum = (1 − α/2)(α/2)',
      (1 - alpha / 2) * (alpha / 2),
      uniform.slope,
      4 * EPS,
    ),
  );
  const hard = freeBinaryLogit(0, 'uniform', lr, steps);
  // z_T = ln(ηT) + ((η/2 − 1) ln T + C)/(ηT) (C3), so T·σ′(z_T) = (1/η)(1 + O(ln T/T)): the
  // relative tolerance 2(ln T + 1)/(ηT) covers the next term with C of order 1
  checks.push(
    check(
      'hard labels: T·σ′(z_T) → 1/η',
      1 / lr,
      steps * hard.slope,
      ((1 / lr) * 2 * (Math.log(steps) + 1)) / (lr * steps),
    ),
  );
  // a unit at z = −zWrong with label 1: cross-entropy keeps σ(z) − 1 ≈ −1 (core's gradient);
  // squared error through the sigmoid, ½(σ(z) − 1)², has (σ − 1)σ(1 − σ) ≈ −e^{−zWrong}, measured
  // by a central difference (h = 1e-4: truncation h²·|f‴| ≤ 1e-8·|f′|, rounding ε/h relative)
  const z = -zWrong;
  const ce = sigmoidCrossEntropy([z], [1], { reduction: 'sum' }).grad[0];
  const h = 1e-4;
  const se = (v: number) => 0.5 * (sigmoid(v) - 1) ** 2;
  const seGrad = (se(z + h) - se(z - h)) / (2 * h);
  const s = 1 / (1 + Math.exp(zWrong));
  checks.push(
    check('wrong-way saturated unit: cross-entropy gradient σ(z) − 1 ≈ −1', s - 1, ce, 4 * EPS),
    check(
      'wrong-way saturated unit: squared-error gradient (σ − 1)σ(1 − σ) ≈ 0',
      (s - 1) * s * (1 - s),
      seGrad,
      1e-7 * Math.abs((s - 1) * s * (1 - s)) + EPS / h,
    ),
  );
  const series: Record<string, object[]> = { hiddenSaturation: [], saturatedFraction: [] };
  step('free logits', series);
  const notes: string[] = [];
  const root = createRng(seed);
  for (const activation of ['tanh', 'sigmoid'] as const) {
    const ends: Record<string, number[]> = { hard: [], smooth: [] };
    for (let r = 0; r < seeds; r++) {
      const stream = root.derive(`${activation}/${r}`);
      for (const [key, a] of [
        ['hard', 0],
        ['smooth', alpha],
      ] as const) {
        const curve = saturationCurve(stream.clone(), K, activation, a, mlpSteps);
        for (const c of curve)
          series.hiddenSaturation.push({
            activation,
            alpha: a,
            seed: r,
            step: c.step,
            saturation: c.saturation,
          });
        ends[key].push(curve[curve.length - 1].saturation);
      }
      // the last seed's unit ends with the activation's means, below
      if (r < seeds - 1) step(`${activation} MLPs, seed ${r + 1} of ${seeds}`, series);
    }
    const hi = meanInterval(ends.hard);
    const sm = meanInterval(ends.smooth);
    const diff = meanInterval(ends.smooth.map((v, i) => v - ends.hard[i]));
    series.saturatedFraction.push(
      { activation, alpha: 0, mean: hi.mean, lo: hi.lo, hi: hi.hi },
      { activation, alpha, mean: sm.mean, lo: sm.lo, hi: sm.hi },
    );
    step(`${activation} MLPs, seed ${seeds} of ${seeds}`, series);
    const verdict =
      diff.hi < 0
        ? 'fewer saturated units with smoothing'
        : diff.lo > 0
          ? 'more saturated units with smoothing'
          : 'no difference resolved';
    notes.push(
      `${activation} MLP (d = 8, ${HIDDEN} hidden, K = ${K}, ${mlpSteps} steps of η = ${MLP_LR}, ${seeds} seeds): saturated fraction (|tanh| > 0.99 or σ ∉ [0.01, 0.99]) hard ${fmt(hi)}, smoothed α = ${alpha} ${fmt(sm)}, difference ${fmt(diff)} — ${verdict}. Measured and reported, not asserted.`,
    );
  }
  return { checks, series, notes };
}

function fmt(i: { mean: number; lo: number; hi: number }): string {
  return `${i.mean.toFixed(4)} [${i.lo.toFixed(4)}, ${i.hi.toFixed(4)}]`;
}

/**
 * C4 — saturation, in its precise form. σ′ at the smoothed optimum is α(1 − α)
 * (others) or (1 − α/2)(α/2) (uniform, binary); under hard labels gradient descent
 * on a free logit drives σ′ to 0 like 1/(ηt). A cross-entropy output keeps the
 * gradient σ − t even when saturated the wrong way; squared error through a sigmoid
 * loses it. Whether smoothing changes the saturated fraction of *hidden* tanh/sigmoid
 * units is measured over seeds and reported, not asserted.
 * Theory: docs/theory/C4.saturation.md; test: test/claims/C4.saturation.test.ts.
 *
 * @see [C4.saturation.md](../../../../../docs/theory/C4.saturation.md): the derivation
 * @example
 * c4Saturation.run(c4Saturation.defaults).checks[0].measured; // 0.09 = α(1 − α) at α = 0.1
 */
export const c4Saturation: Claim<C4SaturationParams> = {
  id: ID,
  title: 'Smoothing keeps the output slope at α(1 − α); hidden units are measured',
  statement:
    "At the smoothed optimum $\\sigma'(z^*) = \\alpha(1-\\alpha)$ (others) or $(1-\\alpha/2)\\alpha/2$ (uniform); with hard labels $t\\,\\sigma'(z_t) \\to 1/\\eta$.",
  defaults: DEFAULTS,
  paramSchema: SCHEMA,
  formulas: {
    'others: σ′ at the smoothed optimum = α(1 − α)': 'alpha * (1 - alpha)',
    'uniform (binary): σ′ at the smoothed optimum = (1 − α/2)(α/2)':
      '(1 - alpha / 2) * (alpha / 2)',
    'hard labels: T·σ′(z_T) → 1/η': '1 / lr',
    'wrong-way saturated unit: cross-entropy gradient σ(z) − 1 ≈ −1': '1 / (1 + exp(zWrong)) - 1',
    'wrong-way saturated unit: squared-error gradient (σ − 1)σ(1 − σ) ≈ 0':
      '(1 / (1 + exp(zWrong)) - 1) * (1 / (1 + exp(zWrong))) * (1 - 1 / (1 + exp(zWrong)))',
  },
  run,
};
