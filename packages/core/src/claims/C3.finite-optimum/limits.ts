import { check } from '../../claim.js';
import type { SmoothingConvention } from '../../convention.js';
import { minimumSmoothedLoss } from '../../minimumSmoothedLoss.js';
import { optimalLogitGap } from '../../optimalLogitGap.js';
import { smoothLabels } from '../../smoothLabels.js';
import { softmax } from '../../softmax.js';
import { EPS, sumRounding } from '../tolerances.js';
import { maxAbsDiff } from '../vectors.js';
import { descend, stopGradient } from './descent.js';

/**
 * @internal Checks of the limit of the multi-class descent. At the stop max|p − q| ≤ g
 * (the stopping gradient plus (K + 2)·EPS between kernel and softmax), so each
 * |ln(p_k/q_k)| ≤ r/(1 − r) with r = g/min q: gaps and the spread of z − log q
 * are within 2r/(1 − r) plus the rounding of z; the loss exceeds H(q) by
 * KL(q‖p) ≤ K·g²/(min q − g) plus the rounding of two K-term sums.
 */
export function multiClass(K: number, alpha: number, c: SmoothingConvention) {
  const { z, steps, loss } = descend(K, alpha, c);
  const q = smoothLabels([0], K, alpha, { convention: c }).data;
  let lo = Infinity;
  let hi = -Infinity;
  let qmin = Infinity;
  for (let j = 0; j < K; j++) {
    const d = z[j] - Math.log(q[j]);
    lo = Math.min(lo, d);
    hi = Math.max(hi, d);
    qmin = Math.min(qmin, q[j]);
  }
  const gap = z[0] - z[1];
  const g = stopGradient(K) + (K + 2) * EPS;
  const r = g / qmin;
  const logTol = (2 * r) / (1 - r) + 4 * EPS * (1 + Math.abs(gap));
  const lossTol = (K * g * g) / (qmin - g) + sumRounding(K, 1 - Math.log(qmin), 2);
  const checks = [
    check(
      `${c}: z_y − z_k at the limit of gradient descent`,
      optimalLogitGap(alpha, K, { convention: c }),
      gap,
      logTol,
    ),
    check(`${c}: z = log q + c (spread of z − log q)`, 0, hi - lo, logTol),
    check(`${c}: p = q at the limit (max |p − q|)`, 0, maxAbsDiff(softmax(z), q), g),
    check(
      `${c}: minimum loss = H(q)`,
      minimumSmoothedLoss(alpha, K, { convention: c }),
      loss,
      lossTol,
    ),
  ];
  return { checks, steps };
}

/**
 * @internal The tolerance of a smoothed binary limit: the descent stops once
 * |σ(z) − t| ≤ 4·EPS·|z|/η (plus EPS for σ itself); the curvature at z* is
 * t(1 − t), so |z − z*| is at most that over t(1 − t), doubled for the change
 * of curvature, plus 2·EPS·|z*| for the closed form.
 */
export function binaryTol(t: number, zStar: number, lr: number): number {
  return (2 * ((4 * EPS * Math.abs(zStar)) / lr + EPS)) / (t * (1 - t)) + 2 * EPS * Math.abs(zStar);
}
