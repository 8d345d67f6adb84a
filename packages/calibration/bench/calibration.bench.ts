import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Matrix, matrix, softmax } from '@lslab/core';
import { createRng } from '@lslab/models';
import {
  finite,
  pythonHas,
  runPeer,
  type Timing,
  time,
  timed,
  timeInterleaved,
} from '@lslab/test-utils/bench';
import {
  brierScore,
  expectedCalibrationError,
  fitTemperature,
  negativeLogLikelihood,
} from '../src/index.ts';

/** One measured row of the table. */
export interface BenchRow {
  name: string;
  n: number;
  k: number;
  timing: Timing;
  /** Millions of samples (rows) per second at the median time. */
  mSamplesPerSecond: number;
  /** Objective passes over the data (fitTemperature only). */
  passes?: number;
}

/** The floor any top-label metric pays: one read of the N×K array taking each row's maximum. */
function rowMaxPass(p: Matrix): number {
  const { rows, cols, data } = p;
  let s = 0;
  for (let i = 0; i < rows; i++) {
    let m = data[i * cols];
    for (let j = 1; j < cols; j++) if (data[i * cols + j] > m) m = data[i * cols + j];
    s += m;
  }
  return s / rows;
}

/** Seeded logits (3·N(0, 1)) and labels drawn from softmax(logits / 1.5), generated before timing. */
function inputs(seed: number, n: number, k: number): { z: Matrix; y: Int32Array } {
  const rng = createRng(seed);
  const z = matrix(n, k);
  for (let i = 0; i < z.data.length; i++) z.data[i] = 3 * rng.normal();
  const y = new Int32Array(n);
  const w = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < k; j++) w[j] = Math.exp(z.data[i * k + j] / 1.5);
    y[i] = rng.categorical(w);
  }
  return { z, y };
}

/** ECE (equal-width, 15 bins), Brier and NLL at N = 10⁶, K = 10; fitTemperature at 10⁵ × 10. */
export function benchCalibration(reps = 7): BenchRow[] {
  const rows: BenchRow[] = [];
  const big = inputs(1, 1_000_000, 10);
  const p = softmax(big.z);
  const add = (name: string, n: number, k: number, timing: Timing) =>
    rows.push({ name, n, k, timing, mSamplesPerSecond: n / timing.medianMs / 1e3 });
  add(
    'baseline: row-max pass over N×K (no validation)',
    p.rows,
    p.cols,
    time(() => rowMaxPass(p), { warmup: 2, reps, guard: finite('rowMaxPass') }),
  );
  add(
    'expectedCalibrationError (equal-width, 15 bins, l1)',
    p.rows,
    p.cols,
    time(() => expectedCalibrationError(p, big.y).value, { warmup: 2, reps, guard: finite('ECE') }),
  );
  add(
    'brierScore',
    p.rows,
    p.cols,
    time(() => brierScore(p, big.y), { warmup: 2, reps, guard: finite('brierScore') }),
  );
  add(
    'negativeLogLikelihood',
    p.rows,
    p.cols,
    time(() => negativeLogLikelihood(p, big.y), { warmup: 2, reps, guard: finite('NLL') }),
  );
  const small = inputs(2, 100_000, 10);
  add(
    'fitTemperature',
    small.z.rows,
    small.z.cols,
    time(() => fitTemperature(small.z, small.y).temperature, {
      warmup: 1,
      reps,
      guard: finite('fitTemperature'),
    }),
  );
  rows[rows.length - 1].passes = fitTemperature(small.z, small.y).iterations;
  return rows;
}

/** The rows as a markdown table. */
export function calibrationTable(rows: BenchRow[]): string[] {
  const out = [
    '| function | N | K | median ms | min ms | M samples/s | passes |',
    '|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    out.push(
      `| ${r.name} | ${r.n.toLocaleString('en-US')} | ${r.k} | ${r.timing.medianMs.toFixed(1)} | ${r.timing.minMs.toFixed(1)} | ${r.mSamplesPerSecond.toPrecision(3)} | ${r.passes ?? 1} |`,
    );
  }
  return out;
}

/** NLL and Brier on 10⁶ × 10 against numpy, interleaved round by round. */
export interface NumpyRow {
  name: 'negativeLogLikelihood' | 'brierScore';
  ours: Timing;
  numpy: Timing | undefined;
}

function summarize(ms: number[]): Timing {
  const s = [...ms].sort((a, b) => a - b);
  return { medianMs: s[s.length >> 1], minMs: s[0], reps: s.length };
}

/**
 * negativeLogLikelihood and brierScore (validation included) against numpy's
 * vectorised versions (bench/peers/nllBrier.py, no validation) on the same
 * 10⁶ × 10 probabilities: each round times ours once each, then numpy in its
 * own process (best of 2). numpy's column is undefined when it is absent.
 */
export function benchAgainstNumpy(rounds = 9): NumpyRow[] {
  const n = 1_000_000;
  const k = 10;
  const big = inputs(1, n, k);
  const p = softmax(big.z);
  const withNumpy = pythonHas('numpy');
  const dir = mkdtempSync(join(tmpdir(), 'lslab-calibration-bench-'));
  writeFileSync(join(dir, 'p.f64'), p.data as Float64Array);
  writeFileSync(join(dir, 'y.i32'), big.y);
  const script = new URL('./peers/nllBrier.py', import.meta.url).pathname;
  const cases = {
    nll: timed(() => negativeLogLikelihood(p, big.y), finite('NLL')),
    brier: timed(() => brierScore(p, big.y), finite('brierScore')),
  };
  timeInterleaved(cases, { warmup: 2, reps: 1 });
  const ms = {
    nll: [] as number[],
    brier: [] as number[],
    npNll: [] as number[],
    npBrier: [] as number[],
  };
  for (let r = 0; r < rounds; r++) {
    // each round is the best of two runs, the rule the numpy peer follows
    const t = timeInterleaved(cases, { warmup: 0, reps: 2 });
    ms.nll.push(t.nll.minMs);
    ms.brier.push(t.brier.minMs);
    const np = withNumpy
      ? runPeer(script, [join(dir, 'p.f64'), join(dir, 'y.i32'), `${n}`, `${k}`, '2'])
      : undefined;
    if (np !== undefined) {
      ms.npNll.push(Math.min(...np.map((row) => row[0])));
      ms.npBrier.push(Math.min(...np.map((row) => row[1])));
    }
  }
  rmSync(dir, { recursive: true, force: true });
  const peer = (v: number[]) => (v.length > 0 ? summarize(v) : undefined);
  return [
    { name: 'negativeLogLikelihood', ours: summarize(ms.nll), numpy: peer(ms.npNll) },
    { name: 'brierScore', ours: summarize(ms.brier), numpy: peer(ms.npBrier) },
  ];
}

/** The rows against numpy as a markdown table: ms, median (best), and numpy's time ÷ ours (≥ 1 is the target). */
export function numpyTable(rows: NumpyRow[]): string[] {
  const out = [
    '| function (10⁶ × 10) | lslab ms | numpy ms | numpy ÷ lslab (target ≥ 1) |',
    '|---|---:|---:|---:|',
  ];
  const cell = (t: Timing | undefined) =>
    t === undefined ? 'absent' : `${t.medianMs.toFixed(1)} (${t.minMs.toFixed(1)})`;
  for (const r of rows) {
    const ratio = r.numpy === undefined ? '—' : (r.numpy.medianMs / r.ours.medianMs).toFixed(2);
    out.push(`| ${r.name} | ${cell(r.ours)} | ${cell(r.numpy)} | ${ratio} |`);
  }
  return out;
}
