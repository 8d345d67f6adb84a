import { fromRows } from '@lslab/core';
import { describeFailures, type HostileTable, runHostile } from '@lslab/test-utils/hostile';
import { expect, it } from 'vitest';
import * as api from '../src/index.ts';

const Z = () =>
  fromRows([
    [2, 0, -1],
    [0, 3, 1],
    [1, 1, 0],
  ]);

// Valid arguments for every function that margins' index exports.
const table: HostileTable = {
  logitGaps: { args: () => [Z(), [0, 1, 2]] },
  marginSummary: { args: () => [Z(), [0, 1, 2]] },
  scatterRatio: {
    args: () => [
      fromRows([
        [0, 0],
        [0, 2],
        [4, 0],
        [4, 2],
      ]),
      [0, 0, 1, 1],
    ],
  },
  templateProjection: {
    args: () => [
      fromRows([
        [3, 4],
        [1, 0],
      ]),
      fromRows([
        [1, 0, 0],
        [0, 1, 0],
      ]),
      [0, 0.5, 0],
      [0, 1, 2],
    ],
  },
};

it('every export of @lslab/margins keeps the hostile-input contract', async () => {
  const report = await runHostile('@lslab/margins', api, table);
  expect(report.failures, describeFailures(report)).toEqual([]);
});
