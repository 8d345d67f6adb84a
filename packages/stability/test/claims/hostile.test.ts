import { describeFailures, runHostileClaims } from '@lslab/test-utils/hostile';
import { expect, it } from 'vitest';
import { claims } from '../../src/claims/index.ts';

// a call with every parameter at its default runs a claim (or its first unit of work) at full
// size: up to about 1 s of CPU on a quiet machine, hence the bound of 10 s a call
it('every claim of @lslab/stability keeps the hostile-input contract at its door', async () => {
  // one flipped row per cell keeps the accepted C10 runs short
  const report = await runHostileClaims(
    '@lslab/stability',
    claims,
    {
      'C10.stability': { flips: 1 },
    },
    { timeBoundMs: 10_000 },
  );
  expect(report.failures, describeFailures(report)).toEqual([]);
}, 600_000);
