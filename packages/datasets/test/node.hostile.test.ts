import { describeFailures, type HostileTable, runHostile } from '@lslab/test-utils/hostile';
import { expect, it } from 'vitest';
import * as api from '../src/node/index.ts';

// Valid options for every loader of @lslab/datasets/node.
const table: HostileTable = {
  loadPenguins: {
    args: () => [{ seed: 3, fractions: [0.6, 0.2, 0.2], stratify: true, sex: 'female' }],
    randomRuns: 12,
  },
  loadSeattleWeather: {
    args: () => [{ seed: 1, fractions: [0.7, 0.15, 0.15], standardize: false }],
    randomRuns: 12,
  },
  loadSpamAssassin: {
    skip: 'reads and hashes 88 MB a call; its options go through checkLoadOptions, fuzzed through the two loaders above, and its hashing options through hashFeatures, fuzzed in the index run',
  },
};

it('every loader of @lslab/datasets/node keeps the hostile-input contract', async () => {
  const report = await runHostile('@lslab/datasets/node', api, table);
  expect(report.failures, describeFailures(report)).toEqual([]);
}, 600_000);
