// Writes test/fixtures/C8.smoothing-calibration.series.json: the series of the
// C8 claim at its defaults, so that the chart tests need not train its models.
// Run from apps/report after a build: npx tsx scripts/makeC8Fixture.ts
import { writeFileSync } from 'node:fs';
import { claims as calibrationClaims } from '@lslab/calibration/claims';

const claim = calibrationClaims.find((c) => c.id.startsWith('C8'));
if (!claim) throw new Error('no C8 claim in @lslab/calibration/claims');
const { series } = claim.run(claim.defaults);
writeFileSync(
  new URL('../test/fixtures/C8.smoothing-calibration.series.json', import.meta.url),
  JSON.stringify(series),
);
