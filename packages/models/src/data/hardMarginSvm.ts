import { LslabError, type Matrix } from '@lslab/core';
import { checkInOpenRange, checkInteger, checkMatrix, checkOptions } from '@lslab/core/validate';
import { cholesky, choleskySolve, maxDiagonal } from '../linalg/cholesky.js';

/** Options of {@link hardMarginSvm}. */
export interface HardMarginSvmOptions {
  /** Largest allowed KKT residual (see {@link hardMarginSvm}); default 1e-10. */
  tol?: number;
  /** Most coordinate-ascent sweeps over the data; default 100 000. */
  maxSweeps?: number;
}

/** The solution returned by {@link hardMarginSvm}. */
export interface HardMarginSvmResult {
  /** ŵ = argmin ‖w‖² s.t. s_i w·x_i ≥ 1, length d. */
  readonly w: Float64Array;
  /** Dual variables α_i ≥ 0 with ŵ = Σ α_i s_i x_i, length n. */
  readonly alpha: Float64Array;
  /** Indices i with α_i > 0, ascending. */
  readonly supportVectors: Int32Array;
  /** Geometric margin 1/‖ŵ‖. */
  readonly margin: number;
  /** Coordinate-ascent sweeps used. */
  readonly iterations: number;
  /** Largest KKT residual at return (primal feasibility, complementary slackness). */
  readonly kktResidual: number;
}

/**
 * Solves the hard-margin SVM without bias, ŵ = argmin ½‖w‖² subject to
 * s_i w·x_i ≥ 1 with s_i = 2y_i − 1, through its dual
 * max_α Σα_i − ½‖Σ α_i s_i x_i‖² over α ≥ 0 (no equality constraint, as there
 * is no bias). Dual coordinate ascent: with w = Σ α_i s_i x_i and the margin
 * residual g_i = s_i w·x_i − 1, the exact maximiser along α_i is
 * α_i ← max(0, α_i − g_i/‖x_i‖²), and w is updated in O(d). After each sweep
 * the current support set S = {α_i > 0} is polished: if the Gram matrix of
 * {s_i x_i : i ∈ S} is positive definite, α_S solves G α_S = 1 exactly
 * (every support vector on the margin). It stops when the KKT residual
 * max_i max(−g_i, α_i>0 ? |g_i| : 0) — primal infeasibility plus
 * complementary slackness; stationarity w = Σ α_i s_i x_i holds by
 * construction — is ≤ `tol`.
 *
 * @param x - n × d rows (n ≥ 1, finite)
 * @param y - n labels in {0, 1}
 * @param options - tolerance and sweep limit
 * @returns ŵ, α, support vectors, margin 1/‖ŵ‖, sweeps, final KKT residual
 * @throws LslabError `E_EMPTY`, `E_SHAPE`, `E_NOT_FINITE`, `E_LABEL` for bad
 *   input; `E_RANGE` for `tol` outside (0, 1) or `maxSweeps` outside [1, 10⁹],
 *   `E_OPTION` for an unknown option; `E_RANGE` for a zero row (its constraint 0 ≥ 1 cannot hold);
 *   `E_CONVERGENCE` when the data are not separable through the origin (α
 *   grows without bound) or the sweeps run out
 * @example
 * // x1 = (2, 1) positive, x2 = (1, −2) negative: ŵ = (1/5, 3/5), α = (1/5, 1/5)
 * hardMarginSvm(fromRows([[2, 1], [1, -2]]), [1, 0]).w; // ≈ [0.2, 0.6]
 */
