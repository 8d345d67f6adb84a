import { LslabError } from '@lslab/core';
import { expectArraysClose } from '@lslab/test-utils';
import { describe, expect, it } from 'vitest';
import { type Activation, mlp } from '../../src/training/index.ts';
import { checkGradient, randomData, randomizeParams } from './helpers.ts';

const activations: Activation[] = ['tanh', 'relu', 'sigmoid'];
const shapes: number[][] = [[5], [4, 3]];

describe('mlp(options).lossAndGradient(x, y)', () => {
  for (const activation of activations) {
    for (const hidden of shapes) {
      it(`matches central differences for every tensor: ${activation}, hidden [${hidden}], hard labels`, () => {
        const { x, y } = randomData(11, 9, 3, 3);
        const net = mlp({ inputDim: 3, hidden, numClasses: 3, activation, seed: 4 });
        randomizeParams(net, 5);
        checkGradient(net, x, y);
      });
      it(`matches central differences: ${activation}, hidden [${hidden}], smoothing, class weights, L2`, () => {
        const { x, y } = randomData(12, 10, 4, 3);
        for (const weightMode of ['target', 'sample'] as const) {
          for (const convention of ['uniform', 'others'] as const) {
            const net = mlp({
              inputDim: 4,
              hidden,
              numClasses: 3,
              activation,
              l2: 0.03,
              seed: 6,
              loss: { labelSmoothing: 0.2, convention, weight: [0.5, 2, 1.25], weightMode },
            });
            randomizeParams(net, 7);
            checkGradient(net, x, y);
          }
        }
      });
    }
  }

  it('on a mini-batch equals the full-data objective of the gathered rows', () => {
    const { x, y } = randomData(13, 12, 3, 4);
    const batch = Uint32Array.of(7, 2, 9, 2, 11);
    const net = mlp({ inputDim: 3, hidden: [6, 5], numClasses: 4, seed: 1, l2: 0.1 });
    const lossBatch = net.lossAndGradient(x, y, batch);
    const gBatch = Float64Array.from(net.grad);
    const xs = new Float64Array(batch.length * 3);
    const ys = new Int32Array(batch.length);
    batch.forEach((r, i) => {
      xs.set(x.data.subarray(r * 3, r * 3 + 3), i * 3);
      ys[i] = y[r];
    });
    const lossGathered = net.lossAndGradient({ rows: batch.length, cols: 3, data: xs }, ys);
    expect(lossBatch).toBe(lossGathered);
    expectArraysClose(gBatch, net.grad, { rtol: 0 });
    checkGradient(net, x, y, batch);
  });
});

describe('mlp(options)', () => {
  it('draws the same initial weights for the same seed and different ones for another', () => {
    const a = mlp({ inputDim: 5, hidden: [8], numClasses: 3, seed: 3 });
    const b = mlp({ inputDim: 5, hidden: [8], numClasses: 3, seed: 3 });
    const c = mlp({ inputDim: 5, hidden: [8], numClasses: 3, seed: 4 });
    expect(Array.from(a.params)).toEqual(Array.from(b.params));
    expect(Array.from(a.params)).not.toEqual(Array.from(c.params));
  });

  it('initialises Glorot-uniform within ±√(6/(fan_in + fan_out)) and biases at 0', () => {
    const net = mlp({ inputDim: 10, hidden: [30], numClasses: 5, seed: 9 });
    const a1 = Math.sqrt(6 / 40);
    const a2 = Math.sqrt(6 / 35);
    expect(Math.max(...net.tensors.W1.map(Math.abs))).toBeLessThanOrEqual(a1);
    expect(Math.max(...net.tensors.W2.map(Math.abs))).toBeLessThanOrEqual(a2);
    expect(Array.from(net.tensors.b1).every((v) => v === 0)).toBe(true);
    // the variance of U(−a, a) is a²/3; 300 draws put the sample variance within ±30 % of it
    const v = net.tensors.W1.reduce((s, w) => s + w * w, 0) / net.tensors.W1.length;
    expect(v / ((a1 * a1) / 3)).toBeGreaterThan(0.7);
    expect(v / ((a1 * a1) / 3)).toBeLessThan(1.3);
  });

  it('initialises ReLU hidden layers He-normal, with variance 2/fan_in', () => {
    const net = mlp({ inputDim: 50, hidden: [40], numClasses: 3, activation: 'relu', seed: 9 });
    const W = net.tensors.W1;
    const v = W.reduce((s, w) => s + w * w, 0) / W.length;
    // 2000 draws: the sample variance is within ±15 % of 2/50 with overwhelming probability
    expect(v / (2 / 50)).toBeGreaterThan(0.85);
    expect(v / (2 / 50)).toBeLessThan(1.15);
  });

  it('saturation(x) counts |tanh| > 0.99, σ outside [0.01, 0.99] and dead ReLU units', () => {
    // one hidden unit per row of a 1-D input: pre-activation = w·x with w = 1, b = 0
    const x = { rows: 4, cols: 1, data: Float64Array.of(-5, -0.1, 0.1, 5) };
    const tanhNet = mlp({ inputDim: 1, hidden: [1], numClasses: 2, activation: 'tanh' });
    tanhNet.tensors.W1[0] = 1;
    // tanh(5) = 0.99991 > 0.99, tanh(0.1) = 0.0997: 2 of 4 saturated
    expect(tanhNet.saturation?.(x)).toBe(0.5);
    const sigNet = mlp({ inputDim: 1, hidden: [1], numClasses: 2, activation: 'sigmoid' });
    sigNet.tensors.W1[0] = 1;
    // σ(±5) = 0.9933 / 0.0067 are outside [0.01, 0.99]: 2 of 4
    expect(sigNet.saturation?.(x)).toBe(0.5);
    const reluNet = mlp({ inputDim: 1, hidden: [2], numClasses: 2, activation: 'relu' });
    reluNet.tensors.W1.set([1, 0]); // unit 0 fires for x > 0, unit 1 never: 1 of 2 dead
    expect(reluNet.saturation?.(x)).toBe(0.5);
  });

  it('throws E_RANGE for a width < 1 and for 0 or 3 hidden layers', () => {
    const bad = [[0], [4, 0], [], [2, 2, 2], [1.5]];
    for (const hidden of bad) {
      expect(() => mlp({ inputDim: 2, hidden, numClasses: 2 })).toThrow(
        expect.objectContaining({ code: 'E_RANGE' }),
      );
    }
    expect(() => mlp({ inputDim: 2, hidden: [0], numClasses: 2 })).toThrow(LslabError);
  });

  it('throws E_OPTION for an unknown activation', () => {
    expect(() =>
      mlp({ inputDim: 2, hidden: [3], numClasses: 2, activation: 'gelu' as Activation }),
    ).toThrow(expect.objectContaining({ code: 'E_OPTION' }));
  });
});
