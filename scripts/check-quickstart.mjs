#!/usr/bin/env node
// Proves the README's Quick start on a fresh machine: takes the two command
// lines from the README's "Quick start" block, clones this repository into a
// temporary folder, and runs both there with an empty HOME (no pnpm store, no
// npm cache) and the browser forced to the one that ships with `pnpm install`
// (LSLAB_CHROMIUM=bundled: no system Chromium is used). Both must exit 0.
// Slow (it installs everything from the registry): CI runs it, `pnpm test` does not.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The command lines of the first fenced block after a "Quick start" heading. */
function quickStartLines(readme) {
  const lines = readme.split('\n');
  const heading = lines.findIndex((l) => /^#+\s.*quick ?start/i.test(l));
  if (heading < 0) throw new Error('README.md has no Quick start heading');
  const open = lines.findIndex((l, i) => i > heading && l.startsWith('```'));
  const close = lines.findIndex((l, i) => i > open && l.startsWith('```'));
  if (open < 0 || close < 0) throw new Error('README.md Quick start has no code block');
  return lines.slice(open + 1, close).filter((l) => l.trim() !== '' && !l.trim().startsWith('#'));
}

const commands = quickStartLines(readFileSync(join(root, 'README.md'), 'utf8'));
// `--print N`: print line N (1 or 2) and exit, for CI to run it verbatim
if (process.argv[2] === '--print') {
  const line = commands[Number(process.argv[3]) - 1];
  if (line === undefined) process.exit(1);
  console.log(line);
  process.exit(0);
}
if (commands.length !== 2) {
  console.error(`quick start: expected 2 command lines, found ${commands.length}`);
  process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), 'lslab-quickstart-'));
const home = join(work, 'home');
const clone = join(work, 'lslab');
const env = {
  PATH: process.env.PATH,
  HOME: home,
  XDG_CACHE_HOME: join(home, '.cache'),
  XDG_DATA_HOME: join(home, '.local', 'share'),
  XDG_CONFIG_HOME: join(home, '.config'),
  XDG_STATE_HOME: join(home, '.local', 'state'),
  TMPDIR: join(work, 'tmp'),
  LSLAB_CHROMIUM: 'bundled',
  CI: process.env.CI ?? '',
  LANG: 'C.UTF-8',
};
let failed = 0;
try {
  spawnSync('mkdir', ['-p', home, env.TMPDIR]);
  const cloned = spawnSync('git', ['clone', '--quiet', '--no-local', root, clone], {
    stdio: 'inherit',
  });
  if (cloned.status !== 0) throw new Error('git clone failed');
  for (const [i, command] of commands.entries()) {
    const t0 = Date.now();
    console.log(`quick start line ${i + 1}: ${command}`);
    const r = spawnSync('bash', ['-c', command], { cwd: clone, env, stdio: 'inherit' });
    const seconds = ((Date.now() - t0) / 1000).toFixed(1);
    console.log(`quick start line ${i + 1}: exit ${r.status} after ${seconds} s`);
    if (r.status !== 0) failed += 1;
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(failed === 0 ? 'quick start: both lines pass on a fresh clone' : 'quick start: FAILED');
process.exit(failed === 0 ? 0 : 1);
