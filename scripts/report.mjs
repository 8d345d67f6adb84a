#!/usr/bin/env node
// `pnpm report`: builds what the report needs without turbo's banners and
// task chatter (shown only when the build fails), then runs the `lslab`
// command of @lslab/report with the given arguments, so the output starts
// with the report itself.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' };

// On a terminal, a transient status line while the packages build; erased after.
const status = process.stderr.isTTY ? 'building the packages…' : '';
if (status) process.stderr.write(status);
const build = spawnSync(
  join(root, 'node_modules', '.bin', 'turbo'),
  ['run', 'build', '--filter=@lslab/report...', '--output-logs=errors-only', '--log-prefix=none'],
  { cwd: root, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
);
if (status) process.stderr.write(`\r${' '.repeat(status.length)}\r`);
if (build.status !== 0) {
  process.stderr.write(build.stdout ?? '');
  process.stderr.write(build.stderr ?? '');
  process.stderr.write('report: the build failed (output above); no report was written.\n');
  process.exit(2);
}

const cli = spawn(
  process.execPath,
  [join(root, 'apps', 'report', 'dist', 'cli.js'), ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
    env,
  },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => cli.kill(signal));
cli.on('exit', (code, signal) => process.exit(code ?? (signal ? 130 : 2)));
