// End-to-end wall time of the built `lslab report` (all claims, the example
// predictions), with worker threads (one a core) and with one thread, runs
// interleaved (2 threads, 1 thread, 2, 1, …) so that load on a shared machine
// hits both alike; per-claim times from the progress lines of the last run.
// Run after a build: npx tsx bench/index.ts
import { spawnSync } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeMachine } from '@lslab/test-utils/bench';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const EXAMPLE = fileURLToPath(
  new URL('../../../examples/predictions/overconfident.csv', import.meta.url),
);
const RUNS = Number(process.env.LSLAB_BENCH_RUNS ?? 3);

function once(threads: number) {
  const cwd = mkdtempSync(join(tmpdir(), 'lslab-bench-'));
  const start = performance.now();
  const r = spawnSync(
    process.execPath,
    [CLI, 'report', '--threads', String(threads), '--predictions', EXAMPLE],
    {
      cwd,
      encoding: 'utf8',
    },
  );
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`lslab report failed: ${r.stderr}`);
  const perClaim = [...r.stderr.matchAll(/lslab: \d+\/\d+ (\S+) \(([\d.]+) s\)/g)].map((m) => [
    m[1],
    Number(m[2]),
  ]);
  return {
    ms,
    perClaim,
    html: statSync(join(cwd, 'report', 'index.html')).size,
    json: statSync(join(cwd, 'report', 'results.json')).size,
  };
}

const threads = [2, 1];
const times: Record<number, number[]> = { 1: [], 2: [] };
let last: ReturnType<typeof once> | undefined;
for (let i = 0; i < RUNS; i++) {
  for (const t of threads) {
    const r = once(t);
    times[t].push(r.ms);
    if (t === 1) last = r;
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
console.log(`Machine: ${describeMachine()}\n`);
console.log('| threads | median wall time | runs |');
console.log('| --- | --- | --- |');
for (const t of threads)
  console.log(`| ${t} | ${s(median(times[t]))} | ${times[t].map(s).join(', ')} |`);
console.log(
  `\nSpeed-up of ${threads[0]} threads over 1: ${(median(times[1]) / median(times[2])).toFixed(2)}×`,
);
console.log(
  `index.html ${(last!.html / 1024).toFixed(0)} KiB, results.json ${(last!.json / 1024).toFixed(0)} KiB`,
);
console.log('\nPer claim, one thread (run, charts and SVGs):');
for (const [id, sec] of last!.perClaim) console.log(`- ${id}: ${sec} s`);
