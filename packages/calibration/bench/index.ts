import { loadavg } from 'node:os';
import { describeMachine, pythonHas } from '@lslab/test-utils/bench';
import {
  benchAgainstNumpy,
  benchCalibration,
  calibrationTable,
  numpyTable,
} from './calibration.bench.ts';

const t0 = performance.now();
const load = loadavg();
const rows = benchCalibration();
console.log('## @lslab/calibration: metrics and temperature scaling');
console.log('');
console.log(`Machine: ${describeMachine()}`);
console.log('');
console.log(
  'Probabilities softmax(3·N(0,1) logits), labels drawn from softmax(z/1.5), seeded, generated before timing; median of 7 runs after warm-up; every result checked finite.',
);
console.log(
  `Load average at start: ${load
    .map((l) => l.toFixed(1))
    .join(' ')} (figures are only comparable on an otherwise idle machine).`,
);
console.log('');
for (const line of calibrationTable(rows)) console.log(line);
console.log('');
const machine = rows.map((r) => ({
  name: r.name.startsWith('baseline') ? 'baseline-row-max' : r.name.split(' ')[0],
  n: r.n,
  k: r.k,
  medianMs: Number(r.timing.medianMs.toFixed(3)),
  mSamplesPerSecond: Number(r.mSamplesPerSecond.toFixed(3)),
  passes: r.passes ?? 1,
}));
console.log(
  'NLL and Brier against numpy (vectorised, no validation; bench/peers/nllBrier.py) on the same probabilities, 9 interleaved rounds, each the best of two runs of each side, median (best):',
);
if (!pythonHas('numpy'))
  console.log('numpy: absent (python3 -c "import numpy" failed), column skipped.');
console.log('');
for (const line of numpyTable(benchAgainstNumpy())) console.log(line);
console.log('');
console.log(`BENCH @lslab/calibration ${JSON.stringify(machine)}`);
console.log(`Total bench time ${((performance.now() - t0) / 1000).toFixed(1)} s.`);
