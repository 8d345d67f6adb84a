import { fromRows } from '@lslab/core';
import { createRng } from '@lslab/models';
import { EPS, expectClose } from '@lslab/test-utils';
import { describe, expect, it } from 'vitest';
import { smoothCalibrationError } from '../../src/index.ts';
import {
  gridSize,
  integrateAbs,
  smoothGrid,
  spreadToGrid,
} from '../../src/metrics/internal/reflectedKernel.ts';

/** Reflected Gaussian kernel, summed directly over images k = −K..K (definition). */
function reflected(t: number, x: number, s: number, images = 6): number {
  let v = 0;
  for (let k = -images; k <= images; k++) {
    for (const d of [t - x + 2 * k, t + x + 2 * k]) {
      v += Math.exp(-0.5 * (d / s) ** 2) / (s * Math.sqrt(2 * Math.PI));
    }
  }
  return v;
}

/** smECE_σ = ∫_0^1 |(1/N) Σ K̃(t, f_i)(y_i − f_i)| dt by composite Simpson on M panels. */
function smeceByQuadrature(f: number[], y: number[], s: number, M = 20000, images = 6): number {
  let acc = 0;
  for (let j = 0; j <= M; j++) {
    const t = j / M;
    let g = 0;
    for (let i = 0; i < f.length; i++) g += reflected(t, f[i], s, images) * (y[i] - f[i]);
    const w = j === 0 || j === M ? 1 : j % 2 ? 4 : 2;
    acc += w * Math.abs(g / f.length);
  }
  return acc / (3 * M);
}

describe('smoothCalibrationError(probs, labels)', () => {
  it('equals |mean(y − f)| = σ* when every residual has the same sign', () => {
    // residuals 0.4 and 0.2 are positive, so ∫|ĝ| = ∫ĝ = mean residual = 0.3 for
    // every σ (the reflected kernel integrates to 1 on [0, 1]); the fixed point is σ* = 0.3.
    const r = smoothCalibrationError([0.6, 0.8], [1, 1]);
    expectClose(r.value, 0.3, { rtol: 64 });
    expectClose(r.sigma, 0.3, { rtol: 2e-6 / EPS });
    // negative residuals: f = 0.1, 0.3, 0.2 with y = 0 → mean 0.2
    const m = fromRows([
      [0.9, 0.1],
      [0.7, 0.3],
      [0.8, 0.2],
    ]);
    // top-label: confidences 0.9, 0.7, 0.8 all correct (y = 0) → residuals .1 .3 .2 → 0.2
    expectClose(smoothCalibrationError(m, [0, 0, 0]).value, 0.2, { rtol: 64 });
  });

  it('agrees with direct quadrature of the definition at the returned σ, which is a fixed point', () => {
    for (const seed of [1, 2, 3]) {
      const rng = createRng(seed);
      const f: number[] = [];
      const y: number[] = [];
      for (let i = 0; i < 15; i++) {
        const p = rng.uniform();
        f.push(p);
        y.push(rng.bernoulli(Math.min(1, 1.3 * p)));
      }
      const r = smoothCalibrationError(f, y);
      const direct = smeceByQuadrature(f, y, r.sigma);
      expectClose(r.value, direct, { rtol: 1e-5 / EPS, label: `seed ${seed}` });
      expectClose(r.value, r.sigma, { rtol: 1e-5 / EPS, label: `fixed point, seed ${seed}` });
    }
  });

  it('agrees with quadrature for a narrow kernel (σ* < 0.1, 400 calibrated samples)', () => {
    // images beyond k = ±1 are below e^-50 of the kernel's peak when σ < 0.1
    const rng = createRng(17);
    const f = Array.from({ length: 400 }, () => rng.uniform());
    const y = f.map((p) => rng.bernoulli(p));
    const r = smoothCalibrationError(f, y);
    expect(r.sigma).toBeLessThan(0.1);
    const direct = smeceByQuadrature(f, y, r.sigma, 10000, 1);
    expectClose(r.value, direct, { rtol: 1e-5 / EPS }); // measured: 2e-7
  });

  it('is perfectly zero when every prediction is 0 or 1 and right', () => {
    const r = smoothCalibrationError([0, 1, 1, 0], [0, 1, 1, 0]);
    expect(r.value).toBe(0);
    expect(r.sigma).toBe(1e-3);
  });

  it('returns a curve whose density integrates to 1 and whose residual has the right sign', () => {
    // over-confident near 0.9: f = 0.9 with half of the outcomes 0
    const f = [0.9, 0.9, 0.9, 0.9, 0.2, 0.2];
    const y = [1, 0, 1, 0, 0, 0];
    const r = smoothCalibrationError(f, y, { points: 201 });
    expect(r.curve.length).toBe(201);
    expect(r.curve[0].confidence).toBe(0);
    expect(r.curve[200].confidence).toBe(1);
    let mass = 0;
    for (let j = 0; j < 201; j++) mass += (j === 0 || j === 200 ? 0.5 : 1) * r.curve[j].density;
    expectClose(mass / 200, 1, { rtol: 1e-3 / EPS }); // trapezoid on 201 points
    expect(r.curve[180].smoothedResidual!).toBeLessThan(0); // outcomes below 0.9
  });
});

describe('smoothCalibrationError curve', () => {
  it('matches r̂(t) = Σ K̃(t, f_i)(y_i − f_i) / Σ K̃(t, f_i) and δ̂(t) = (1/N) Σ K̃(t, f_i)', () => {
    const rng = createRng(23);
    const f = Array.from({ length: 30 }, () => rng.uniform());
    const y = f.map((p) => rng.bernoulli(p * p));
    const r = smoothCalibrationError(f, y, { points: 11 });
    for (const pt of r.curve) {
      let num = 0;
      let den = 0;
      for (let i = 0; i < f.length; i++) {
        const k = reflected(pt.confidence, f[i], r.sigma);
        num += k * (y[i] - f[i]);
        den += k;
      }
      const label = `t = ${pt.confidence}`;
      expectClose(pt.density, den / f.length, { rtol: 1e-5 / EPS, label });
      expectClose(pt.smoothedResidual!, num / den, { rtol: 1e-4 / EPS, atol: 1e-7 / EPS, label });
    }
  });
});

describe('reflected kernel smoothing (internal)', () => {
  it('smECE_σ does not increase with σ', () => {
    const rng = createRng(5);
    const f = Array.from({ length: 200 }, () => rng.uniform());
    const r = f.map((p) => (rng.bernoulli(p * p) - p) / 200);
    let prev = Number.POSITIVE_INFINITY;
    for (const s of [0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1]) {
      const m = gridSize(s);
      const v = integrateAbs(smoothGrid(spreadToGrid(f, r, m), m, s), m);
      expect(v).toBeLessThanOrEqual(prev * (1 + 1e-9));
      prev = v;
    }
  });
});
