import { describeFailures, type HostileTable, runHostile } from '@lslab/test-utils/hostile';
import { expect, it } from 'vitest';
import * as api from '../../src/kernels/index.ts';

// Valid arguments for every function of @lslab/core/kernels: a 2×3 block times 3×2.
const table: HostileTable = {
  kernelBackend: { args: () => [] },
  productRows: {
    args: () => [
      Float64Array.of(1, 2, 3, 4, 5, 6),
      0,
      2,
      3,
      Float64Array.of(1, 0, 0, 1, 1, 1),
      2,
      Float64Array.of(0.5, -0.5),
      new Float64Array(4),
      0,
    ],
    names: ['a', 'ao', 'rows', 'm', 'w', 'p', 'bias', 'out', 'oo'],
  },
  addTransposeProductRows: {
    args: () => [
      Float64Array.of(1, 2, 3, 4, 5, 6),
      0,
      2,
      3,
      Float64Array.of(1, -1, 2, 0.5),
      0,
      2,
      new Float64Array(6),
      new Float64Array(2),
    ],
    names: ['a', 'ao', 'rows', 'm', 'g', 'go', 'p', 'out', 'bias'],
  },
  tanhInPlace: { args: () => [Float64Array.of(0, 0.5, -3, 30), 0, 4], names: ['a', 'from', 'to'] },
};

it('every export of @lslab/core/kernels keeps the hostile-input contract', async () => {
  const report = await runHostile('@lslab/core/kernels', api, table);
  expect(report.failures, describeFailures(report)).toEqual([]);
});
