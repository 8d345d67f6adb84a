import {
  evalTemperature,
  type TemperatureData,
  type TemperatureEval,
} from './temperatureObjective.js';

/** @internal Outcome of {@link solveBeta}. */
export interface BetaSolution {
  beta: number;
  f: number;
  iterations: number;
  converged: boolean;
  /** 'interior' optimum, or the optimum lies at/beyond 'upper' (β_max) or 'lower' (β_min). */
  where: 'interior' | 'upper' | 'lower';
}

/**
 * @internal Minimises the convex f(β) over [βmin, βmax] by a safeguarded
 * Newton iteration on f'.
 *
 * 1. Start at β₀ = clamp(1, βmin, βmax). Expand geometrically (×2 or ÷2) in
 *    the downhill direction until f' changes sign, which brackets the root of
 *    f' in [a, b] with f'(a) < 0 < f'(b); if f' keeps its sign up to the
 *    boundary, the constrained optimum is that boundary (f is convex).
 * 2. Newton steps β − f'/f'' from the bracket end with the smaller |f'|; a
 *    step that leaves (a, b) or meets f'' ≤ 0 is replaced by the midpoint, and
 *    every evaluation shrinks the bracket. Stops when the Newton correction
 *    f'/f'' at the current point, the last step or the bracket is below
 *    `tol`·β, or f' = 0 exactly.
 *
 * Every evaluation counts as one iteration.
 */
export function solveBeta(
  data: TemperatureData,
  betaMin: number,
  betaMax: number,
  maxIterations: number,
  tol: number,
): BetaSolution {
  const e: TemperatureEval = { f: 0, g: 0, h: 0 };
  let it = 0;
  let beta = Math.min(Math.max(1, betaMin), betaMax);
  evalTemperature(data, beta, e);
  it++;
  if (e.g === 0) return { beta, f: e.f, iterations: it, converged: true, where: 'interior' };
  // Bracket: [a, b] with g(a) < 0 < g(b).
  let a = betaMin;
  let b = betaMax;
  const up = e.g < 0;
  while (it < maxIterations) {
    if (up) a = beta;
    else b = beta;
    const atEdge = up ? beta >= betaMax : beta <= betaMin;
    if (atEdge)
      return { beta, f: e.f, iterations: it, converged: true, where: up ? 'upper' : 'lower' };
    const next = up ? Math.min(beta * 2, betaMax) : Math.max(beta / 2, betaMin);
    const prev = { beta, f: e.f, g: e.g, h: e.h };
    beta = next;
    evalTemperature(data, beta, e);
    it++;
    if (e.g === 0) return { beta, f: e.f, iterations: it, converged: true, where: 'interior' };
    if (up ? e.g > 0 : e.g < 0) {
      if (up) b = beta;
      else a = beta;
      if (Math.abs(prev.g) < Math.abs(e.g)) {
        beta = prev.beta;
        e.f = prev.f;
        e.g = prev.g;
        e.h = prev.h;
      }
      break;
    }
  }
  while (it < maxIterations) {
    const newton = e.h > 0 ? e.g / e.h : Number.NaN;
    // A Newton correction below the tolerance means β is the root to working precision.
    if (Math.abs(newton) <= tol * beta) {
      return { beta, f: e.f, iterations: it, converged: true, where: 'interior' };
    }
    let next = beta - newton;
    if (!(next > a && next < b)) next = 0.5 * (a + b);
    const step = Math.abs(next - beta);
    beta = next;
    evalTemperature(data, beta, e);
    it++;
    if (e.g < 0) a = beta;
    else if (e.g > 0) b = beta;
    if (e.g === 0 || step <= tol * beta || b - a <= tol * beta) {
      return { beta, f: e.f, iterations: it, converged: true, where: 'interior' };
    }
  }
  return { beta, f: e.f, iterations: it, converged: false, where: 'interior' };
}
