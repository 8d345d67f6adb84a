/** Median and minimum wall time of repeated runs, in milliseconds. */
export interface Timing {
  medianMs: number;
  minMs: number;
  reps: number;
}

/**
 * Runs `fn` `warmup` times untimed, then `reps` times timed with
 * `performance.now()`. `fn` returns a value that `guard` checks after every
 * run (for example that a loss is finite), so that no run can be optimised
 * away and a broken result stops the benchmark.
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

/** Millions of elements per second for `count` elements in `ms` milliseconds. */
export function mPerSecond(count: number, ms: number): number {
  return count / ms / 1e3;
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

function summarize(ms: number[]): Timing {
  const s = [...ms].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const medianMs = s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return { medianMs, minMs: s[0], reps: s.length };
}
