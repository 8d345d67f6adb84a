import { fromRows, LslabError, type Matrix, matrix } from '@lslab/core';
import { expectClose } from '@lslab/test-utils';
import { describe, expect, it } from 'vitest';
import {
  adam,
  freeLogits,
  gradientDescent,
  loggingSteps,
  logisticRegression,
  type Model,
  mlp,
  sgd,
  softmaxRegression,
  train,
} from '../../src/training/index.ts';
import { randomData } from './helpers.ts';

function runMlp(modelSeed: number, batchSeed: number): string {
  const { x, y } = randomData(31, 60, 4, 3);
  const net = mlp({
    inputDim: 4,
    hidden: [8, 5],
    numClasses: 3,
    activation: 'tanh',
    seed: modelSeed,
    loss: { labelSmoothing: 0.1 },
  });
  const { records } = train(net, x, y, {
    optimizer: sgd({ learningRate: 0.1, momentum: 0.9 }),
    steps: 50,
    batchSize: 16,
    seed: batchSeed,
    log: { every: 10 },
    evaluate: (m) => ({ meanMaxProb: mean(rowMax(m.predictProba(x))) }),
  });
  return JSON.stringify(records);
}

function rowMax(p: Matrix): number[] {
  const out: number[] = [];
  for (let i = 0; i < p.rows; i++)
    out.push(Math.max(...p.data.subarray(i * p.cols, (i + 1) * p.cols)));
  return out;
}

function mean(v: number[]): number {
  return v.reduce((s, t) => s + t, 0) / v.length;
}

describe('loggingSteps(maxStep, schedule)', () => {
  it('{ perDecade } rounds 10^{j/m} and drops duplicates (hand-computed)', () => {
    expect(loggingSteps(1000, { perDecade: 1 })).toEqual([0, 1, 10, 100, 1000]);
    // 10^{1/3} = 2.154, 10^{2/3} = 4.642, 10^{4/3} = 21.54, 10^{5/3} = 46.42, …
    expect(loggingSteps(1000, { perDecade: 3 })).toEqual([
      0, 1, 2, 5, 10, 22, 46, 100, 215, 464, 1000,
    ]);
    // m = 10 near 1: 10^{0.1} = 1.259 → 1 (duplicate), 10^{0.2} = 1.585 → 2, 10^{0.3} = 1.995 → 2 (dup), 10^{0.4} = 2.512 → 3
    expect(loggingSteps(3, { perDecade: 10 })).toEqual([0, 1, 2, 3]);
    // the last step is always included
    expect(loggingSteps(150, { perDecade: 1 })).toEqual([0, 1, 10, 100, 150]);
  });

  it('{ perDecade } reaches t = 10⁵ with about m points per decade', () => {
    const s = loggingSteps(100_000, { perDecade: 10 });
    expect(s[s.length - 1]).toBe(100_000);
    expect(s.filter((t) => t >= 10 && t < 100)).toEqual([10, 13, 16, 20, 25, 32, 40, 50, 63, 79]);
    expect(s.filter((t) => t >= 10_000 && t < 100_000)).toHaveLength(10);
  });

  it('{ every } and { steps }', () => {
    expect(loggingSteps(10, { every: 4 })).toEqual([0, 4, 8, 10]);
    expect(loggingSteps(8, { every: 4 })).toEqual([0, 4, 8]);
    expect(loggingSteps(0, { every: 3 })).toEqual([0]);
    expect(loggingSteps(9, { steps: [9, 2, 2, 5] })).toEqual([2, 5, 9]);
  });

  it('throws E_RANGE for bad schedules', () => {
    expect(() => loggingSteps(10, { every: 0 })).toThrow(
      expect.objectContaining({ code: 'E_RANGE' }),
    );
    expect(() => loggingSteps(10, { perDecade: 0 })).toThrow(
      expect.objectContaining({ code: 'E_RANGE' }),
    );
    expect(() => loggingSteps(10, { steps: [11] })).toThrow(
      expect.objectContaining({ code: 'E_RANGE' }),
    );
    expect(() => loggingSteps(-1, { every: 1 })).toThrow(
      expect.objectContaining({ code: 'E_RANGE' }),
    );
  });
});

