import { describeMachine } from './internal/machine.ts';
import { benchSpam } from './spam.bench.ts';
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
const rows: BenchRow[] = [benchNewton(), benchMlp(), benchLossShare(), ...benchSpam()];
console.log('## @lslab/models: models, Newton and training');
console.log('');
console.log(`Machine: ${describeMachine()}`);
console.log('');
console.log(
  'Median wall time of the runs after one warm-up; inputs generated (seeded) before timing.',
);
console.log('');
console.log('| benchmark | median | runs | target | result | note |');
console.log('|---|---:|---:|---:|---|---|');
for (const r of rows) {
  const target = r.targetMs === undefined ? '—' : `< ${seconds(r.targetMs)}`;
  console.log(
    `| ${r.name} | ${seconds(r.ms)} | ${r.runs} | ${target} | ${verdict(r)} | ${r.note} |`,
  );
}
console.log('');
console.log(`Total bench time ${((performance.now() - t0) / 1000).toFixed(1)} s.`);
console.log(
  `BENCH ${JSON.stringify({ package: '@lslab/models', machine: describeMachine(), rows: rows.map((r) => ({ name: r.name, ms: Number(r.ms.toFixed(3)), targetMs: r.targetMs ?? null, met: r.targetMs === undefined ? null : r.ms < r.targetMs })) })}`,
);
