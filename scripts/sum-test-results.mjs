#!/usr/bin/env node
// Sums the vitest JSON reports of every workspace package into one line,
// `N passed, M failed`. A package that has a test/ folder but wrote no report
// (vitest crashed, or never ran) counts as one failed test file, so a broken
// run can never read as green.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
let passed = 0;
let failed = 0;
let skipped = 0;
/** Every workspace folder that may hold tests: packages/*, apps/*, and examples. */
const folders = [
  ...['packages', 'apps'].flatMap((group) => {
    const dir = join(root, group);
    return existsSync(dir)
      ? readdirSync(dir)
          .sort()
          .map((name) => `${group}/${name}`)
      : [];
  }),
  'examples',
];
for (const folder of folders) {
  const pkg = join(root, folder);
  if (!existsSync(join(pkg, 'test'))) continue;
  const report = join(pkg, '.vitest-results', 'results.json');
  if (!existsSync(report)) {
    console.log(`${folder}: no test report written (counted as 1 failed)`);
    failed += 1;
    continue;
  }
  const r = JSON.parse(readFileSync(report, 'utf8'));
  const p = r.numPassedTests ?? 0;
  // A failed test counts once; a test file that failed without a failed test
  // (it did not load, or failed outside any test) counts as one more.
  const fileErrors = (r.testResults ?? []).filter(
    (t) => t.status === 'failed' && !(t.assertionResults ?? []).some((a) => a.status === 'failed'),
  ).length;
  const f = (r.numFailedTests ?? 0) + fileErrors;
  const s = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  console.log(`${folder}: ${p} passed, ${f} failed${s ? `, ${s} skipped` : ''}`);
  passed += p;
  failed += f;
  skipped += s;
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
