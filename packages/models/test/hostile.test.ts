import { createRng, fromRows } from '@lslab/core';
import { describeFailures, type HostileTable, runHostile } from '@lslab/test-utils/hostile';
import { expect, it } from 'vitest';
import * as api from '../src/index.ts';

const { createDataset, gradientDescent, softmaxRegression } = api;
const X = () =>
  fromRows([
    [1, 2],
    [0, -1],
    [2, 0.5],
    [-1, 1],
  ]);
const Y = () => [0, 1, 2, 1];
const DS = () => createDataset(X(), Y(), { numClasses: 3 });
const model = () => softmaxRegression({ inputDim: 2, numClasses: 3, l2: 0.1 });

// Valid arguments for every function that models' index exports.
const table: HostileTable = {
  Rng: { args: () => [createRng(1)] },
  adam: { args: () => [{ learningRate: 0.1 }] },
  applyStandardization: {
    args: () => [X(), { mean: Float64Array.of(0.5, 0.6), std: Float64Array.of(1, 2) }],
  },
  createDataset: {
    names: ['x', 'y', 'options'],
    args: () => [
      X(),
      Y(),
      { numClasses: 3, featureNames: ['a', 'b'], classNames: ['p', 'q', 'r'] },
    ],
  },
  createRng: { args: () => [7] },
  fitStandardization: { args: () => [X()] },
  freeLogits: { args: () => [{ numSamples: 2, numClasses: 3, loss: { labelSmoothing: 0.1 } }] },
  gaussianMixture: {
    args: () => [createRng(1), { numClasses: 3, dim: 2, nPerClass: 4, labelNoise: 0.1 }],
  },
  gradientDescent: { args: () => [{ learningRate: 0.5 }] },
  hardMarginSvm: {
    args: () => [
      fromRows([
        [2, 1],
        [1, -2],
      ]),
      [1, 0],
      { tol: 1e-10, maxSweeps: 100 },
    ],
  },
  linearlySeparable: { args: () => [createRng(4), { n: 8, dim: 3, margin: 0.5 }] },
  loggingSteps: { args: () => [100, { perDecade: 2 }] },
  logisticRegression: { args: () => [{ inputDim: 2, l2: 0.1 }] },
  mlp: { args: () => [{ inputDim: 2, hidden: [3], numClasses: 3, activation: 'relu', seed: 1 }] },
  newton: {
    args: () => [model(), X(), Y(), { tolerance: 1e-10, maxIterations: 20 }],
    names: ['model', 'x', 'y', 'data', 'options'],
  },
  overparameterized: { args: () => [createRng(8), { n: 6, dim: 10, nTest: 4 }] },
  sgd: { args: () => [{ learningRate: 1, momentum: 0.5 }] },
  simplexEtf: { args: () => [3, 2, createRng(1)] },
  softmaxData: { args: () => [createRng(2), { n: 6, dim: 2, numClasses: 3 }] },
  softmaxRegression: { args: () => [{ inputDim: 2, numClasses: 3, l2: 0.1 }] },
  splitDataset: {
    args: () => [DS(), createRng(1), { fractions: [0.5, 0.25, 0.25], stratify: false }],
    names: ['ds', 'rng', 'options'],
  },
  train: {
    args: () => [
      model(),
      X(),
      Y(),
      { optimizer: gradientDescent({ learningRate: 0.5 }), steps: 5, log: { every: 5 } },
    ],
    names: ['model', 'x', 'y', 'data', 'options'],
  },
  unconstrainedFeatures: {
    args: () => [{ numSamples: 6, featureDim: 2, numClasses: 3, seed: 2 }],
  },
  unconstrainedFeaturesData: {
    args: () => [createRng(6), { numClasses: 3, dim: 4, nPerClass: 2 }],
  },
};

it('every export of @lslab/models keeps the hostile-input contract', async () => {
  const report = await runHostile('@lslab/models', api, table);
  expect(report.failures, describeFailures(report)).toEqual([]);
});
