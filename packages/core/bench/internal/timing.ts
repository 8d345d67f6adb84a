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
  ms.sort((a, b) => a - b);
  const mid = ms.length >> 1;
  const medianMs = ms.length % 2 === 1 ? ms[mid] : (ms[mid - 1] + ms[mid]) / 2;
  return { medianMs, minMs: ms[0], reps: ms.length };
}

/** Millions of elements per second for `count` elements in `ms` milliseconds. */
export function mPerSecond(count: number, ms: number): number {
  return count / ms / 1e3;
}