describe('train(model, x, y, options)', () => {
  it('gives byte-identical records for the same seeds and different ones for another seed', () => {
    const a = runMlp(1, 2);
    expect(runMlp(1, 2)).toBe(a);
    expect(runMlp(1, 3)).not.toBe(a); // another mini-batch order
    expect(runMlp(4, 2)).not.toBe(a); // another initialisation
  });

  it('records tidy rows { step, metric, value } at the scheduled steps, in a fixed metric order', () => {
    const { x, y } = randomData(32, 30, 3, 3);
    const net = mlp({ inputDim: 3, hidden: [4], numClasses: 3, seed: 2 });
    const { records, steps, stepsPerEpoch } = train(net, x, y, {
      optimizer: adam({ learningRate: 0.01 }),
      steps: 100,
      log: { perDecade: 1 },
      evaluate: () => ({ custom: 1.5 }),
    });
    expect(steps).toBe(100);
    expect(stepsPerEpoch).toBe(1);
    expect([...new Set(records.map((r) => r.step))]).toEqual([0, 1, 10, 100]);
    expect(records.filter((r) => r.step === 0).map((r) => r.metric)).toEqual([
      'loss',
      'accuracy',
      'weightNorm',
      'gradNorm',
      'saturation',
      'custom',
    ]);
    for (const r of records) expect(Object.keys(r)).toEqual(['step', 'metric', 'value']);
  });

  it('records loss ln 2 at step 0 and the hand-computed loss after one gradient step (free logits)', () => {
    // one sample, K = 2, α = 0.2: q = (0.9, 0.1); at z = 0, ∇ = p − q = (−0.4, 0.4)
    // after one step with η = 0.5: z = (0.2, −0.2), loss = ln(1 + e^{−0.4}) + 0.1·0.4
    const m = freeLogits({ numSamples: 1, numClasses: 2, loss: { labelSmoothing: 0.2 } });
    const { records } = train(m, matrix(1, 0), [0], {
      optimizer: gradientDescent({ learningRate: 0.5 }),
      steps: 1,
    });
    const loss = records.filter((r) => r.metric === 'loss');
    expectClose(loss[0].value, Math.log(2), { rtol: 2 });
    expectClose(loss[1].value, Math.log1p(Math.exp(-0.4)) + 0.04, { rtol: 8 });
    const g = records.filter((r) => r.metric === 'gradNorm');
    expectClose(g[0].value, 0.4 * Math.SQRT2, { rtol: 4 });
    const acc = records.filter((r) => r.metric === 'accuracy');
    expect(acc.map((r) => r.value)).toEqual([1, 1]); // tie at step 0 goes to class 0 = the label
  });

  it('full-batch training does not depend on how often it records', () => {
    const { x, y } = randomData(33, 40, 3, 3);
    const run = (log: { every: number }) => {
      const m = softmaxRegression({ inputDim: 3, numClasses: 3, l2: 0.01 });
      train(m, x, y, { optimizer: sgd({ learningRate: 0.3, momentum: 0.5 }), steps: 37, log });
      return Array.from(m.params);
    };
    expect(run({ every: 1 })).toEqual(run({ every: 1000 }));
  });

  it('visits every row exactly once per epoch, in seeded mini-batches', () => {
    const { x, y } = randomData(34, 10, 2, 2);
    const inner = softmaxRegression({ inputDim: 2, numClasses: 2 });
    const seen: number[][] = [];
    const spy: Model = {
      ...inner,
      kind: inner.kind,
      numClasses: inner.numClasses,
      params: inner.params,
      grad: inner.grad,
      tensors: inner.tensors,
      gradTensors: inner.gradTensors,
      loss: inner.loss,
      forward: (f) => inner.forward(f),
      predictProba: (f) => inner.predictProba(f),
      weightNorm: () => inner.weightNorm(),
      checkInput: (fn, f) => inner.checkInput(fn, f),
      lossAndGradient: (f, yy, batch) => {
        if (batch !== undefined) seen.push(Array.from(batch));
        return inner.lossAndGradient(f, yy, batch);
      },
    };
    const r = train(spy, x, y, {
      optimizer: gradientDescent({ learningRate: 0.1 }),
      steps: 8,
      batchSize: 4,
      seed: 5,
      log: { steps: [] },
    });
    expect(r.stepsPerEpoch).toBe(3);
    expect(seen.map((b) => b.length)).toEqual([4, 4, 2, 4, 4, 2, 4, 4]);
    const epoch1 = seen
      .slice(0, 3)
      .flat()
      .sort((a, b) => a - b);
    const epoch2 = seen
      .slice(3, 6)
      .flat()
      .sort((a, b) => a - b);
    expect(epoch1).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(epoch2).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(seen.slice(0, 3).flat()).not.toEqual(seen.slice(3, 6).flat());
  });

  it('accepts a data set { x, y } in place of x and y', () => {
    const data = randomData(35, 20, 2, 3);
    const a = softmaxRegression({ inputDim: 2, numClasses: 3 });
    const b = softmaxRegression({ inputDim: 2, numClasses: 3 });
    const opts = { optimizer: gradientDescent({ learningRate: 0.1 }), steps: 5 };
    expect(JSON.stringify(train(a, data, opts).records)).toBe(
      JSON.stringify(train(b, data.x, data.y, opts).records),
    );
  });

  it('trains logistic regression on CSR features in mini-batches, and rejects CSR for a dense-only model', () => {
    const x = {
      rows: 4,
      cols: 3,
      indptr: Int32Array.of(0, 1, 2, 3, 4),
      indices: Int32Array.of(0, 1, 0, 2),
      values: Float64Array.of(1, 2, -1, -2),
    };
    const y = [1, 1, 0, 0];
    const m = logisticRegression({ inputDim: 3, loss: { labelSmoothing: 0.1 } });
    const { records } = train(m, x, y, {
      optimizer: sgd({ learningRate: 0.5 }),
      steps: 40,
      batchSize: 2,
      log: { steps: [0, 40] },
    });
    const loss = records.filter((r) => r.metric === 'loss').map((r) => r.value);
    expectClose(loss[0], Math.log(2), { rtol: 2 });
    expect(loss[1]).toBeLessThan(loss[0]);
    const dense = softmaxRegression({ inputDim: 3, numClasses: 2 });
    expect(() => train(dense, x, y, { optimizer: sgd({ learningRate: 0.5 }), steps: 1 })).toThrow(
      expect.objectContaining({ code: 'E_SHAPE' }),
    );
  });

  it('throws E_EMPTY for an empty data set', () => {
    const m = softmaxRegression({ inputDim: 2, numClasses: 2 });
    const empty: Matrix = { rows: 0, cols: 2, data: new Float64Array(0) };
    expect(() =>
      train(m, empty, [], { optimizer: gradientDescent({ learningRate: 0.1 }), steps: 1 }),
    ).toThrow(expect.objectContaining({ code: 'E_EMPTY' }));
  });

  it('throws E_SHAPE for a feature/label length mismatch', () => {
    const m = softmaxRegression({ inputDim: 2, numClasses: 2 });
    expect(() =>
      train(
        m,
        fromRows([
          [1, 2],
          [3, 4],
        ]),
        [0],
        { optimizer: gradientDescent({ learningRate: 0.1 }), steps: 1 },
      ),
    ).toThrow(expect.objectContaining({ code: 'E_SHAPE' }));
  });

  it('throws E_NOT_FINITE naming the row and column of a non-finite feature', () => {
    const m = softmaxRegression({ inputDim: 2, numClasses: 2 });
    const x = fromRows([
      [1, 2],
      [3, Number.POSITIVE_INFINITY],
    ]);
    expect(() =>
      train(m, x, [0, 1], { optimizer: gradientDescent({ learningRate: 0.1 }), steps: 1 }),
    ).toThrow('train: x[1][1] = Infinity: is not finite');
    expect(() =>
      train(m, fromRows([[Number.NaN, 0]]), [0], {
        optimizer: gradientDescent({ learningRate: 0.1 }),
        steps: 1,
      }),
    ).toThrow(expect.objectContaining({ code: 'E_NOT_FINITE' }));
  });

  it('throws E_LABEL for a label outside [0, K), E_RANGE for a bad step count or batch size', () => {
    const m = softmaxRegression({ inputDim: 1, numClasses: 2 });
    const x = fromRows([[1], [2]]);
    const optimizer = gradientDescent({ learningRate: 0.1 });
    expect(() => train(m, x, [0, 2], { optimizer, steps: 1 })).toThrow(
      expect.objectContaining({ code: 'E_LABEL' }),
    );
    expect(() => train(m, x, [0, 1], { optimizer, steps: -1 })).toThrow(
      expect.objectContaining({ code: 'E_RANGE' }),
    );
    expect(() => train(m, x, [0, 1], { optimizer, steps: 1, batchSize: 0 })).toThrow(
      expect.objectContaining({ code: 'E_RANGE' }),
    );
  });

  it('throws E_NOT_FINITE when an evaluation metric is not a finite number', () => {
    const m = softmaxRegression({ inputDim: 1, numClasses: 2 });
    expect(() =>
      train(m, fromRows([[1]]), [0], {
        optimizer: gradientDescent({ learningRate: 0.1 }),
        steps: 1,
        evaluate: () => ({ bad: Number.NaN }),
      }),
    ).toThrow(LslabError);
  });

  it('passes the training and penalty through: the step-0 loss of softmax regression is ln K', () => {
    const { x, y } = randomData(36, 25, 3, 5);
    const m = softmaxRegression({ inputDim: 3, numClasses: 5, l2: 3 });
    const { records } = train(m, x, y, {
      optimizer: gradientDescent({ learningRate: 0.1 }),
      steps: 0,
    });
    expectClose(records[0].value, Math.log(5), { rtol: 4 });
    expect(records.map((r) => r.metric)).toEqual(['loss', 'accuracy', 'weightNorm', 'gradNorm']);
    expect(records[2].value).toBe(0);
  });
});
