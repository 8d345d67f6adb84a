#!/usr/bin/env node
// `pnpm test`: every package's tests through turbo with --continue (one failing
// package never hides the results of the others), then one closing line
// `N passed, M failed` summed over every package's vitest report. Exits
// non-zero when any test or task failed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const turbo = join(root, 'node_modules', '.bin', 'turbo');
// stale reports of an earlier run must not count
for (const group of ['packages', 'apps']) {
  const dir = join(root, group);
  if (!existsSync(dir)) continue;
  for (const name of readdirSync(dir)) {
    rmSync(join(dir, name, '.vitest-results'), { recursive: true, force: true });
  }
}
rmSync(join(root, 'examples', '.vitest-results'), { recursive: true, force: true });
const run = spawnSync(turbo, ['run', 'test', '--continue', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' },
});
const sum = spawnSync(process.execPath, [join(root, 'scripts', 'sum-test-results.mjs')], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(run.status === 0 && sum.status === 0 ? 0 : 1);
