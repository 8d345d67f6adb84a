import { createRng, LslabError, type Rng, type SmoothingConvention } from '@lslab/core';
import {
  checkAlpha,
  checkConvention,
  checkInteger,
  checkOptions,
  checkPositive,
  checkRng,
  checkSeed,
} from '@lslab/core/validate';
import { softmaxData } from '@lslab/models';
import { distance, fitRegularised } from './internal/fitRegularised.js';
import { largestEigenvalue, secondMoment } from './internal/largestEigenvalue.js';
import { targetChange } from './internal/targetChange.js';

/** Options of {@link stabilitySweep}; every field has a default. */
export interface StabilitySweepOptions {
  /** Training-set sizes, integers in [2, 20 000]; default 50, 100, …, 3200 (doubling). */
  ns?: readonly number[];
  /** Smoothing values in [0, 1]; default 0, 0.1, …, 1. α = 0 is always fitted as the reference. */
  alphas?: readonly number[];
  /** λ > 0 of (λ/2)‖W‖²; default 0.5. */
  lambda?: number;
  /** d, features per row, an integer in [1, 32]; default 4. */
  dim?: number;
  /** K in [2, 16]; default 3 (K = 2 fits logistic regression). */
  numClasses?: number;
  /** Rows flipped per cell (rows 0 … flips − 1 of every nested set), in [1, min(ns)]; default 4. */
  flips?: number;
  /** `'uniform'` (default) or `'others'`. */
  convention?: SmoothingConvention;
  /** Generator of the data; default `createRng(seed)`. */
  rng?: Rng;
  /** Seed when no `rng` is given; default 0. */
  seed?: number;
  /**
   * Called after each (n, α) pair is fitted, smallest n first, with what the
   * sweep has so far (slopes come only with the result). Its arrays are the
   * sweep's own, read-only: read them during the call.
   */
  onProgress?: (soFar: StabilitySweepProgress) => void;
}

/** What {@link stabilitySweep} hands its `onProgress` listener after each (n, α) pair. */
export interface StabilitySweepProgress {
  /** The pair just fitted. */
  n: number;
  alpha: number;
  /** Pairs fitted so far, 1 … total. */
  done: number;
  /** Pairs in the sweep: the sizes times the smoothing values (α = 0 included). */
  total: number;
  cells: readonly StabilityCell[];
  summary: StabilitySweepResult['summary'];
  curvature: StabilitySweepResult['curvature'];
}

/** One fit pair: row `index` flipped in the first n rows, at smoothing α. */
export interface StabilityCell {
  n: number;
  alpha: number;
  index: number;
  deltaW: number;
  /** ‖Δq‖‖x_i‖/(λn), the upper bound. */
  bound: number;
  /** ‖Δq‖‖x_i‖/(n(λ + L_n)), the lower bound from the curvature ceiling L_n. */
  lowerBound: number;
  /** (‖∇F‖ + ‖∇F′‖)/λ: how far the solver's ΔW can be from the exact one. */
  solverError: number;
}

/** The sweep's cells and summaries. */
export interface StabilitySweepResult {
  cells: StabilityCell[];
  /** Per (n, α): the mean ΔW over the flipped rows and its ratio to the α = 0 mean. */
  summary: { n: number; alpha: number; deltaW: number; ratio: number; expectedRatio: number }[];
  /** Per α with ΔW > 0: the least-squares slope of ln(mean ΔW) against ln n. */
  slopes: { alpha: number; slope: number }[];
  /** Per n: L_n = c·λ_max(XᵀX/n) (c = 1/2 softmax, 1/4 sigmoid), the ceiling of the data curvature. */
  curvature: { n: number; curvature: number }[];
}

const FN = 'stabilitySweep';
const DEFAULT_NS = [50, 100, 200, 400, 800, 1600, 3200];
const DEFAULT_ALPHAS = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];
const KEYS: (keyof StabilitySweepOptions)[] = [
  'ns',
  'alphas',
  'lambda',
  'dim',
  'numClasses',
  'flips',
  'convention',
  'rng',
  'seed',
  'onProgress',
];

/**
 * Runs {@link labelFlipStability}'s experiment over a grid: nested training
 * sets (the first n rows of one draw of well-specified softmax data,
 * `softmaxData` of `@lslab/models`, so that a larger n only adds rows) × the
 * smoothing values, flipping each of rows 0 … flips − 1 to the next class.
 * Each cell solves the L2-regularised problem before and after the flip by
 * Newton's method (the unflipped fit is shared by the flips of a cell).
 *
 * What it fits and reports: the log–log slope of mean ΔW in n (−1 by the
 * (1 − α)‖x_i‖/(λn) law once the Hessian of the mean loss has settled), the
 * ratio ΔW(α)/ΔW(0) against ‖Δq(α)‖/‖Δq(0)‖ (1 − α for `'uniform'`), and per
 * cell both bounds: by the mean-value theorem H̄ΔW = −x_iΔqᵀ/n with
 * λ ≤ H̄ ≤ λ + L_n, so ‖g‖/(λ + L_n) ≤ ΔW ≤ ‖g‖/λ, ‖g‖ = ‖Δq‖‖x_i‖/n.
 *
 * @param options - see {@link StabilitySweepOptions}
 * @returns cells, per-(n, α) summary, slopes and curvature ceilings
 * @throws LslabError `E_OPTION` (unknown key, an `onProgress` that is not a function), `E_RANGE` (a size, α, λ, d,
 *   K or flip count out of range; fewer than two distinct sizes), `E_CONVERGENCE`
 *   (Newton failed)
 * @see [C10.stability.md](../../../docs/theory/C10.stability.md): the 1/n rate and the factor 1 − α
 * @example
 * const s = stabilitySweep({ ns: [100, 200, 400], alphas: [0, 0.5], flips: 2 });
 * s.slopes; // [{ alpha: 0, slope: ≈ −1 }, { alpha: 0.5, slope: ≈ −1 }]
 */
