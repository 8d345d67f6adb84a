import { createRng, type Matrix } from '@lslab/core';
import { gradientDescent, mlp, newton, softmaxRegression, train } from '../src/training/index.ts';
import { guardFinite, medianTime } from './internal/machine.ts';

/** One benchmark row: what ran, its median time, the target and a note. */
export interface BenchRow {
  name: string;
  ms: number;
  cpuMs: number;
  runs: number;
  targetMs?: number;
  note: string;
}

/** Well-specified softmax data: x ~ N(0, I_d), y ~ softmax(xW) with W ~ N(0, 1), seeded. */
function softmaxData(seed: number, n: number, d: number, k: number): { x: Matrix; y: Int32Array } {
  const rng = createRng(seed);
  const w = new Float64Array(d * k);
  for (let j = 0; j < w.length; j++) w[j] = rng.normal();
  const x = new Float64Array(n * d);
  for (let j = 0; j < x.length; j++) x[j] = rng.normal();
  const y = new Int32Array(n);
  const z = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    let m = -Infinity;
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += x[i * d + j] * w[j * k + c];
      z[c] = s;
      m = Math.max(m, s);
    }
    for (let c = 0; c < k; c++) z[c] = Math.exp(z[c] - m);
    y[i] = rng.categorical(z);
  }
  return { x: { rows: n, cols: d, data: x }, y };
}

/** Newton on softmax regression, n = 4000, d = 20, K = 5 (L2 1e-3, α = 0.1), from zero. */
export function benchNewton(runs = 5): BenchRow {
  const { x, y } = softmaxData(1, 4000, 20, 5);
  const { ms, cpuMs, result } = medianTime(runs, () => {
    const m = softmaxRegression({
      inputDim: 20,
      numClasses: 5,
      l2: 1e-3,
      loss: { labelSmoothing: 0.1 },
    });
    return newton(m, x, y);
  });
  guardFinite('newton', result.loss, result.gradientNorm);
  if (!(result.gradientNorm <= 1e-12)) throw new Error(`newton: ‖∇‖ = ${result.gradientNorm}`);
  return {
    name: 'Newton, softmax regression n=4000 d=20 K=5',
    ms,
    cpuMs,
    runs,
    targetMs: 500,
    note: `${result.iterations} iterations to ‖∇‖ = ${result.gradientNorm.toExponential(1)} (105 parameters)`,
  };
}

/**
 * 1000 full-batch gradient steps of a 20-64-5 MLP on n = 2000: the timed run
 * is the model's construction and the 1000 steps, nothing else (the final
 * loss that guards the result is computed after the clock stops). Target:
 * tanh under 2 s (issue 12), relu under 3 s.
 */
export function benchMlp(activation: 'tanh' | 'relu', runs = 3): BenchRow {
  const { x, y } = softmaxData(2, 2000, 20, 5);
  const timing = medianTime(runs, () => {
    const net = mlp({
      inputDim: 20,
      hidden: [64],
      numClasses: 5,
      activation,
      seed: 3,
      loss: { labelSmoothing: 0.1 },
    });
    train(net, x, y, {
      optimizer: gradientDescent({ learningRate: 0.5 }),
      steps: 1000,
      log: { steps: [] },
    });
    return net;
  });
  const { ms, cpuMs } = timing;
  const result = timing.result.lossAndGradient(x, y);
  guardFinite('mlp', result);
  return {
    name: `1000 full-batch steps, 20-64-5 MLP (${activation}), n=2000`,
    ms,
    cpuMs,
    runs,
    targetMs: activation === 'tanh' ? 2000 : 3000,
    note: `GD η = 0.5, α = 0.1; final loss ${result.toFixed(4)}`,
  };
}

/** Training step alone vs the core loss inside it, to show what the loss allocation costs. */
export function benchLossShare(runs = 3): BenchRow {
  const { x, y } = softmaxData(2, 2000, 20, 5);
  const m = softmaxRegression({ inputDim: 20, numClasses: 5 });
  const { ms, cpuMs, result } = medianTime(runs, () => {
    let s = 0;
    for (let t = 0; t < 1000; t++) s += m.lossAndGradient(x, y);
    return s;
  });
  guardFinite('softmax step', result);
  return {
    name: '1000 loss+gradient evaluations, softmax regression n=2000 d=20 K=5',
    ms,
    cpuMs,
    runs,
    note: 'no target; includes the core loss, writing its gradient into a reused buffer',
  };
}
