#!/usr/bin/env node
import { main } from './main.js';
import { removeTemporaryDirs } from './output/writeReportDir.js';

// Ctrl-C or a kill: remove a half-written report directory, keep the old one.
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const) {
  process.on(signal, () => {
    removeTemporaryDirs();
    process.exit(code);
  });
}
// A closed or full stdout (EPIPE, ENOSPC) ends the run with one line, not a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  process.stderr.write(`lslab: cannot write to standard output: ${e.code ?? e.message}\n`);
  process.exit(2);
});

process.exitCode = await main(process.argv.slice(2));
