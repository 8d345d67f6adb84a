import {
  type Claim,
  type ClaimCheck,
  type ClaimResult,
  check,
  fromRows,
  LslabError,
} from '@lslab/core';
import {
  type ClaimParamSchema,
  checkClaimParams,
  checkInRange,
  checkInteger,
} from '@lslab/core/validate';
import {
  gradientDescent,
  hardMarginSvm,
  logisticRegression,
  type Model,
  newton,
} from '@lslab/models';

/** Parameters of {@link c5WeightGrowth}. */
export type C5WeightGrowthParams = {
  /** Smoothing α ∈ (0, 1) of the smoothed run (uniform binary targets 1 − α/2, α/2). */
  alpha: number;
  /** Step η ∈ [0.01, 0.5] of full-batch gradient descent (the mean loss is L-smooth with L ≤ ¼λmax(XᵀX/n) ≈ 1.9, so η < 2/L ≈ 1.03 is stable; 0.5 leaves a factor 2). */
  lr: number;
  /** Steps T, a power of 10 in [10⁴, 10⁶]. */
  steps: number;
};

const ID = 'C5.weight-growth';
/**
 * Separable through the origin, no bias. Signed rows s_i x_i: support vectors (1, 0) and
 * (0, 2) (orthogonal, duals 1 and 1/4: strict complementarity, asymmetric), the other four
 * at functional margin 3.5 under ŵ = (1, 1/2).
 */
const X = fromRows([
  [1, 0],
  [3, 1],
  [2, 3],
  [0, -2],
  [-1, -5],
  [-4, 1],
]);
const Y = [1, 1, 1, 0, 0, 0];
const N = 6;
const W_HAT = [1, 0.5];
const W_HAT_NORM = Math.sqrt(5) / 2;
const SUPPORT = [
  { row: 0, dual: 1 },
  { row: 3, dual: 0.25 },
];

const DEFAULTS: C5WeightGrowthParams = { alpha: 0.1, lr: 0.5, steps: 100_000 };

/** The domain of α (the descent settings are checked in `run`). */
const SCHEMA: ClaimParamSchema = {
  alpha: { kind: 'open', label: 'α', min: 0, max: 1, control: { min: 0.01, max: 0.99 } },
};

