import { describeMachine } from '@lslab/test-utils/bench';
import { describeLoad } from './internal/machine.ts';
import { type BenchRow, benchLossShare, benchMlp, benchNewton } from './training.bench.ts';

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(3)} s`;
}

function verdict(row: BenchRow): string {
  if (row.targetMs === undefined) return 'report';
  if (row.ms < row.targetMs) return 'met';
  return `missed by ${seconds(row.ms - row.targetMs)} (×${(row.ms / row.targetMs).toFixed(2)})`;
}

const t0 = performance.now();
const loadBefore = describeLoad();
const rows: BenchRow[] = [benchNewton(), benchMlp('tanh'), benchMlp('relu'), benchLossShare()];
const loadAfter = describeLoad();
console.log('## @lslab/models: models, Newton and training');
console.log('');
console.log(`Machine: ${describeMachine()}`);
console.log('');
console.log(`Load: ${loadBefore} before, ${loadAfter} after.`);
console.log('');
console.log(
  'Median over the runs after one warm-up; inputs generated (seeded) before timing. CPU is the CPU time of this process (user + system); targets are judged on wall time.',
);
console.log('');
console.log('| benchmark | wall (median) | CPU (median) | runs | target | result | note |');
console.log('|---|---:|---:|---:|---:|---|---|');
for (const r of rows) {
  const target = r.targetMs === undefined ? '—' : `< ${seconds(r.targetMs)}`;
  const cells = [r.name, seconds(r.ms), seconds(r.cpuMs), r.runs, target, verdict(r), r.note];
  console.log(`| ${cells.join(' | ')} |`);
}
console.log('');
console.log(`Total bench time ${((performance.now() - t0) / 1000).toFixed(1)} s.`);
const machine = {
  package: '@lslab/models',
  machine: describeMachine(),
  load: { before: loadBefore, after: loadAfter },
  rows: rows.map((r) => ({
    name: r.name,
    ms: Number(r.ms.toFixed(3)),
    cpuMs: Number(r.cpuMs.toFixed(3)),
    targetMs: r.targetMs ?? null,
    met: r.targetMs === undefined ? null : r.ms < r.targetMs,
  })),
};
console.log(`BENCH ${JSON.stringify(machine)}`);
