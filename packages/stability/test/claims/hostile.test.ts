import { describeFailures, runHostileClaims } from '@lslab/test-utils/hostile';
import { expect, it } from 'vitest';
import { claims } from '../../src/claims/index.ts';

it('every claim of @lslab/stability keeps the hostile-input contract at its door', async () => {
  // one flipped row per cell keeps the accepted C10 runs short
  const report = await runHostileClaims('@lslab/stability', claims, {
    'C10.stability': { flips: 1 },
  });
  expect(report.failures, describeFailures(report)).toEqual([]);
}, 600_000);
