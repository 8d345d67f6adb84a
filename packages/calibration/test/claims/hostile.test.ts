import { describeFailures, runHostileClaims } from '@lslab/test-utils/hostile';
import { expect, it } from 'vitest';
import { claims } from '../../src/claims/index.ts';

it('every claim of @lslab/calibration keeps the hostile-input contract at its door', async () => {
  // small test sets and no real data keep the runs the claim accepts short
  // a call with every parameter at its default (`undefined`, `{}`) runs the first experiment
  // at full size: about 1 s of CPU on a quiet machine, hence the bound of 10 s a call
  const report = await runHostileClaims(
    '@lslab/calibration',
    claims,
    {
      'C8.smoothing-calibration': {
        datasets: [],
        resamples: 200,
        testN: 1000,
        validationN: 200,
        wellN: 500,
      },
    },
    { timeBoundMs: 10_000 },
  );
  expect(report.failures, describeFailures(report)).toEqual([]);
}, 900_000);