function run(given: C5WeightGrowthParams): ClaimResult {
  // the door: unknown keys are rejected (E_OPTION, naming the parameter), missing ones default
  const params = checkClaimParams(ID, DEFAULTS, given, SCHEMA);
  const { alpha } = params;
  // η below 0.01 leaves w_T far from its ln T law, and the bound ∝ ln(η)/T leaves the range near 0
  const lr = checkInRange(ID, 'lr', params.lr, 0.01, 0.5);
  const steps = checkInteger(ID, 'steps', params.steps, { min: 10_000, max: 1_000_000 });
  if (!Number.isInteger(Math.log10(steps))) {
    throw new LslabError('E_RANGE', ID, 'must be a power of 10', {
      argument: 'steps',
      value: steps,
    });
  }
  const svm = hardMarginSvm(X, Y);
  const checks: ClaimCheck[] = [
    // hardMarginSvm stops at a KKT residual ≤ 1e-10; the closed form is (1, 1/2)
    check('hard-margin SVM: ‖ŵ‖ = √5/2', W_HAT_NORM, Math.hypot(...svm.w), 1e-9),
  ];
  // w̃ on the support vectors: s_i x_i·w̃ = ln(η/(n α_i)), solved for the two orthogonal rows
  const offsets = SUPPORT.map((s) => Math.log(lr / (N * s.dual)));
  const wTilde = [offsets[0], offsets[1] / 2];
  const wTildeNorm = Math.hypot(...wTilde);
  const hard = logisticRegression({ inputDim: 2, bias: false });
  const smooth = logisticRegression({ inputDim: 2, bias: false, loss: { labelSmoothing: alpha } });
  const trace = [
    ...descend(hard, lr, steps, 'hard labels'),
    ...descend(smooth, lr, steps, `smoothed α = ${alpha}`),
  ];
  const T = steps;
  const L = Math.log(T);
  const w = hard.params;
  const predicted = [W_HAT[0] * L + wTilde[0], W_HAT[1] * L + wTilde[1]];
  const r = Math.hypot(w[0] - predicted[0], w[1] - predicted[1]);
  // the residual w_T − ŵ ln T − w̃ decays like t^{−λmin(A)}, A = Σ α_i x̃_i x̃_iᵀ = I here, plus the
  // O(ln t/t) of summing e^{−u} in steps (as for one logit, C3); bound 4‖w̃‖ ln T/T
  const rBound = (4 * wTildeNorm * L) / T;
  checks.push(check('hard labels: ‖w_T − ŵ ln T − w̃‖ → 0', 0, r, rBound));
  for (const [j, s] of SUPPORT.entries()) {
    const sx = [X.data[2 * s.row], X.data[2 * s.row + 1]].map((v) => (2 * Y[s.row] - 1) * v);
    const m = sx[0] * (w[0] - W_HAT[0] * L) + sx[1] * (w[1] - W_HAT[1] * L);
    checks.push(
      check(
        `hard labels: support vector ${j + 1}: s_i x_i·(w_T − ŵ ln T) → ln(η/(n α_i))`,
        offsets[j],
        m,
        Math.hypot(...sx) * rBound,
      ),
    );
  }
  const norm = Math.hypot(w[0], w[1]);
  // |‖ŵL + w̃ + r‖ − ‖ŵ‖L| ≤ ‖w̃‖ + ‖r‖: the approach to ‖ŵ‖ is only O(1/ln T)
  checks.push(
    check('hard labels: ‖w_T‖/ln T → ‖ŵ‖', W_HAT_NORM, norm / L, (wTildeNorm + rBound) / L),
  );
  const dir = (v: number[]) => {
    const n = Math.hypot(...v);
    return Math.hypot(v[0] / n - W_HAT[0] / W_HAT_NORM, v[1] / n - W_HAT[1] / W_HAT_NORM);
  };
  // ‖a/‖a‖ − b/‖b‖‖ ≤ 2‖a − b‖/‖b‖: the measured direction error is the predicted one within 2‖r‖/‖w_T‖
  checks.push(
    check(
      'hard labels: direction error = that of ŵ ln T + w̃ (falls like 1/ln T)',
      dir(predicted),
      dir([w[0], w[1]]),
      (2 * rBound) / norm,
    ),
  );
  const exact = logisticRegression({ inputDim: 2, bias: false, loss: { labelSmoothing: alpha } });
  newton(exact, X, Y);
  const target = Math.hypot(...exact.params);
  const smoothRows = trace.filter((t) => t.target !== 'hard labels');
  const last = smoothRows[smoothRows.length - 1].norm;
  const decade = smoothRows.find((t) => t.t === T / 10)?.norm ?? Number.NaN;
  checks.push(
    // Newton stops at ‖∇‖ ≤ 1e-12; gradient descent converges linearly (rate 1 − η·σ′(u*)·λmin(XᵀX/n)
    // per step, about 1 − 1e-2 at α = 0.01, η = 0.5, λmin = 4.09): by T = 10⁵ it is at rounding level, 1e-9 relative
    check(`smoothed: ‖w_T‖ = ‖w*‖ of Newton's method`, target, last, 1e-9 * target),
    check(
      'smoothed: relative change of ‖w_t‖ over the last decade',
      0,
      Math.abs(last - decade) / last,
      1e-9,
      'atMost',
    ),
  );
  const growth = lnGrowth();
  checks.push(
    check(
      'smoothed, α → 0: ‖w*‖ grows like ‖ŵ‖ ln(1/α)',
      W_HAT_NORM,
      growth.slope,
      growth.tolerance,
    ),
  );
  const series = {
    normVsLnT: trace
      .map((t) => ({ t: t.t, lnT: Math.log(t.t), target: t.target, norm: t.norm }))
      .concat(
        trace
          .filter((t) => t.target === 'hard labels')
          .map((t) => ({
            t: t.t,
            lnT: Math.log(t.t),
            target: '‖ŵ‖ ln t',
            norm: W_HAT_NORM * Math.log(t.t),
          })),
      ),
    directionError: trace
      .filter((t) => t.target === 'hard labels')
      .map((t) => ({
        t: t.t,
        lnT: Math.log(t.t),
        error: t.direction,
        errorTimesLnT: t.direction * Math.log(t.t),
      })),
    normVsAlpha: growth.rows,
  };
  return {
    checks,
    series,
    notes: [
      `Hard labels: after ${T} steps ‖w_T‖/ln T = ${(norm / L).toFixed(4)}, still ${(W_HAT_NORM - norm / L).toFixed(3)} below ‖ŵ‖ = ${W_HAT_NORM.toFixed(4)}: the offset w̃ = (${wTilde.map((v) => v.toFixed(4)).join(', ')}) is only divided by ln T. The direction error times ln T is ${(dir([w[0], w[1]]) * L).toFixed(4)}, tending to ‖w̃⊥‖/‖ŵ‖ = ${perpRatio(wTilde).toFixed(4)}.`,
      `Smoothed (α = ${alpha}): ‖w_t‖ stops at ${last.toFixed(6)}, the norm of Newton's minimiser ${target.toFixed(6)}.`,
    ],
  };
}

function perpRatio(v: number[]): number {
  const c = (v[0] * W_HAT[0] + v[1] * W_HAT[1]) / (W_HAT_NORM * W_HAT_NORM);
  return Math.hypot(v[0] - c * W_HAT[0], v[1] - c * W_HAT[1]) / W_HAT_NORM;
}

