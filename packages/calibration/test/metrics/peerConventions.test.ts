import { fromRows } from '@lslab/core';
import { createRng } from '@lslab/models';
import { EPS, expectClose } from '@lslab/test-utils';
import { describe, expect, it } from 'vitest';
import { brierScore, expectedCalibrationError } from '../../src/index.ts';
import { randomProbs, sampleLabels, topLabel } from './helpers.ts';

/**
 * torchmetrics (BinaryCalibrationError / MulticlassCalibrationError), re-derived
 * from its documented algorithm: boundaries = linspace(0, 1, B + 1) in float32;
 * bin = bucketize(conf, boundaries, right=True) − 1, i.e. boundaries[b] ≤ conf <
 * boundaries[b + 1], which gives [lo, hi) bins plus an extra slot B for a
 * confidence of exactly 1.0; per-slot means with empty slots set to 0;
 * l1 = Σ |acc − conf|·prop, max = max |acc − conf|, l2 = sqrt(Σ (acc − conf)²·prop).
 * Binary input: conf = p, accuracy = target (calibration of the positive class).
 */
function torchmetricsCE(conf: number[], acc: number[], B: number, norm: 'l1' | 'l2' | 'max') {
  const edges = Array.from({ length: B + 1 }, (_, i) => Math.fround(i / B));
  const cnt = new Array(B + 1).fill(0);
  const sc = new Array(B + 1).fill(0);
  const sa = new Array(B + 1).fill(0);
  for (let i = 0; i < conf.length; i++) {
    let b = 0;
    while (b < B && conf[i] >= edges[b + 1]) b++;
    cnt[b]++;
    sc[b] += conf[i];
    sa[b] += acc[i];
  }
  let l1 = 0;
  let l2 = 0;
  let mx = 0;
  for (let b = 0; b <= B; b++) {
    const g = cnt[b] ? Math.abs(sa[b] / cnt[b] - sc[b] / cnt[b]) : 0;
    const prop = cnt[b] / conf.length;
    l1 += g * prop;
    l2 += g * g * prop;
    mx = Math.max(mx, g);
  }
  return norm === 'l1' ? l1 : norm === 'l2' ? Math.sqrt(l2) : mx;
}

/**
 * scikit-learn calibration_curve(strategy='uniform'), re-derived from its
 * documented algorithm: bins = np.linspace(0, 1, B + 1) (i·(1/B), last = 1);
 * binids = np.searchsorted(bins[1:-1], y_prob) (side 'left': the number of
 * interior edges strictly below p, so bins are (lo, hi] and p = 0 is in bin 0);
 * empty bins are dropped; prob_true = mean y, prob_pred = mean p per bin.
 */
function sklearnCalibrationCurve(p: number[], y: number[], B: number) {
  const step = 1 / B;
  const interior = Array.from({ length: B - 1 }, (_, i) => (i + 1) * step);
  const cnt = new Array(B).fill(0);
  const sp = new Array(B).fill(0);
  const sy = new Array(B).fill(0);
  for (let i = 0; i < p.length; i++) {
    const b = interior.filter((e) => e < p[i]).length;
    cnt[b]++;
    sp[b] += p[i];
    sy[b] += y[i];
  }
  const probTrue: number[] = [];
  const probPred: number[] = [];
  for (let b = 0; b < B; b++) {
    if (cnt[b] === 0) continue;
    probTrue.push(sy[b] / cnt[b]);
    probPred.push(sp[b] / cnt[b]);
  }
  return { probTrue, probPred };
}

/**
 * Guo et al. (2017), Eq. 3 and the MCE: bins I_m = ((m − 1)/M, m/M], ECE =
 * Σ_m |B_m|/n · |acc(B_m) − conf(B_m)|, MCE = max_m over non-empty bins.
 */
function guo(conf: number[], correct: number[], M: number) {
  let ece = 0;
  let mce = 0;
  for (let m = 1; m <= M; m++) {
    const idx = conf.map((_, i) => i).filter((i) => conf[i] > (m - 1) / M && conf[i] <= m / M);
    if (idx.length === 0) continue;
    const acc = idx.reduce((s, i) => s + correct[i], 0) / idx.length;
    const cf = idx.reduce((s, i) => s + conf[i], 0) / idx.length;
    ece += (idx.length / conf.length) * Math.abs(acc - cf);
    mce = Math.max(mce, Math.abs(acc - cf));
  }
  return { ece, mce };
}

