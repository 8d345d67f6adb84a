import { LslabError } from '@lslab/core';
import { checkInteger, checkLabels, checkOptions, checkPositive } from '@lslab/core/validate';
import { cholesky, choleskySolve, maxDiagonal } from '../linalg/cholesky.js';
import { sumSquares } from '../linalg/rows.js';
import { checkFeatures } from '../model/features.js';
import { checkModel, splitArguments } from './internal/arguments.js';
import type { Features, Model } from './model.js';

/** Options of {@link newton}. */
export interface NewtonOptions {
  /** Stop when ‖∇‖₂ ≤ tolerance (> 0). Default 1e-12. */
  tolerance?: number;
  /** Most Newton iterations (≥ 1). Default 100. */
  maxIterations?: number;
}

/** One Newton iteration: the point reached and the step length the line search took. */
export interface NewtonIteration {
  iteration: number;
  loss: number;
  gradientNorm: number;
  stepSize: number;
  /** Diagonal shift τ added to the Hessian for this step (0 when it was positive definite). */
  shift: number;
}

/** Result of {@link newton}; the model's parameters hold the solution. */
export interface NewtonResult {
  /** Newton steps taken (0 if the start already met the tolerance). */
  iterations: number;
  /** Objective at the solution. */
  loss: number;
  /** ‖∇‖₂ at the solution (≤ tolerance). */
  gradientNorm: number;
  /** Per-iteration trace, starting with iteration 0 (the start point). */
  history: NewtonIteration[];
}

const FN = 'newton';
const ARMIJO = 1e-4;
const MAX_HALVINGS = 60;
/** Largest parameter count whose dense P×P Hessian newton will build. */
const MAX_PARAMS = 4096;

function norm(v: Float64Array): number {
  return Math.sqrt(sumSquares(v));
}

/**
 * Minimises the full-data objective of a convex model (logistic or softmax
 * regression) by Newton's method with a backtracking (Armijo) line search,
 * in place, until ‖∇‖₂ ≤ tolerance.
 *
 * Each iteration builds the exact Hessian — for softmax regression
 * Σ_i s_i (diag(p_i) − p_ip_iᵀ) ⊗ x̃_ix̃_iᵀ + λI on the weights, x̃ = [x, 1],
 * s_i the row's share of the mean — and solves HΔ = −∇ by Cholesky. If a
 * pivot falls to 1e-12·max diag(H) or below (H not numerically positive
 * definite: without L2 the softmax Hessian is singular along W_j· + c·1,
 * which changes no probability), the factorisation is retried on H + τI with
 * τ = 1e-10·max diag(H), multiplied by 100 until it succeeds; the step stays a
 * descent direction. The line search halves t from 1 until
 * f(θ + tΔ) ≤ f(θ) + 1e-4·t·∇ᵀΔ; once the decrease is below rounding
 * (|f(θ + tΔ) − f(θ)| ≤ 16·ε·|f|) a step that lowers ‖∇‖ is accepted.
 *
 * A minimiser exists when λ > 0, or when the smoothed targets are strictly
 * inside the simplex (α > 0) — then the loss is coercive on the span of the
 * data. With hard labels on separable data there is none: the gradient decays
 * like e^{−‖W‖} along a separating direction, so newton either throws
 * `E_CONVERGENCE` or stops far out with ‖∇‖ ≤ tolerance at a large ‖W‖ (the
 * trace then shows unit steps and linear, not quadratic, convergence).
 *
 * @param model - a model with a `hessian` method, at most 4096 parameters
 * @param x - N×d features (dense or CSR), N ≥ 1, finite; or a data set `{ x, y }`
 * @param y - N class labels in [0, K)
 * @param options - see {@link NewtonOptions}
 * @returns iterations, final loss and gradient norm, and the trace
 * @throws LslabError `E_OPTION` for a model without a Hessian or an unknown
 *   option, `E_RANGE` for too many parameters or a bad option value, `E_SHAPE`
 *   for features that do not fit the model, `E_LABEL`, `E_CONVERGENCE` when
 *   the tolerance is not reached
 * @example
 * const ds = gaussianMixture(createRng(0), { numClasses: 3, dim: 2, nPerClass: 50 });
 * const m = softmaxRegression({ inputDim: 2, numClasses: 3, l2: 0.1 });
 * newton(m, ds.x, ds.y).gradientNorm; // ≤ 1e-12, typically in 5–10 iterations
 */
