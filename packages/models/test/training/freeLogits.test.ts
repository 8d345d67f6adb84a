import { matrix } from '@lslab/core';
import { EPS, expectArraysClose, expectClose } from '@lslab/test-utils';
import { describe, expect, it } from 'vitest';
import {
  freeLogits,
  gradientDescent,
  train,
  unconstrainedFeatures,
} from '../../src/training/index.ts';
import { checkGradient, randomizeParams } from './helpers.ts';

describe('freeLogits(options)', () => {
  it('lossAndGradient matches central differences (full and mini-batch, smoothing and weights)', () => {
    const m = freeLogits({
      numSamples: 6,
      numClasses: 3,
      loss: { labelSmoothing: 0.3, weight: [1, 3, 0.5] },
    });
    randomizeParams(m, 1, 2);
    const y = [0, 1, 2, 2, 1, 0];
    checkGradient(m, matrix(6, 0), y);
    checkGradient(m, matrix(6, 0), y, Uint32Array.of(5, 1, 1));
  });

  it('gradient descent converges to the finite optimum z_y − z_k = ln(q_y/q_k) with smoothing (claim C3)', () => {
    // K = 2, α = 0.2 (uniform): q = (0.9, 0.1), so the optimal gap is ln 9 and the loss is H(q)
    const m = freeLogits({ numSamples: 2, numClasses: 2, loss: { labelSmoothing: 0.2 } });
    const y = [0, 1];
    train(m, matrix(2, 0), y, {
      optimizer: gradientDescent({ learningRate: 1 }),
      steps: 2000,
      log: { steps: [] },
    });
    const z = m.params;
    expectClose(z[0] - z[1], Math.log(9), { rtol: 1e-12 / EPS, label: 'gap of sample 0' });
    expectClose(z[3] - z[2], Math.log(9), { rtol: 1e-12 / EPS, label: 'gap of sample 1' });
    const h = -0.9 * Math.log(0.9) - 0.1 * Math.log(0.1);
    expectClose(m.lossAndGradient(matrix(2, 0), y), h, { rtol: 1e-13 / EPS });
  });

  it('forward(x) returns a copy of the logits and checks the row count', () => {
    const m = freeLogits({ numSamples: 2, numClasses: 2 });
    m.params.set([1, 2, 3, 4]);
    const z = m.forward(matrix(2, 0));
    expect(Array.from(z.data)).toEqual([1, 2, 3, 4]);
    z.data[0] = 9;
    expect(m.params[0]).toBe(1);
    expect(() => m.forward(matrix(3, 0))).toThrow(expect.objectContaining({ code: 'E_SHAPE' }));
  });
});

describe('unconstrainedFeatures(options)', () => {
  it('lossAndGradient matches central differences for H, W and b (penalties, smoothing, mini-batch)', () => {
    const y = [0, 1, 2, 1, 0, 2, 2];
    for (const bias of [true, false]) {
      const m = unconstrainedFeatures({
        numSamples: 7,
        featureDim: 3,
        numClasses: 3,
        l2Features: 0.3,
        l2Weights: 0.2,
        bias,
        seed: 4,
        loss: { labelSmoothing: 0.1, convention: 'others' },
      });
      checkGradient(m, matrix(7, 0), y);
      checkGradient(m, matrix(7, 0), y, Uint32Array.of(6, 0, 3));
    }
  });

  it('penalises features by (λ_H/2)·mean‖h_i‖² and weights by (λ_W/2)‖W‖²', () => {
    const y = [0, 1];
    const a = unconstrainedFeatures({ numSamples: 2, featureDim: 2, numClasses: 2, seed: 1 });
    const b = unconstrainedFeatures({
      numSamples: 2,
      featureDim: 2,
      numClasses: 2,
      seed: 1,
      l2Features: 0.4,
      l2Weights: 0.6,
    });
    expectArraysClose(b.params, a.params, { rtol: 0 });
    const sq = (v: Float64Array) => v.reduce((s, t) => s + t * t, 0);
    const expected = 0.2 * (sq(a.tensors.H) / 2) + 0.3 * sq(a.tensors.W);
    expectClose(b.lossAndGradient(matrix(2, 0), y) - a.lossAndGradient(matrix(2, 0), y), expected, {
      rtol: 64,
    });
  });

  it('reaches equal logit gaps ln(1 + K(1−α)/α) for every wrong class when trained long (claim C6)', () => {
    const k = 4;
    const alpha = 0.2;
    const y = [0, 1, 2, 3, 0, 1, 2, 3];
    const m = unconstrainedFeatures({
      numSamples: 8,
      featureDim: 6,
      numClasses: k,
      seed: 3,
      loss: { labelSmoothing: alpha },
    });
    train(m, matrix(8, 0), y, {
      optimizer: gradientDescent({ learningRate: 2 }),
      steps: 20000,
      log: { steps: [] },
    });
    const z = m.forward(matrix(8, 0)).data;
    const gap = Math.log(1 + (k * (1 - alpha)) / alpha); // ln 17
    for (let i = 0; i < 8; i++) {
      for (let c = 0; c < k; c++) {
        if (c !== y[i])
          expectClose(z[i * k + y[i]] - z[i * k + c], gap, {
            rtol: 1e-6 / EPS,
            label: `sample ${i}, class ${c}`,
          });
      }
    }
  });
});
