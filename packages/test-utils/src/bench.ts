import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';

// Timing helpers shared by every package's `bench/`. Benchmarks, not tests:
// nothing here asserts a speed.

/** Median and minimum wall time of repeated runs, in milliseconds. */
export interface Timing {
  medianMs: number;
  minMs: number;
  reps: number;
}

/**
 * Runs `fn` `warmup` times untimed, then `reps` times timed with
 * `performance.now()`. `guard` checks every result (for example that a loss
 * is finite) outside the timing, so that no run can be optimised away and a
 * broken result stops the benchmark instead of producing a figure.
 */
export function time<T>(
  fn: () => T,
  options: { warmup: number; reps: number; guard: (result: T) => void },
): Timing {
  for (let r = 0; r < options.warmup; r++) options.guard(fn());
  const ms: number[] = [];
  for (let r = 0; r < options.reps; r++) {
    const t0 = performance.now();
    const out = fn();
    const t1 = performance.now();
    options.guard(out);
    ms.push(t1 - t0);
  }
  return summarize(ms);
}

/** A run to time and the check of its result (done outside the timing). */
export interface Timed {
  run: () => unknown;
  guard: (result: unknown) => void;
}

/** Pairs `run` with a `guard` typed for its result. */
export function timed<T>(run: () => T, guard: (result: T) => void): Timed {
  return { run, guard: guard as (result: unknown) => void };
}

/**
 * Times several runs in turn within each repetition (A B C A B C …) so that a
 * burst of load on a shared machine slows all of them alike and their ratio
 * stays meaningful.
 */
export function timeInterleaved<K extends string>(
  cases: Record<K, Timed>,
  options: { warmup: number; reps: number },
): Record<K, Timing> {
  const keys = Object.keys(cases) as K[];
  const ms = Object.fromEntries(keys.map((key) => [key, [] as number[]])) as Record<K, number[]>;
  for (let r = 0; r < options.warmup + options.reps; r++) {
    for (const key of keys) {
      const t0 = performance.now();
      const out = cases[key].run();
      const t1 = performance.now();
      cases[key].guard(out);
      if (r >= options.warmup) ms[key].push(t1 - t0);
    }
  }
  return Object.fromEntries(keys.map((key) => [key, summarize(ms[key])])) as Record<K, Timing>;
}

/** Millions of elements per second for `count` elements in `ms` milliseconds. */
export function mPerSecond(count: number, ms: number): number {
  return count / ms / 1e3;
}

/** A guard that throws unless the result is a finite number. */
export function finite(name: string): (x: number) => void {
  return (x) => {
    if (!Number.isFinite(x)) throw new Error(`${name} returned a non-finite value ${x}`);
  };
}

/**
 * One line naming the CPU, its logical cores, the memory, the Node/V8 versions
 * and the 1-minute load average when called (a busy machine slows every
 * figure; ratios measured in the same run suffer less).
 */
export function describeMachine(): string {
  let model = cpus()[0]?.model?.trim() ?? '';
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line !== undefined) model = line.slice(line.indexOf(':') + 1).trim();
  } catch {
    // not Linux: os.cpus() already gave the model
  }
  const gib = (totalmem() / 2 ** 30).toFixed(0);
  const load = loadavg()[0].toFixed(2);
  return `${model || 'unknown CPU'}, ${cpus().length} logical cores, ${gib} GiB RAM, Node ${process.version} (V8 ${process.versions.v8}), ${process.platform}/${process.arch}, load average ${load}`;
}

function summarize(ms: number[]): Timing {
  const s = [...ms].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const medianMs = s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return { medianMs, minMs: s[0], reps: s.length };
}

/**
 * True when `python3 -c "import <module>"` succeeds: the benches' peers that
 * need it (numpy, torch) can run.
 */
export function pythonHas(module: string): boolean {
  return spawnSync('python3', ['-c', `import ${module}`], { encoding: 'utf8' }).status === 0;
}

/**
 * Runs a Python peer script (`python3 script ...args`) and returns the
 * numbers it printed, a row per line (its timings, in ms, space-separated),
 * or undefined when it failed (no python3, no numpy, a non-finite result).
 */
export function runPeer(script: string, args: string[]): number[][] | undefined {
  const r = spawnSync('python3', [script, ...args], { encoding: 'utf8' });
  if (r.status !== 0) return undefined;
  return r.stdout
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number));
}