export function newton(
  model: Model,
  x: Features,
  y: ArrayLike<number>,
  options?: NewtonOptions,
): NewtonResult;
export function newton(
  model: Model,
  data: { readonly x: Features; readonly y: ArrayLike<number> },
  options?: NewtonOptions,
): NewtonResult;
export function newton(
  model: Model,
  a: Features | { readonly x: Features; readonly y: ArrayLike<number> },
  b?: ArrayLike<number> | NewtonOptions,
  c?: NewtonOptions,
): NewtonResult {
  const [x, y, optionsArg] = splitArguments(a, b, c);
  checkModel(FN, model);
  const options = checkOptions<NewtonOptions>(FN, optionsArg, ['tolerance', 'maxIterations']);
  const tol = checkPositive(FN, 'options.tolerance', options.tolerance ?? 1e-12);
  const maxIt = checkInteger(FN, 'options.maxIterations', options.maxIterations ?? 100, {
    min: 1,
  });
  if (typeof model.hessian !== 'function') {
    throw new LslabError('E_OPTION', FN, 'has no Hessian (use logistic or softmax regression)', {
      argument: 'model',
      value: model.kind,
    });
  }
  const p = model.params.length;
  if (p > MAX_PARAMS) {
    throw new LslabError('E_RANGE', FN, `has more than ${MAX_PARAMS} parameters`, {
      argument: 'model',
      value: p,
    });
  }
  checkFeatures(FN, x);
  model.checkInput(FN, x);
  checkLabels(FN, 'y', y, x.rows, model.numClasses);
  const theta = model.params;
  const g = model.grad;
  const h = new Float64Array(p * p);
  const l = new Float64Array(p * p);
  const step = new Float64Array(p);
  const start = new Float64Array(p);
  let f = model.lossAndGradient(x, y);
  let gn = norm(g);
  const history: NewtonIteration[] = [
    { iteration: 0, loss: f, gradientNorm: gn, stepSize: 0, shift: 0 },
  ];
  for (let it = 1; gn > tol; it++) {
    if (it > maxIt) {
      throw new LslabError(
        'E_CONVERGENCE',
        FN,
        `stopped after ${maxIt} iterations with ‖∇‖ = ${gn} > ${tol}`,
        { argument: 'options.maxIterations', value: maxIt },
      );
    }
    model.hessian(x, y, h);
    const maxDiag = maxDiagonal(h, p);
    let shift = 0;
    while (!cholesky(h, p, shift, 1e-12 * maxDiag, l)) {
      shift = shift === 0 ? 1e-10 * maxDiag || 1e-300 : shift * 100;
      if (!Number.isFinite(shift)) {
        throw new LslabError('E_CONVERGENCE', FN, 'Hessian could not be factorised', {
          argument: 'model',
        });
      }
    }
    for (let j = 0; j < p; j++) step[j] = -g[j];
    choleskySolve(l, p, step);
    let slope = 0;
    for (let j = 0; j < p; j++) slope += g[j] * step[j];
    start.set(theta);
    const f0 = f;
    const gn0 = gn;
    let t = 1;
    let accepted = false;
    for (let k = 0; k <= MAX_HALVINGS; k++, t /= 2) {
      for (let j = 0; j < p; j++) theta[j] = start[j] + t * step[j];
      const ft = model.lossAndGradient(x, y);
      const gt = norm(g);
      const armijo = ft <= f0 + ARMIJO * t * slope;
      const flat = Math.abs(ft - f0) <= 16 * Number.EPSILON * Math.abs(f0) && gt < gn0;
      if (Number.isFinite(ft) && (armijo || flat)) {
        f = ft;
        gn = gt;
        accepted = true;
        break;
      }
    }
    if (!accepted) {
      theta.set(start);
      model.lossAndGradient(x, y);
      throw new LslabError(
        'E_CONVERGENCE',
        FN,
        `line search failed at iteration ${it} with ‖∇‖ = ${gn0} (no minimiser, or the tolerance is below rounding)`,
        { argument: 'options.tolerance', value: tol },
      );
    }
    history.push({ iteration: it, loss: f, gradientNorm: gn, stepSize: t, shift });
  }
  return { iterations: history.length - 1, loss: f, gradientNorm: gn, history };
}
