import { describeFailures, runHostileClaims } from '@lslab/test-utils/hostile';
import { expect, it } from 'vitest';
import { claims } from '../../src/claims/index.ts';

// a call with every parameter at its default runs a claim (or its first unit of work) at full
// size: up to about 1 s of CPU on a quiet machine, hence the bound of 10 s a call
it('every claim of @lslab/margins keeps the hostile-input contract at its door', async () => {
  // fewer seeds, splits and steps keep the runs a claim accepts short
  const report = await runHostileClaims(
    '@lslab/margins',
    claims,
    {
      'C4.saturation': { steps: 10_000, mlpSteps: 100, seeds: 3 },
      'C5.weight-growth': { steps: 10_000 },
      'C6.optimal-margin': { seeds: 3 },
    },
    { timeBoundMs: 10_000 },
  );
  expect(report.failures, describeFailures(report)).toEqual([]);
}, 900_000);
