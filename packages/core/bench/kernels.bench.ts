import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  mPerSecond,
  pythonHas,
  runPeer,
  type Timing,
  timed,
  timeInterleaved,
} from '@lslab/test-utils/bench';
import type * as Core from '../src/index.ts';
import type * as Backend from '../src/kernels/backend.ts';
import { benchInputs } from './internal/inputs.ts';

// softmaxCrossEntropy loss + gradient on the kernel layer (float64, index
// targets, α = 0.1, 'mean', options.out reused) against a Math.exp loop,
// the JavaScript fallback, two threads (copying, and on shared memory), and
// numpy (vectorised, in place) and PyTorch (F.cross_entropy + backward, one
// thread) on the same logits, interleaved round by round; a peer that is not
// installed is skipped. It runs the built package
// (dist/; `pnpm build` first): the pool's workers run JavaScript.

const { createKernelPool, softmaxCrossEntropy } = (await import(
  new URL('../dist/index.js', import.meta.url).href
)) as typeof Core;
const { setKernelBackend } = (await import(
  new URL('../dist/kernels/backend.js', import.meta.url).href
)) as typeof Backend;

const ALPHA = 0.1;
const SIZES: readonly [number, number][] = [
  [200_000, 10],
  [20_000, 1000],
];
const ROUNDS = 9;

/** One row of the kernels table. */
export interface KernelsBenchRow {
  n: number;
  k: number;
  wasm: Timing;
  js: Timing;
  twoThreads: Timing | undefined;
  /** two threads on logits and gradient held on a SharedArrayBuffer (no copies) */
  twoThreadsShared: Timing | undefined;
  expLoop: Timing;
  numpy: Timing | undefined;
  torch: Timing | undefined;
}

function summarize(ms: number[]): Timing {
  const s = [...ms].sort((a, b) => a - b);
  return { medianMs: s[Math.floor(s.length / 2)], minMs: s[0], reps: s.length };
}

/** A Python peer's time for one round (best of 2 in one process), or undefined when it failed. */
function peerRound(script: string, dir: string, n: number, k: number): number | undefined {
  const path = new URL(`./peers/${script}`, import.meta.url).pathname;
  const ms = runPeer(path, [
    join(dir, 'z.f64'),
    join(dir, 'y.i32'),
    `${n}`,
    `${k}`,
    `${ALPHA}`,
    '2',
  ]);
  return ms === undefined ? undefined : Math.min(...ms.map((row) => row[0]));
}

