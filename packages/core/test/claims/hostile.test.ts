import { describeFailures, runHostileClaims } from '@lslab/test-utils/hostile';
import { expect, it } from 'vitest';
import { claims } from '../../src/claims/index.ts';

it('every claim of @lslab/core keeps the hostile-input contract at its door', async () => {
  const report = await runHostileClaims('@lslab/core', claims, {});
  expect(report.failures, describeFailures(report)).toEqual([]);
}, 600_000);
