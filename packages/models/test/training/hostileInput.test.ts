import { fromRows } from '@lslab/core';
import { thrown } from '@lslab/test-utils';
import { describe, expect, it } from 'vitest';
import {
  adam,
  createDataset,
  createRng,
  freeLogits,
  gaussianMixture,
  gradientDescent,
  logisticRegression,
  mlp,
  newton,
  sgd,
  softmaxRegression,
  splitDataset,
  train,
  unconstrainedFeatures,
} from '../../src/index.ts';

const x3x2 = fromRows([
  [1, 2],
  [3, 4],
  [5, 6],
]);

describe('unknown options are E_OPTION, naming the key and the call the user made', () => {
  it('train({ batchsize }) suggests batchSize', () => {
    const m = softmaxRegression({ inputDim: 2, numClasses: 3 });
    const e = thrown(() =>
      train(m, x3x2, [0, 1, 2], {
        optimizer: gradientDescent({ learningRate: 0.1 }),
        steps: 1,
        batchsize: 2,
      } as never),
    );
    expect([e.code, e.fn, e.details.argument]).toEqual(['E_OPTION', 'train', 'options.batchsize']);
    expect(e.message).toContain("did you mean 'batchSize'?");
  });

  it('newton({ tol }), mlp({ activaton }), sgd({ lr })', () => {
    const m = softmaxRegression({ inputDim: 2, numClasses: 3, l2: 1 });
    expect(thrown(() => newton(m, x3x2, [0, 1, 2], { tol: 1e-9 } as never)).details.argument).toBe(
      'options.tol',
    );
    const e = thrown(() =>
      mlp({ inputDim: 2, hidden: [3], numClasses: 2, activaton: 'relu' } as never),
    );
    expect([e.code, e.fn, e.details.argument]).toEqual(['E_OPTION', 'mlp', 'options.activaton']);
    expect(thrown(() => sgd({ learningRate: 1, lr: 1 } as never)).fn).toBe('sgd');
    expect(thrown(() => adam({ beta: 0.9 } as never)).fn).toBe('adam');
  });

  it('a misspelt key inside loss: { labelSmothing } is named under options.loss by the constructor', () => {
    for (const make of [
      () =>
        softmaxRegression({ inputDim: 2, numClasses: 3, loss: { labelSmothing: 0.1 } as never }),
      () => logisticRegression({ inputDim: 2, loss: { labelSmothing: 0.1 } as never }),
      () => mlp({ inputDim: 2, hidden: [3], numClasses: 3, loss: { labelSmothing: 0.1 } as never }),
      () => freeLogits({ numSamples: 3, numClasses: 3, loss: { labelSmothing: 0.1 } as never }),
      () =>
        unconstrainedFeatures({
          numSamples: 3,
          featureDim: 2,
          numClasses: 3,
          loss: { labelSmothing: 0.1 } as never,
        }),
    ]) {
      const e = thrown(make);
      expect([e.code, e.details.argument]).toEqual(['E_OPTION', 'options.loss.labelSmothing']);
      expect(e.message).toContain("did you mean 'labelSmoothing'?");
    }
  });

  it('α is checked by the constructor, under its own name, not by core later', () => {
    const e = thrown(() =>
      softmaxRegression({ inputDim: 2, numClasses: 3, loss: { labelSmoothing: 2 } }),
    );
    expect([e.code, e.fn, e.details.argument]).toEqual([
      'E_RANGE',
      'softmaxRegression',
      'options.loss.labelSmoothing',
    ]);
    expect(
      thrown(() =>
        softmaxRegression({ inputDim: 2, numClasses: 3, loss: { labelSmoothing: null } as never }),
      ).code,
    ).toBe('E_NOT_FINITE');
  });

  it('a non-object options argument, or none where one is required', () => {
    expect(thrown(() => softmaxRegression('x' as never)).code).toBe('E_OPTION');
    expect(thrown(() => softmaxRegression(undefined as never)).code).toBe('E_OPTION');
    const m = softmaxRegression({ inputDim: 2, numClasses: 3 });
    expect(thrown(() => train(m, x3x2, [0, 1, 2], undefined as never)).fn).toBe('train');
    expect(thrown(() => train(m, x3x2, [0, 1, 2], { steps: 1 } as never)).details.argument).toBe(
      'options.optimizer',
    );
    expect(thrown(() => train(m, x3x2, [0, 1, 2], { steps: 1, optimizer: {} } as never)).code).toBe(
      'E_OPTION',
    );
  });
});

