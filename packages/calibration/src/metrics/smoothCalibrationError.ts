import type { Matrix } from '@lslab/core';
import { checkInteger, checkOptions } from '@lslab/core/validate';
import { checkProbabilities } from '../internal/probabilities.js';
import { scoredEvents } from '../internal/topLabel.js';
import {
  gridAt,
  gridSize,
  integrateAbs,
  smoothGrid,
  spreadToGrid,
} from './internal/reflectedKernel.js';

/** One point of the smoothed reliability curve. */
export interface SmoothCurvePoint {
  /** Score t ∈ [0, 1]. */
  confidence: number;
  /** r̂(t) = Σ K̃(t, f_i)(y_i − f_i) / Σ K̃(t, f_i); `null` where the density underflows to 0. */
  smoothedResidual: number | null;
  /** δ̂(t) = (1/N) Σ K̃(t, f_i), a density on [0, 1]. */
  density: number;
}

/** Result of {@link smoothCalibrationError}. */
export interface SmoothCalibrationResult {
  /** smECE at the fixed-point bandwidth, in [0, 1]. */
  value: number;
  /** The bandwidth σ* with σ* = smECE_σ*. */
  sigma: number;
  /** The smoothed reliability curve at `points` equally spaced scores. */
  curve: SmoothCurvePoint[];
}

/** The largest number of curve points (allocated up front). */
const MAX_POINTS = 1_000_000;

/** Smallest bandwidth searched; below it the fixed point is reported as this value. */
const SIGMA_MIN = 1e-3;

/** @internal smECE_σ of gridded residual masses. */
function smeceAt(
  f: Float64Array,
  r: Float64Array,
  sigma: number,
  cache: Map<number, Float64Array>,
) {
  const m = gridSize(sigma);
  let w = cache.get(m);
  if (w === undefined) {
    w = spreadToGrid(f, r, m);
    cache.set(m, w);
  }
  return integrateAbs(smoothGrid(w, m, sigma), m);
}

/**
 * Smooth ECE (smECE) of Błasiok & Nakkiran (2023), bin-free.
 *
 * With scores f_i (top-label confidence for a matrix, p(y = 1) for a vector),
 * outcomes y_i, and the Gaussian kernel reflected at 0 and 1,
 * K̃_σ(t, x) = Σ_k [φ_σ(t − x + 2k) + φ_σ(t + x + 2k)]:
 *
 *   smECE_σ = ∫_0^1 |r̂_σ(t)| δ̂_σ(t) dt = ∫_0^1 |(1/N) Σ_i K̃_σ(t, f_i)(y_i − f_i)| dt.
 *
 * smECE_σ does not increase with σ, so the bandwidth σ* solving σ = smECE_σ is
 * unique; it is bracketed by halving σ from 1 and found by bisection to a
 * relative width of 10⁻⁶ (if smECE_σ < σ still holds at σ = 10⁻³, σ* is
 * reported as 10⁻³). The integral is computed with the trapezoid rule on a
 * grid of step ≤ σ/40, each residual spread over its three nearest nodes so
 * that its mass, mean and second moment are kept; against direct quadrature
 * of the definition the relative error is about 10⁻⁶ in the tests. When every
 * residual y_i − f_i has the same sign the value is exactly |mean(y − f)| for
 * every σ.
 *
 * @param probs - N×K probabilities (rows sum to 1 within 1e-6) or a vector of p(y = 1)
 * @param labels - class indices in [0, K) (0/1 for a vector)
 * @param options.points - number of curve points, an integer in [2, 10⁶]; default 101
 * @returns `{ value, sigma, curve }`
 * @throws LslabError as `brierScore`; E_RANGE for `points`; E_OPTION for unknown options
 * @see [calibration.md](../../../../docs/calibration.md): smooth ECE, compared with relplot
 * @example
 * // every residual is positive: smECE = mean(y − f) = (0.4 + 0.2) / 2 = 0.3 = σ*
 * smoothCalibrationError([0.6, 0.8], [1, 1]).value; // 0.3
 */
export function smoothCalibrationError(
  probs: Matrix | ArrayLike<number>,
  labels: ArrayLike<number>,
  options?: { points?: number },
): SmoothCalibrationResult {
  const fn = 'smoothCalibrationError';
  const o = checkOptions<{ points?: number }>(fn, options, ['points']);
  const points = checkInteger(fn, 'options.points', o.points ?? 101, { min: 2, max: MAX_POINTS });
  const v = checkProbabilities(fn, probs, labels);
  const { score, outcome } = scoredEvents(v);
  const n = v.n;
  const r = new Float64Array(n);
  for (let i = 0; i < n; i++) r[i] = (outcome[i] - score[i]) / n;
  const cache = new Map<number, Float64Array>();
  // Bracket σ* by halving from 1 (small σ are the costly ones), then bisect.
  let hi = 1;
  let lo = 1;
  if (smeceAt(score, r, 1, cache) < 1) {
    lo = 0.5;
    while (smeceAt(score, r, lo, cache) <= lo) {
      hi = lo;
      if (lo === SIGMA_MIN) break;
      lo = Math.max(SIGMA_MIN, lo * 0.5);
    }
  }
  while (hi - lo > 1e-6 * hi) {
    const mid = 0.5 * (lo + hi);
    if (smeceAt(score, r, mid, cache) > mid) lo = mid;
    else hi = mid;
  }
  const sigma = 0.5 * (lo + hi);
  const m = gridSize(sigma);
  const g = smoothGrid(cache.get(m) ?? spreadToGrid(score, r, m), m, sigma);
  const value = integrateAbs(g, m);
  const dens = smoothGrid(spreadToGrid(score, new Float64Array(n).fill(1 / n), m), m, sigma);
  const curve: SmoothCurvePoint[] = [];
  for (let p = 0; p < points; p++) {
    const t = p / (points - 1);
    const density = gridAt(dens, m, t);
    const num = gridAt(g, m, t);
    curve.push({ confidence: t, smoothedResidual: density > 0 ? num / density : null, density });
  }
  return { value, sigma, curve };
}
