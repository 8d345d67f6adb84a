import { fromRows } from '@lslab/core';
import { describeFailures, type HostileTable, runHostile } from '@lslab/test-utils/hostile';
import { expect, it } from 'vitest';
import * as api from '../src/index.ts';

const X = () =>
  fromRows([
    [1, 0],
    [0, 1],
    [1, 1],
    [-1, 0.5],
  ]);

// Valid arguments for every function that stability's index exports.
const table: HostileTable = {
  binaryLossLipschitz: { args: () => [0.1, { convention: 'others' }] },
  bousquetElisseeffBound: { args: () => [0.95, 2, 0.5, 100] },
  estimateLipschitz: {
    args: () => [0.1, 4, { samples: 50, seed: 1, norm: 'l2', convention: 'uniform' }],
    // documented: the search over no samples is the maximum of nothing, −∞
    infinite: (args, path) =>
      path === 'result.search' && (args[2] as { samples?: unknown } | undefined)?.samples === 0,
  },
  labelFlipStability: {
    args: () => [
      {
        x: X(),
        y: [0, 1, 1, 0],
        alpha: 0.1,
        lambda: 0.5,
        index: 2,
        convention: 'uniform',
        numClasses: 2,
      },
    ],
    randomRuns: 20,
  },
  lossLipschitz: { args: () => [0.1, 10, { norm: 'linf', convention: 'uniform' }] },
  stabilitySweep: {
    args: () => [{ ns: [20, 40], alphas: [0, 0.5], flips: 1, dim: 2, numClasses: 2, seed: 1 }],
    randomRuns: 10,
    // without ns (or options) it runs the documented default sweep, seven sizes up to 3200 rows
    timeBoundMs: 10_000,
  },
};

it('every export of @lslab/stability keeps the hostile-input contract', async () => {
  const report = await runHostile('@lslab/stability', api, table);
  expect(report.failures, describeFailures(report)).toEqual([]);
});
