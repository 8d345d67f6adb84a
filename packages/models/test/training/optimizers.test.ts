import { expectArraysClose } from '@lslab/test-utils';
import { describe, expect, it } from 'vitest';
import { adam, gradientDescent, sgd } from '../../src/training/index.ts';

describe('gradientDescent({ learningRate })', () => {
  it('steps θ ← θ − η∇ (hand computation)', () => {
    const opt = gradientDescent({ learningRate: 0.25 });
    const p = Float64Array.of(1, -2);
    opt.reset(2);
    opt.step(p, Float64Array.of(4, -8));
    expect(Array.from(p)).toEqual([0, 0]);
  });
});

describe('sgd({ learningRate, momentum })', () => {
  it('accumulates v ← μv + ∇ and steps θ ← θ − ηv (hand computation)', () => {
    const opt = sgd({ learningRate: 0.5, momentum: 0.5 });
    const p = Float64Array.of(0);
    opt.reset(1);
    const g = Float64Array.of(2);
    opt.step(p, g); // v = 2,   θ = −1
    opt.step(p, g); // v = 3,   θ = −2.5
    opt.step(p, g); // v = 3.5, θ = −4.25
    expect(p[0]).toBe(-4.25);
  });

  it('reset clears the velocity', () => {
    const opt = sgd({ learningRate: 1, momentum: 0.9 });
    const p = Float64Array.of(0);
    opt.reset(1);
    opt.step(p, Float64Array.of(1));
    opt.reset(1);
    opt.step(p, Float64Array.of(1));
    expect(p[0]).toBe(-2);
  });
});

describe('adam(options)', () => {
  it('first step moves each coordinate by η·g/(|g| + ε) (bias correction makes m̂ = g, v̂ = g²)', () => {
    const opt = adam({ learningRate: 0.1 });
    const p = Float64Array.of(0, 0);
    opt.reset(2);
    opt.step(p, Float64Array.of(3, -0.5));
    expectArraysClose(p, [(-0.1 * 3) / (3 + 1e-8), (0.1 * 0.5) / (0.5 + 1e-8)], { rtol: 4 });
  });

  it('second step follows the moment recursions written out', () => {
    const opt = adam({ learningRate: 0.01, beta1: 0.8, beta2: 0.9, epsilon: 1e-6 });
    const p = Float64Array.of(1);
    opt.reset(1);
    opt.step(p, Float64Array.of(2));
    opt.step(p, Float64Array.of(-1));
    // m1 = 0.4, v1 = 0.4; m2 = 0.8·0.4 − 0.2 = 0.12, v2 = 0.9·0.4 + 0.1 = 0.46
    const step1 = (0.01 * (0.4 / 0.2)) / (Math.sqrt(0.4 / 0.1) + 1e-6);
    const step2 = (0.01 * (0.12 / (1 - 0.64))) / (Math.sqrt(0.46 / (1 - 0.81)) + 1e-6);
    expectArraysClose(p, [1 - step1 - step2], { rtol: 8 });
  });
});

describe('optimiser validation', () => {
  it('throws E_RANGE for a learning rate ≤ 0, for every optimiser', () => {
    for (const lr of [0, -0.1]) {
      expect(() => gradientDescent({ learningRate: lr })).toThrow(
        expect.objectContaining({ code: 'E_RANGE' }),
      );
      expect(() => sgd({ learningRate: lr })).toThrow(expect.objectContaining({ code: 'E_RANGE' }));
      expect(() => adam({ learningRate: lr })).toThrow(
        expect.objectContaining({ code: 'E_RANGE' }),
      );
    }
  });

  it('throws E_NOT_FINITE for a NaN learning rate and E_RANGE for momentum or β outside [0, 1)', () => {
    expect(() => gradientDescent({ learningRate: Number.NaN })).toThrow(
      expect.objectContaining({ code: 'E_NOT_FINITE' }),
    );
    expect(() => sgd({ learningRate: 0.1, momentum: 1 })).toThrow(
      expect.objectContaining({ code: 'E_RANGE' }),
    );
    expect(() => adam({ beta2: -0.1 })).toThrow(expect.objectContaining({ code: 'E_RANGE' }));
    expect(() => adam({ epsilon: 0 })).toThrow(expect.objectContaining({ code: 'E_RANGE' }));
  });

  it('names the function, the argument and the value in the message', () => {
    expect(() => sgd({ learningRate: -1 })).toThrow('sgd: options.learningRate = -1: must be > 0');
  });
});