describe('torchmetrics convention: edges left, l1 / l2 / max', () => {
  it('reproduces the documented binary example (0.2900, 0.2918, 0.3167)', () => {
    // BinaryCalibrationError docstring: preds [0.25, 0.25, 0.55, 0.75, 0.75],
    // target [0, 0, 1, 1, 1], n_bins=2 → l1 0.2900, l2 0.2918, max 0.3167.
    const p = [0.25, 0.25, 0.55, 0.75, 0.75];
    const y = [0, 0, 1, 1, 1];
    const want = { l1: 0.29, l2: 0.2918, max: 0.3167 };
    for (const norm of ['l1', 'l2', 'max'] as const) {
      const v = expectedCalibrationError(p, y, { bins: 2, norm }).value;
      expect(Math.abs(v - want[norm])).toBeLessThan(5e-5); // printed to 4 decimals
    }
  });

  it('reproduces the documented multiclass example (0.2000, 0.2082, 0.2333)', () => {
    const p = fromRows([
      [0.25, 0.2, 0.55],
      [0.55, 0.05, 0.4],
      [0.1, 0.3, 0.6],
      [0.9, 0.05, 0.05],
    ]);
    const want = { l1: 0.2, l2: 0.2082, max: 0.2333 };
    for (const norm of ['l1', 'l2', 'max'] as const) {
      const v = expectedCalibrationError(p, [0, 1, 2, 0], { bins: 3, norm }).value;
      expect(Math.abs(v - want[norm])).toBeLessThan(5e-5);
    }
  });

  it('matches the re-derived algorithm on seeded multiclass and binary data', () => {
    for (const seed of [1, 2, 3]) {
      const p = randomProbs(seed, 400, 4);
      const y = sampleLabels(seed + 100, p);
      const { conf, correct } = topLabel(p, y);
      // keep the comparison away from float32 edges and from confidence 1.0
      expect(conf.every((c) => c < 1)).toBe(true);
      for (const norm of ['l1', 'l2', 'max'] as const) {
        const ours = expectedCalibrationError(p, y, { bins: 15, norm }).value;
        expectClose(ours, torchmetricsCE(conf, correct, 15, norm), { rtol: 1e-12 / EPS });
      }
      const rng = createRng(seed);
      const pb = Array.from({ length: 300 }, () => rng.uniform());
      const yb = pb.map((q) => rng.bernoulli(q));
      for (const norm of ['l1', 'l2', 'max'] as const) {
        expectClose(
          expectedCalibrationError(pb, yb, { bins: 10, norm }).value,
          torchmetricsCE(pb, yb, 10, norm),
          { rtol: 1e-12 / EPS },
        );
      }
    }
  });

  it('differs only for confidence exactly 1.0, which torchmetrics keeps in a separate slot', () => {
    // torchmetrics issue #3510: bucketize(..., right=True) − 1 sends 1.0 to slot B.
    // p = 0.95 (y 1) and 1.0 (y 0), 2 bins. Ours (and Guo's): one bin [0.5, 1],
    // conf 0.975, acc 0.5 → 0.475. torchmetrics: slots {0.95 → 1}: gap .05 and
    // {1.0 → 0}: gap 1 → (0.05 + 1)/2 = 0.525.
    const p = [0.95, 1];
    const y = [1, 0];
    expectClose(expectedCalibrationError(p, y, { bins: 2 }).value, 0.475, { rtol: 4 });
    expectClose(torchmetricsCE(p, y, 2, 'l1'), 0.525, { rtol: 4 });
  });
});

describe("scikit-learn calibration_curve convention: edges 'right'", () => {
  it('gives the same non-empty bins (prob_true, prob_pred) on seeded data and the i/B grid', () => {
    const rng = createRng(7);
    const p = Array.from({ length: 500 }, () => rng.uniform());
    for (let i = 0; i <= 10; i++) p.push(i / 10); // exact boundaries, 0 and 1 included
    const y = p.map((q) => rng.bernoulli(q));
    const ref = sklearnCalibrationCurve(p, y, 10);
    const ours = expectedCalibrationError(p, y, { bins: 10, edges: 'right' }).bins.filter(
      (b) => b.count > 0,
    );
    expect(ours.length).toBe(ref.probTrue.length);
    ours.forEach((b, i) => {
      expectClose(b.accuracy!, ref.probTrue[i], { rtol: 2 });
      expectClose(b.confidence!, ref.probPred[i], { rtol: 1e-13 / EPS });
    });
  });

  it('parts ways only within one ulp of an edge, where numpy computes 3·(1/10) > 3/10', () => {
    // numpy's edge is 0.30000000000000004; the double just above 0.3 equals it.
    const justAbove = 3 * (1 / 10);
    expect(justAbove).toBeGreaterThan(0.3);
    const ref = sklearnCalibrationCurve([justAbove], [1], 10);
    const ours = expectedCalibrationError([justAbove], [1], { bins: 10, edges: 'right' });
    expect(ref.probPred).toEqual([justAbove]); // scikit-learn: bin (0.2, 0.3…04]
    expect(ours.bins[3].count).toBe(1); // ours: bin (3/10, 4/10]
  });
});

describe("Guo et al. (2017) ECE and MCE: edges 'right', top-label", () => {
  it('matches Eq. 3 on seeded multiclass data', () => {
    const p = randomProbs(11, 300, 5, 1.5);
    const y = sampleLabels(12, p);
    const { conf, correct } = topLabel(p, y);
    const ref = guo(conf, correct, 15);
    const tol = { rtol: 1e-12 / EPS };
    expectClose(expectedCalibrationError(p, y, { edges: 'right' }).value, ref.ece, tol);
    expectClose(
      expectedCalibrationError(p, y, { edges: 'right', norm: 'max' }).value,
      ref.mce,
      tol,
    );
  });
});

describe('scikit-learn brier_score_loss convention', () => {
  it("binary vector: mean (y − p)² on [0, 1]; matrix: Σ_c on [0, 2] (scale_by_half='auto')", () => {
    // the docstring example: y_true [0, 1, 1, 0], y_proba [0.1, 0.9, 0.8, 0.3] → 0.0375
    expectClose(brierScore([0.1, 0.9, 0.8, 0.3], [0, 1, 1, 0]), 0.0375, { rtol: 4 });
    const m = fromRows([
      [0.9, 0.1],
      [0.1, 0.9],
      [0.2, 0.8],
      [0.7, 0.3],
    ]);
    expectClose(brierScore(m, [0, 1, 1, 0]), 0.075, { rtol: 4 });
  });
});
