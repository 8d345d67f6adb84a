import { LslabError, type Matrix } from '@lslab/core';
import { checkInteger, checkLabels, checkOptions, checkPositive } from '@lslab/core/validate';
import { checkLogits } from './internal/checkLogits.js';
import { solveBeta } from './internal/solveBeta.js';
import { evalTemperature, type TemperatureData } from './internal/temperatureObjective.js';

/** Options of {@link fitTemperature}. */
export interface FitTemperatureOptions {
  /** Smallest temperature returned (largest β = 1/T). Default 1e-3. */
  minTemperature?: number;
  /** Largest temperature returned. Default 1e3. */
  maxTemperature?: number;
  /** Cap on objective evaluations, an integer in [1, 10⁵]. Default 100. */
  maxIterations?: number;
  /** Relative step / bracket width at which the solver stops. Default 1e-12. */
  tolerance?: number;
}

/**
 * How the fit ended:
 * - `'optimum'`: an interior minimiser, f′(β̂) = 0 to tolerance;
 * - `'constant'`: every row of logits is constant, the NLL is ln K for every T: T = 1;
 * - `'separable'`: every label is an argmax of its row, the NLL decreases
 *   towards its infimum as T → 0: T = `minTemperature`;
 * - `'floor'`: the optimum lies below `minTemperature` (returned);
 * - `'ceiling'`: the optimum lies above `maxTemperature` (returned): the logits
 *   rank the labels no better than a uniform guess.
 */
export type TemperatureStatus = 'optimum' | 'constant' | 'separable' | 'floor' | 'ceiling';

/** Result of {@link fitTemperature}. */
export interface TemperatureFit {
  /** T = 1/β > 0. */
  temperature: number;
  /** β = 1/T. */
  beta: number;
  /** Mean NLL of softmax(z) (T = 1), in nats. */
  nllBefore: number;
  /** Mean NLL of softmax(z/T), in nats; never above `nllBefore` when 1 ∈ [minT, maxT]. */
  nllAfter: number;
  /** Objective evaluations (each one O(N·K) pass). */
  iterations: number;
  /** Whether the solver met its stopping rule within `maxIterations`. */
  converged: boolean;
  /** How the fit ended; see {@link TemperatureStatus}. */
  status: TemperatureStatus;
}

const FN = 'fitTemperature';

/** The largest `maxIterations` accepted (each iteration is one O(N·K) pass). */
const MAX_ITERATIONS = 100_000;

/**
 * Temperature scaling (Guo et al. 2017): the T > 0 that minimises the mean
 * negative log-likelihood of softmax(z/T) on held-out logits.
 *
 * Solved in β = 1/T, where f(β) = (1/N) Σ_i [log Σ_j e^{β z_ij} − β z_iy_i] is
 * convex: f′(β) = (1/N) Σ_i (E_p[z_i] − z_iy_i) and f″(β) = (1/N) Σ_i Var_p(z_i) ≥ 0
 * with p = softmax(β z_i). A bracket on f′ is expanded by doubling from β = 1,
 * then safeguarded Newton steps (midpoint when a step leaves the bracket)
 * converge to the global minimiser on [1/maxTemperature, 1/minTemperature].
 * Degenerate inputs are reported in `status` rather than looping or returning NaN.
 *
 * @param logits - N×K finite logits (K ≥ 2), held-out data
 * @param labels - N class indices in [0, K)
 * @param options - `minTemperature` (1e-3), `maxTemperature` (1e3), `maxIterations` (100), `tolerance` (1e-12)
 * @returns `{ temperature, beta, nllBefore, nllAfter, iterations, converged, status }`
 * @throws LslabError `E_SHAPE`, `E_EMPTY`, `E_NOT_FINITE`, `E_LABEL`, `E_RANGE` (options)
 * @example
 * const z = fromRows([[2, 0], [0, 2], [2, 0], [0, 2]]);
 * const fit = fitTemperature(z, [0, 1, 1, 0]); // half the argmaxes are wrong
 * fit.status; // 'ceiling': no sharpening helps, the best is T → ∞ (here 1e3)
 * fitTemperature(z, [0, 1, 0, 0]).temperature; // 2 / ln 3 ≈ 1.8205 (3 of 4 right: p = 3/4)
 */
export function fitTemperature(
  logits: Matrix,
  labels: ArrayLike<number>,
  options?: FitTemperatureOptions,
): TemperatureFit {
  const o = checkOptions<FitTemperatureOptions>(FN, options, [
    'minTemperature',
    'maxTemperature',
    'maxIterations',
    'tolerance',
  ]);
  const { rowMax, rowMin } = checkLogits(FN, logits);
  checkLabels(FN, 'labels', labels, logits.rows, logits.cols);
  const minT = checkPositive(FN, 'options.minTemperature', o.minTemperature ?? 1e-3);
  const maxT = checkPositive(FN, 'options.maxTemperature', o.maxTemperature ?? 1e3);
  if (!(minT < maxT) || minT < 1e-15 || maxT > 1e15) {
    throw new LslabError('E_RANGE', FN, 'needs 1e-15 ≤ minTemperature < maxTemperature ≤ 1e15', {
      argument: 'options.maxTemperature',
      value: maxT,
    });
  }
  const maxIterations = checkInteger(FN, 'options.maxIterations', o.maxIterations ?? 100, {
    min: 1,
    max: MAX_ITERATIONS,
  });
  const tol = checkPositive(FN, 'options.tolerance', o.tolerance ?? 1e-12);
  const { rows: n, cols: k, data: z } = logits;
  const y = Int32Array.from(labels);
  const data: TemperatureData = { n, k, z, y, rowMax };
  const e = { f: 0, g: 0, h: 0 };
  evalTemperature(data, 1, e);
  const nllBefore = e.f;
  let constant = true;
  let separable = true;
  for (let i = 0; i < n; i++) {
    if (rowMax[i] !== rowMin[i]) constant = false;
    if (z[i * k + y[i]] !== rowMax[i]) separable = false;
  }
  const done = (beta: number, f: number, iterations: number, status: TemperatureStatus) => ({
    temperature: 1 / beta,
    beta,
    nllBefore,
    nllAfter: f,
    iterations,
    converged: true,
    status,
  });
  if (constant) return done(1, nllBefore, 0, 'constant');
  if (separable) {
    evalTemperature(data, 1 / minT, e);
    return done(1 / minT, e.f, 1, 'separable');
  }
  const s = solveBeta(data, 1 / maxT, 1 / minT, maxIterations, tol);
  const status: TemperatureStatus =
    s.where === 'upper' ? 'floor' : s.where === 'lower' ? 'ceiling' : 'optimum';
  return { ...done(s.beta, s.f, s.iterations, status), converged: s.converged };
}