/** Gradient descent with checkpoints at 1, 2, 5 × 10^k; ‖w_t‖ and the direction error there. */
function descend(model: Model, lr: number, steps: number, target: string) {
  const opt = gradientDescent({ learningRate: lr });
  opt.reset(model.params.length);
  const rows: { t: number; target: string; norm: number; direction: number }[] = [];
  let next = 1;
  for (let t = 1; t <= steps; t++) {
    model.lossAndGradient(X, Y);
    opt.step(model.params, model.grad);
    if (t === next || t === steps) {
      const w = model.params;
      const n = Math.hypot(w[0], w[1]);
      rows.push({
        t,
        target,
        norm: n,
        direction: Math.hypot(w[0] / n - W_HAT[0] / W_HAT_NORM, w[1] / n - W_HAT[1] / W_HAT_NORM),
      });
      const e = 10 ** Math.floor(Math.log10(t));
      next = t / e === 1 ? 2 * e : t / e === 2 ? 5 * e : 10 * e;
    }
  }
  return rows;
}

/**
 * ‖w*(α)‖ by Newton for α = 10⁻², …, 10⁻⁷ and the slope between the last two in ln(1/α).
 * w*(α) = ŵ ln(1/α) + v + o(1), so the slope is ‖ŵ‖ − ‖v⊥‖²/(2‖ŵ‖L₁L₂) + (next order, smaller by
 * about ‖v‖/(‖ŵ‖L) ≈ 0.2 here) + O(α), with v⊥ measured as the part of w*(α) orthogonal to ŵ. The
 * tolerance is twice the leading term: the leading term alone (2.5e-4) is exceeded by the next
 * order (measured deviation 3.1e-4 at the defaults), see the C5 note.
 */
function lnGrowth() {
  const rows: { alpha: number; lnInvAlpha: number; norm: number }[] = [];
  let perp = 0;
  for (let e = 2; e <= 7; e++) {
    const m = logisticRegression({ inputDim: 2, bias: false, loss: { labelSmoothing: 10 ** -e } });
    newton(m, X, Y);
    const w = m.params;
    rows.push({ alpha: 10 ** -e, lnInvAlpha: e * Math.LN10, norm: Math.hypot(w[0], w[1]) });
    perp = perpRatio([w[0], w[1]]) * W_HAT_NORM;
  }
  const [a, b] = rows.slice(-2);
  const slope = (b.norm - a.norm) / (b.lnInvAlpha - a.lnInvAlpha);
  return { rows, slope, tolerance: (perp * perp) / (W_HAT_NORM * a.lnInvAlpha * b.lnInvAlpha) };
}

/**
 * C5 — weight growth on separable data. Hard labels: full-batch gradient descent on
 * logistic regression without bias gives w_t = ŵ ln t + w̃ + r_t with ŵ the hard-margin
 * SVM solution and s_i x_i·w̃ = ln(η/(n α_i)) on the support vectors; ‖w_t‖/ln t → ‖ŵ‖
 * and the direction error falls like 1/ln t. Smoothed targets: ‖w_t‖ converges to the
 * norm of Newton's minimiser, which grows like ‖ŵ‖ ln(1/α) as α → 0.
 * Theory: docs/theory/C5.weight-growth.md; test: test/claims/C5.weight-growth.test.ts.
 *
 * @see [C5.weight-growth.md](../../../../docs/theory/C5.weight-growth.md): the derivation
 * @example
 * c5WeightGrowth.run(c5WeightGrowth.defaults).checks[0].measured; // 1.118033988749895 = √5/2
 */
export const c5WeightGrowth: Claim<C5WeightGrowthParams> = {
  id: ID,
  title: 'Hard labels grow the weights like ln t; smoothing stops them',
  statement:
    'On separable data gradient descent with hard labels gives $w_t = \\hat w \\ln t + \\tilde w + o(1)$ ($\\hat w$ the max-margin direction); with targets inside $(0, 1)$, $\\lVert w_t \\rVert$ converges.',
  defaults: DEFAULTS,
  paramSchema: SCHEMA,
  formulas: {
    'hard-margin SVM: ‖ŵ‖ = √5/2': 'sqrt(5) / 2',
    'hard labels: support vector 1: s_i x_i·(w_T − ŵ ln T) → ln(η/(n α_i))': 'log(lr / 6)',
    'hard labels: support vector 2: s_i x_i·(w_T − ŵ ln T) → ln(η/(n α_i))': 'log(lr / (6 * 0.25))',
    'hard labels: ‖w_T‖/ln T → ‖ŵ‖': 'sqrt(5) / 2',
    'smoothed, α → 0: ‖w*‖ grows like ‖ŵ‖ ln(1/α)': 'sqrt(5) / 2',
  },
  run,
};
