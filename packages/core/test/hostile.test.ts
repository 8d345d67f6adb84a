import { describeFailures, type HostileTable, runHostile } from '@lslab/test-utils/hostile';
import { expect, it } from 'vitest';
import * as api from '../src/index.ts';

const { fromRows, createRng } = api;
const Z = () =>
  fromRows([
    [0.5, -1, 2],
    [1, 0, 0],
  ]);
const P = () =>
  fromRows([
    [0.2, 0.3, 0.5],
    [1, 0, 0],
  ]);

/** α = 0 has an infinite optimal gap: the one place where ±∞ is the exact answer. */
const atZeroAlpha = (args: readonly unknown[]) => args[0] === 0;

/**
 * A matrix holds the numbers it is given, NaN and ±∞ included (documented):
 * the functions that compute with it reject them, naming their own argument,
 * row and column, which a check at construction could not.
 */
const containerOfGivenNumbers = () => true;

// Valid arguments for every function that core's index exports.
const table: HostileTable = {
  LslabError: { skip: 'the error type itself: any message is a valid one' },
  Rng: { args: () => [createRng(1)] },
  check: {
    args: () => ['gap', 1, 1.1, 0.2, 'atMost'],
    // documented: a check never holds on NaN or ±∞, and reports what it was given
    infinite: (_args, path) => path === 'result.expected' || path === 'result.measured',
  },
  // a claim calls it with its own id, which its errors carry (a bad id is claimProgress's)
  claimProgress: {
    args: () => ['C10.stability', () => {}, 3],
    errorsNamed: ([fn]) => (typeof fn === 'string' && fn !== '' ? fn : 'claimProgress'),
  },
  confidencePenalty: { args: () => [Z(), [0, 2], 0.5, { reduction: 'mean' }] },
  convertSmoothing: { args: () => [0.1, 10, 'uniform', 'others'] },
  createKernelPool: {
    args: () => [{ threads: 1 }],
    dispose: (pool) => (pool as { close(): Promise<void> }).close(),
    randomRuns: 10,
  },
  createRng: { args: () => [42] },
  fromRows: {
    args: () => [
      [
        [1, 2],
        [3, 4],
      ],
    ],
    infinite: containerOfGivenNumbers,
  },
  logSigmoid: { args: () => [[0, -3, 40]] },
  logSoftmax: { args: () => [Z(), {}] },
  logSumExp: { args: () => [[0, 1, -2]] },
  matrix: { args: () => [2, 2, [1, 2, 3, 4]], infinite: containerOfGivenNumbers },
  meanDivisor: { args: () => [[0, 1, 1], { weight: [2, 0.5] }] },
  minimumSmoothedLoss: { args: () => [0.1, 3, { convention: 'others' }] },
  optimalLogitGap: { args: () => [0.1, 10, { convention: 'uniform' }], infinite: atZeroAlpha },
  optimalProbabilities: { args: () => [0.1, 3, { convention: 'others', label: 1 }] },
  optimalSigmoidLogit: { args: () => [0.1, { convention: 'uniform' }], infinite: atZeroAlpha },
  sigmoid: { args: () => [[0, -3, 40]] },
  sigmoidCrossEntropy: {
    args: () => [[0.5, -1, 2], [1, 0, 1], { labelSmoothing: 0.1, posWeight: 2 }],
  },
  smoothBinaryTarget: { args: () => [1, 0.1, 'uniform'] },
  smoothBinaryTargets: { args: () => [[0, 1], 0.1, { convention: 'others' }] },
  smoothLabels: { args: () => [[1, 0], 3, 0.1, { convention: 'others' }] },
  smoothingDecomposition: { args: () => [Z(), [0, 2], 0.1, { convention: 'uniform' }] },
  smoothingMass: { args: () => [0.1, 3, 'uniform'] },
  softmax: { args: () => [Z(), {}] },
  softmaxCrossEntropy: {
    args: () => [Z(), [0, 2], { labelSmoothing: 0.1, weight: [1, 2, 1], reduction: 'mean' }],
  },
  softplus: { args: () => [[0, -3, 40]] },
  toRows: { args: () => [P()], infinite: containerOfGivenNumbers },
};

it('every export of @lslab/core keeps the hostile-input contract', async () => {
  const report = await runHostile('@lslab/core', api, table);
  expect(report.failures, describeFailures(report)).toEqual([]);
});