export function hardMarginSvm(
  x: Matrix,
  y: ArrayLike<number>,
  options: HardMarginSvmOptions = {},
): HardMarginSvmResult {
  const fn = 'hardMarginSvm';
  const o = checkOptions<HardMarginSvmOptions>(fn, options, ['tol', 'maxSweeps']);
  checkMatrix(fn, 'x', x);
  const { rows: n, cols: d, data } = x;
  const tol = checkInOpenRange(fn, 'options.tol', o.tol ?? 1e-10, 0, 1);
  const maxSweeps = checkInteger(fn, 'options.maxSweeps', o.maxSweeps ?? 100_000, {
    min: 1,
    max: 1e9,
  });
  if (n === 0) throw new LslabError('E_EMPTY', fn, 'has no rows', { argument: 'x' });
  if (y === null || typeof y !== 'object' || y.length !== n) {
    throw new LslabError('E_SHAPE', fn, `has length ${y?.length}, expected x.rows = ${n}`, {
      argument: 'y',
    });
  }
  const s = new Float64Array(n);
  const sq = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (y[i] !== 0 && y[i] !== 1) {
      throw new LslabError('E_LABEL', fn, 'must be 0 or 1', { argument: 'y', row: i, value: y[i] });
    }
    s[i] = 2 * y[i] - 1;
    for (let j = 0; j < d; j++) {
      const v = data[i * d + j];
      if (!Number.isFinite(v)) {
        throw new LslabError('E_NOT_FINITE', fn, 'is not finite', {
          argument: 'x',
          row: i,
          column: j,
          value: v,
        });
      }
      sq[i] += v * v;
    }
    if (sq[i] === 0) {
      throw new LslabError('E_RANGE', fn, 'is the zero vector, so s·w·x ≥ 1 cannot hold', {
        argument: 'x',
        row: i,
      });
    }
  }
  const alpha = new Float64Array(n);
  const w = new Float64Array(d);
  const margins = (i: number) => {
    let p = 0;
    for (let j = 0; j < d; j++) p += w[j] * data[i * d + j];
    return s[i] * p - 1;
  };
  const residual = () => {
    let r = 0;
    for (let i = 0; i < n; i++) {
      const g = margins(i);
      r = Math.max(r, -g, alpha[i] > 0 ? Math.abs(g) : 0);
    }
    return r;
  };
  const rebuild = () => {
    w.fill(0);
    for (let i = 0; i < n; i++) {
      if (alpha[i] === 0) continue;
      const c = alpha[i] * s[i];
      for (let j = 0; j < d; j++) w[j] += c * data[i * d + j];
    }
  };
  const polish = () => {
    const sv: number[] = [];
    for (let i = 0; i < n; i++) if (alpha[i] > 0) sv.push(i);
    const m = sv.length;
    if (m === 0 || m > d) return;
    const g = new Float64Array(m * m);
    for (let a = 0; a < m; a++) {
      for (let b = 0; b <= a; b++) {
        let p = 0;
        for (let j = 0; j < d; j++) p += data[sv[a] * d + j] * data[sv[b] * d + j];
        g[a * m + b] = g[b * m + a] = s[sv[a]] * s[sv[b]] * p;
      }
    }
    const l = new Float64Array(m * m);
    if (!cholesky(g, m, 0, 1e-12 * maxDiagonal(g, m), l)) return;
    const beta = new Float64Array(m).fill(1);
    choleskySolve(l, m, beta);
    if (beta.some((b) => !(b > 0))) return;
    const saved = Float64Array.from(alpha);
    const before = residual();
    for (let a = 0; a < m; a++) alpha[sv[a]] = beta[a];
    rebuild();
    if (residual() > before) {
      alpha.set(saved);
      rebuild();
    }
  };
  let sweeps = 0;
  let r = residual();
  while (r > tol) {
    if (sweeps >= maxSweeps) {
      throw new LslabError(
        'E_CONVERGENCE',
        fn,
        `KKT residual ${r} > tol ${tol} after ${sweeps} sweeps`,
        {
          argument: 'x',
        },
      );
    }
    sweeps++;
    for (let i = 0; i < n; i++) {
      const next = Math.max(0, alpha[i] - margins(i) / sq[i]);
      const delta = next - alpha[i];
      if (delta === 0) continue;
      alpha[i] = next;
      const c = delta * s[i];
      for (let j = 0; j < d; j++) w[j] += c * data[i * d + j];
    }
    rebuild();
    polish();
    r = residual();
    let total = 0;
    for (let i = 0; i < n; i++) total += alpha[i];
    if (!Number.isFinite(total) || total > 1e15) {
      throw new LslabError(
        'E_CONVERGENCE',
        fn,
        'the dual diverges: the data are not separable through the origin',
        {
          argument: 'x',
        },
      );
    }
  }
  const sv: number[] = [];
  for (let i = 0; i < n; i++) if (alpha[i] > 0) sv.push(i);
  let norm = 0;
  for (let j = 0; j < d; j++) norm += w[j] * w[j];
  return {
    w,
    alpha,
    supportVectors: Int32Array.from(sv),
    margin: 1 / Math.sqrt(norm),
    iterations: sweeps,
    kktResidual: r,
  };
}
