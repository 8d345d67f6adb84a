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
for (const group of ['packages', 'apps']) {
  const dir = join(root, group);
  if (!existsSync(dir)) continue;
  for (const name of readdirSync(dir).sort()) {
    const pkg = join(dir, name);
    if (!existsSync(join(pkg, 'test'))) continue;
    const report = join(pkg, '.vitest-results', 'results.json');
    if (!existsSync(report)) {
      console.log(`${group}/${name}: no test report written (counted as 1 failed)`);
      failed += 1;
      continue;
    }
    const r = JSON.parse(readFileSync(report, 'utf8'));
    const p = r.numPassedTests ?? 0;
    const f = (r.numFailedTests ?? 0) + (r.numFailedTestSuites ?? 0);
    const s = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
    console.log(`${group}/${name}: ${p} passed, ${f} failed${s ? `, ${s} skipped` : ''}`);
    passed += p;
    failed += f;
    skipped += s;
  }
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