export async function benchKernels(): Promise<KernelsBenchRow[]> {
  const pool = await createKernelPool({ threads: 2 });
  const withNumpy = pythonHas('numpy');
  const withTorch = withNumpy && pythonHas('torch');
  const rows: KernelsBenchRow[] = [];
  for (const [n, k] of SIZES) {
    const { logits64, labels } = benchInputs(n, k, 20_261_201 + k);
    const logits: Core.Matrix = { rows: n, cols: k, data: logits64 };
    const dir = mkdtempSync(join(tmpdir(), 'lslab-bench-'));
    writeFileSync(join(dir, 'z.f64'), logits64);
    writeFileSync(join(dir, 'y.i32'), labels);
    const out = new Float64Array(n * k);
    // the same logits and an output on shared memory: the pool's workers use them in place
    const shared64 = new Float64Array(new SharedArrayBuffer(n * k * 8));
    shared64.set(logits64);
    const sharedLogits: Core.Matrix = { rows: n, cols: k, data: shared64 };
    const sharedOut = new Float64Array(new SharedArrayBuffer(n * k * 8));
    const exps = new Float64Array(n * k);
    const options = { labelSmoothing: ALPHA, out };
    const guard = (r: { loss: number }) => {
      if (!Number.isFinite(r.loss)) throw new Error(`loss is ${r.loss}`);
    };
    const expGuard = (o: Float64Array) => {
      if (!Number.isFinite(o[o.length - 1])) throw new Error('exp loop output is not finite');
    };
    const run = (backend: 'auto' | 'js', extra = {}) => {
      setKernelBackend(backend);
      return softmaxCrossEntropy(logits, labels, { ...options, ...extra });
    };
    const cases = {
      wasm: timed(() => run('auto'), guard),
      js: timed(() => run('js'), guard),
      twoThreads: timed(() => run('auto', { pool }), guard),
      twoThreadsShared: timed(() => {
        setKernelBackend('auto');
        return softmaxCrossEntropy(sharedLogits, labels, {
          labelSmoothing: ALPHA,
          out: sharedOut,
          pool,
        });
      }, guard),
      expLoop: timed(() => {
        for (let i = 0; i < logits64.length; i++) exps[i] = Math.exp(logits64[i]);
        return exps;
      }, expGuard),
    };
    // warm up (the WebAssembly tier-up happens on the first calls)
    timeInterleaved(cases, { warmup: 2, reps: 1 });
    const ms: Record<keyof typeof cases | 'numpy' | 'torch', number[]> = {
      wasm: [],
      js: [],
      twoThreads: [],
      twoThreadsShared: [],
      expLoop: [],
      numpy: [],
      torch: [],
    };
    for (let r = 0; r < ROUNDS; r++) {
      // every column's round is its best of two runs, the rule the Python peers follow
      const t = timeInterleaved(cases, { warmup: 0, reps: 2 });
      for (const key of Object.keys(cases) as (keyof typeof cases)[]) ms[key].push(t[key].minMs);
      if (withNumpy) {
        const np = peerRound('softmaxCrossEntropy.py', dir, n, k);
        if (np !== undefined) ms.numpy.push(np);
      }
      if (withTorch) {
        const pt = peerRound('softmaxCrossEntropyTorch.py', dir, n, k);
        if (pt !== undefined) ms.torch.push(pt);
      }
    }
    setKernelBackend('auto');
    rmSync(dir, { recursive: true, force: true });
    rows.push({
      n,
      k,
      wasm: summarize(ms.wasm),
      js: summarize(ms.js),
      twoThreads: summarize(ms.twoThreads),
      twoThreadsShared: summarize(ms.twoThreadsShared),
      expLoop: summarize(ms.expLoop),
      numpy: ms.numpy.length > 0 ? summarize(ms.numpy) : undefined,
      torch: ms.torch.length > 0 ? summarize(ms.torch) : undefined,
    });
  }
  await pool.close();
  return rows;
}

/** The results as a markdown table (M logits/s, median (best)) with the ratios of medians. */
export function kernelsTable(rows: KernelsBenchRow[]): string[] {
  const out = [
    '| N × K | kernels (WebAssembly SIMD) | JS fallback | two threads | two threads, shared memory | `Math.exp` loop | numpy | PyTorch | ÷ numpy | ÷ PyTorch | two threads ÷ one | shared ÷ one |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of rows) {
    const count = r.n * r.k;
    const med = (t: Timing) => mPerSecond(count, t.medianMs);
    const cell = (t: Timing | undefined) =>
      t === undefined
        ? 'absent'
        : `${med(t).toFixed(0)} (${mPerSecond(count, t.minMs).toFixed(0)})`;
    const ratio = (a: Timing, b: Timing | undefined) =>
      b === undefined ? '—' : (med(a) / med(b)).toFixed(2);
    out.push(
      `| ${r.n} × ${r.k} | ${cell(r.wasm)} | ${cell(r.js)} | ${cell(r.twoThreads)} | ${cell(r.twoThreadsShared)} | ${cell(r.expLoop)} | ` +
        `${cell(r.numpy)} | ${cell(r.torch)} | ${ratio(r.wasm, r.numpy)} | ${ratio(r.wasm, r.torch)} | ${r.twoThreads ? ratio(r.twoThreads, r.wasm) : '—'} | ` +
        `${r.twoThreadsShared ? ratio(r.twoThreadsShared, r.wasm) : '—'} |`,
    );
  }
  return out;
}