describe('shapes are checked where the data enter', () => {
  it('a 3×2 x given to a model with inputDim 1 or 3 is E_SHAPE, in every entry point', () => {
    for (const d of [1, 3]) {
      const m = softmaxRegression({ inputDim: d, numClasses: 3 });
      for (const [fn, call] of [
        ['softmaxRegression.lossAndGradient', () => m.lossAndGradient(x3x2, [0, 1, 2])],
        ['softmaxRegression.forward', () => m.forward(x3x2)],
        ['softmaxRegression.forward', () => m.predictProba(x3x2)],
        [
          'train',
          () =>
            train(m, x3x2, [0, 1, 2], {
              optimizer: gradientDescent({ learningRate: 1 }),
              steps: 1,
            }),
        ],
      ] as const) {
        const e = thrown(call);
        expect([e.code, e.fn]).toEqual(['E_SHAPE', fn]);
      }
    }
    const net = mlp({ inputDim: 3, hidden: [4], numClasses: 3 });
    expect(thrown(() => net.lossAndGradient(x3x2, [0, 1, 2])).code).toBe('E_SHAPE');
    const lr = logisticRegression({ inputDim: 3 });
    expect(thrown(() => lr.lossAndGradient(x3x2, [0, 1, 0])).code).toBe('E_SHAPE');
  });

  it('a batch index of 99, −1 or 1.5 is E_RANGE naming the row of the batch', () => {
    const models = [
      softmaxRegression({ inputDim: 2, numClasses: 3 }),
      logisticRegression({ inputDim: 2 }),
      mlp({ inputDim: 2, hidden: [3], numClasses: 3 }),
      freeLogits({ numSamples: 3, numClasses: 3 }),
      unconstrainedFeatures({ numSamples: 3, featureDim: 2, numClasses: 3 }),
    ];
    for (const m of models) {
      for (const bad of [99, -1, 1.5]) {
        const e = thrown(() => m.lossAndGradient(x3x2, [0, 1, 0], [0, bad]));
        expect([e.code, e.details.argument, e.details.row, e.details.value]).toEqual([
          'E_RANGE',
          'batch',
          1,
          bad,
        ]);
        expect(e.fn).toMatch(/\.lossAndGradient$/);
      }
    }
  });

  it('labels are checked under the name y of the model call', () => {
    const m = softmaxRegression({ inputDim: 2, numClasses: 3 });
    const e = thrown(() => m.lossAndGradient(x3x2, [0, 1, 3]));
    expect([e.code, e.fn, e.details.argument, e.details.row]).toEqual([
      'E_LABEL',
      'softmaxRegression.lossAndGradient',
      'y',
      2,
    ]);
  });
});

describe('data-set functions', () => {
  it('gaussianMixture without an rng, and splitDataset(ds, 42), are typed errors', () => {
    expect(
      thrown(() => gaussianMixture(undefined as never, { numClasses: 2, dim: 1, nPerClass: 2 }))
        .code,
    ).toBe('E_OPTION');
    const ds = createDataset(x3x2, [0, 1, 1]);
    expect(thrown(() => splitDataset(ds, 42 as never)).code).toBe('E_OPTION');
    expect(thrown(() => splitDataset(42 as never, createRng(0))).code).toBe('E_SHAPE');
    expect(
      thrown(() => splitDataset(ds, createRng(0), { fraction: [1, 0, 0] } as never)).code,
    ).toBe('E_OPTION');
  });

  it('meta.classCounts is always there (a number array, no optional chaining needed)', () => {
    const counts: readonly number[] = createDataset(x3x2, [0, 1, 1]).meta.classCounts;
    expect(Array.from(counts)).toEqual([1, 2]);
  });
});
