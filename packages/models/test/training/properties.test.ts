import { createRng } from '@lslab/core';
import { expectArraysClose, expectClose } from '@lslab/test-utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mlp, newton, softmaxRegression } from '../../src/training/index.ts';
import { randomData, randomizeParams } from './helpers.ts';

describe('model invariants', () => {
  it('the mean objective does not depend on the order of the rows (fast-check over permutations)', () => {
    const { x, y } = randomData(41, 13, 3, 3);
    const net = mlp({
      inputDim: 3,
      hidden: [4],
      numClasses: 3,
      seed: 2,
      l2: 0.1,
      loss: { labelSmoothing: 0.1, weight: [1, 2, 3] },
    });
    const full = net.lossAndGradient(x, y);
    const g = Float64Array.from(net.grad);
    fc.assert(
      fc.property(fc.nat(), (seed) => {
        const perm = createRng(seed).permutation(13);
        const loss = net.lossAndGradient(x, y, perm);
        // reordering a sum of 13 terms changes it by at most ~13 rounding errors
        expectClose(loss, full, { rtol: 32 });
        expectArraysClose(net.grad, g, { rtol: 64, atol: 64 });
      }),
      { numRuns: 25 },
    );
  });

  it('Float32 features give the same objective as the same values in Float64', () => {
    const { x, y } = randomData(42, 9, 4, 3);
    const x32 = { rows: 9, cols: 4, data: Float32Array.from(x.data) };
    const x64 = { rows: 9, cols: 4, data: Float64Array.from(x32.data) };
    const m = softmaxRegression({ inputDim: 4, numClasses: 3, l2: 0.1 });
    randomizeParams(m, 3);
    const a = m.lossAndGradient(x32, y);
    const ga = Float64Array.from(m.grad);
    expect(m.lossAndGradient(x64, y)).toBe(a);
    expectArraysClose(m.grad, ga, { rtol: 0 });
  });

  it('weightNorm of an MLP is √(Σ_l ‖W_l‖²), biases excluded', () => {
    const net = mlp({ inputDim: 2, hidden: [3, 2], numClasses: 2, seed: 5 });
    net.tensors.b1.fill(100);
    let s = 0;
    for (const name of ['W1', 'W2', 'W3']) for (const w of net.tensors[name]) s += w * w;
    expectClose(net.weightNorm(), Math.sqrt(s), { rtol: 4 });
  });

  it('newton converges quadratically with class weights in sample mode (the Hessian carries the weights)', () => {
    const { x, y } = randomData(43, 200, 3, 3);
    const m = softmaxRegression({
      inputDim: 3,
      numClasses: 3,
      l2: 1e-3,
      loss: { labelSmoothing: 0.05, weight: [0.2, 1, 5], weightMode: 'sample' },
    });
    const r = newton(m, x, y);
    expect(r.gradientNorm).toBeLessThanOrEqual(1e-12);
    expect(r.iterations).toBeLessThanOrEqual(12);
    // superlinear at the end (Newton is quadratic; a wrong Hessian would give a linear rate): ‖∇_t‖ < ‖∇_{t−1}‖^1.5
    const gn = r.history.map((h) => h.gradientNorm);
    const last = gn.length - 1;
    expect(gn[last]).toBeLessThan(gn[last - 1] ** 1.5 + 1e-15);
  });
});
