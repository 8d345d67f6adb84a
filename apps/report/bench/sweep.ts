// Wall time of `lslab sweep` over a 200-cell C8 grid (5 sample sizes × 2 class
// counts × 20 seeds, synthetic data only) on 2 worker threads and on 1, runs
// interleaved (2, 1, 2, 1, …) so that load on a shared machine hits both alike;
// the two runs must write the same bytes. Run after a build:
//   npx tsx bench/sweep.ts
// LSLAB_BENCH_RUNS sets the runs per thread count (default 1) and
// LSLAB_BENCH_SWEEP_REPLICATES the seeds a point (default 20; 1 gives a 10-cell grid
// that only shows the bench works).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeMachine } from '@lslab/test-utils/bench';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const RUNS = Number(process.env.LSLAB_BENCH_RUNS ?? 1);
const REPLICATES = Number(process.env.LSLAB_BENCH_SWEEP_REPLICATES ?? 20);
const dir = mkdtempSync(join(tmpdir(), 'lslab-bench-sweep-'));
const grid = join(dir, 'grid.yaml');
writeFileSync(
  grid,
  `claim: C8
seed: 2026
replicates: ${REPLICATES}
params: { datasets: [], resamples: 200, wellN: 1000, validationN: 1000, testN: 1000 }
axes:
  overN: [40, 60, 80, 100, 120]
  numClasses: [3, 4]
`,
);

function once(threads: number, run: number) {
  const out = join(dir, `t${threads}-r${run}`);
  const start = performance.now();
  const r = spawnSync(
    process.execPath,
    [CLI, 'sweep', '--grid', grid, '--out', out, '--threads', String(threads)],
    { encoding: 'utf8' },
  );
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`lslab sweep failed: ${r.stderr}`);
  return { ms, rows: readFileSync(join(out, 'shard-0-of-1.jsonl')) };
}

const threads = [2, 1];
const times: Record<number, number[]> = { 1: [], 2: [] };
const outputs: Buffer[] = [];
for (let i = 0; i < RUNS; i++) {
  for (const t of threads) {
    const r = once(t, i);
    times[t].push(r.ms);
    outputs.push(r.rows);
  }
}
if (!outputs.every((o) => o.equals(outputs[0]))) throw new Error('the runs wrote different rows');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
console.log(`Machine: ${describeMachine()}\n`);
console.log(`lslab sweep, C8, ${10 * REPLICATES} cells:\n`);
console.log('| threads | median wall time | runs |');
console.log('| --- | --- | --- |');
for (const t of threads)
  console.log(`| ${t} | ${s(median(times[t]))} | ${times[t].map(s).join(', ')} |`);
console.log(
  `\nSpeed-up of 2 threads over 1: ${(median(times[1]) / median(times[2])).toFixed(2)}× (same bytes: ${outputs[0].length} B of rows)`,
);
