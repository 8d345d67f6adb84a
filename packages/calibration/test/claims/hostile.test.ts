import { describeFailures, runHostileClaims } from '@lslab/test-utils/hostile';
import { expect, it } from 'vitest';
import { claims } from '../../src/claims/index.ts';

it('every claim of @lslab/calibration keeps the hostile-input contract at its door', async () => {
  // small test sets and no real data keep the runs the claim accepts short
  const report = await runHostileClaims('@lslab/calibration', claims, {
    'C8.smoothing-calibration': {
      datasets: [],
      resamples: 200,
      testN: 1000,
      validationN: 200,
      wellN: 500,
    },
  });
  expect(report.failures, describeFailures(report)).toEqual([]);
}, 900_000);