export function stabilitySweep(options?: StabilitySweepOptions): StabilitySweepResult {
  const o = checkOptions<StabilitySweepOptions>(FN, options, KEYS);
  const ns = list(o.ns ?? DEFAULT_NS, 'options.ns', (v, name) =>
    checkInteger(FN, name, v, { min: 2, max: 20_000 }),
  );
  if (new Set(ns).size < 2) {
    throw new LslabError('E_RANGE', FN, 'needs two or more distinct sizes to fit a slope in n', {
      argument: 'options.ns',
      value: ns,
    });
  }
  const alphas = list(o.alphas ?? DEFAULT_ALPHAS, 'options.alphas', (v, name) =>
    checkAlpha(FN, v, name),
  );
  const lambda = checkPositive(FN, 'options.lambda', o.lambda ?? 0.5);
  const d = checkInteger(FN, 'options.dim', o.dim ?? 4, { min: 1, max: 32 });
  const k = checkInteger(FN, 'options.numClasses', o.numClasses ?? 3, { min: 2, max: 16 });
  const nMin = Math.min(...ns);
  const flips = checkInteger(FN, 'options.flips', o.flips ?? 4, { min: 1, max: nMin });
  const convention = checkConvention(FN, o.convention);
  const rng =
    o.rng !== undefined
      ? checkRng(FN, 'options.rng', o.rng)
      : createRng(checkSeed(FN, 'options.seed', o.seed ?? 0));
  const onProgress = o.onProgress;
  if (onProgress !== undefined && typeof onProgress !== 'function') {
    throw new LslabError('E_OPTION', FN, 'is not a function', {
      argument: 'options.onProgress',
      value: onProgress,
    });
  }
  const nMax = Math.max(...ns);
  const data = softmaxData(rng.derive('data'), { n: nMax, dim: d, numClasses: k });
  const grid = [...new Set([0, ...alphas])].sort((a, b) => a - b);
  const cells: StabilityCell[] = [];
  const summary: StabilitySweepResult['summary'] = [];
  const curvature: StabilitySweepResult['curvature'] = [];
  const mean = new Map<number, number[]>(grid.map((a) => [a, []]));
  const total = ns.length * grid.length;
  let done = 0;
  for (const n of [...ns].sort((a, b) => a - b)) {
    const x = { rows: n, cols: d, data: data.x.data.subarray(0, n * d) };
    const y = data.y.subarray(0, n);
    const ln = (k === 2 ? 0.25 : 0.5) * largestEigenvalue(secondMoment(x.data, n, d), d);
    curvature.push({ n, curvature: ln });
    let reference = Number.NaN;
    for (const alpha of grid) {
      const problem = { x, numClasses: k, alpha, lambda, convention };
      const base = fitRegularised(problem, y);
      const dq = targetChange(alpha, k, convention);
      let sum = 0;
      for (let i = 0; i < flips; i++) {
        const flipped = Int32Array.from(y);
        flipped[i] = (y[i] + 1) % k;
        const after = fitRegularised(problem, flipped, base.model.params);
        let xi = 0;
        for (let j = 0; j < d; j++) xi += x.data[i * d + j] ** 2;
        const g = (dq * Math.sqrt(xi)) / n;
        const deltaW = distance(base.model.params, after.model.params);
        sum += deltaW;
        cells.push({
          n,
          alpha,
          index: i,
          deltaW,
          bound: g / lambda,
          lowerBound: g / (lambda + ln),
          solverError: (base.gradientNorm + after.gradientNorm) / lambda,
        });
      }
      const m = sum / flips;
      if (alpha === 0) reference = m;
      mean.get(alpha)?.push(m);
      const expectedRatio = dq / targetChange(0, k, convention);
      if (alphas.includes(alpha))
        summary.push({ n, alpha, deltaW: m, ratio: m / reference, expectedRatio });
      done++;
      onProgress?.({ n, alpha, done, total, cells, summary, curvature });
    }
  }
  const sorted = [...ns].sort((a, b) => a - b);
  const slopes = alphas
    .filter((a) => (mean.get(a) ?? []).every((m) => m > 0))
    .map((alpha) => ({ alpha, slope: logLogSlope(sorted, mean.get(alpha) ?? []) }));
  return { cells, summary, slopes, curvature };
}

function list(
  v: readonly number[],
  name: string,
  each: (x: unknown, name: string) => number,
): number[] {
  if (!Array.isArray(v) || v.length === 0) {
    throw new LslabError('E_RANGE', FN, 'must be a non-empty array', { argument: name, value: v });
  }
  return v.map((x, i) => each(x, `${name}[${i}]`));
}

/** Least-squares slope of ln y against ln x. */
function logLogSlope(x: readonly number[], y: readonly number[]): number {
  const lx = x.map(Math.log);
  const ly = y.map(Math.log);
  const mx = lx.reduce((a, b) => a + b, 0) / lx.length;
  const my = ly.reduce((a, b) => a + b, 0) / ly.length;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < lx.length; i++) {
    sxy += (lx[i] - mx) * (ly[i] - my);
    sxx += (lx[i] - mx) ** 2;
  }
  return sxy / sxx;
}
