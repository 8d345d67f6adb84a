import { cpus, loadavg } from 'node:os';

function median(v: number[]): number {
  const s = [...v].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * Median wall time (ms) and median CPU time of this process (user + system,
 * ms) over `runs` calls of `fn`, after one untimed warm-up; returns the last
 * result too. On a shared machine the wall time includes waiting for a core;
 * the CPU time is what the computation itself used.
 */
export function medianTime<T>(
  runs: number,
  fn: () => T,
): { ms: number; cpuMs: number; times: number[]; result: T } {
  let result = fn();
  const times: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < runs; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    result = fn();
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { ms: median(times), cpuMs: median(cpu), times, result };
}

/** The 1-minute load average and the number of logical cores, as text. */
export function describeLoad(): string {
  return `load average ${loadavg()[0].toFixed(1)} on ${cpus().length} logical cores`;
}

/** Throws unless every value is a finite number (a benchmark that computed NaN measured nothing). */
export function guardFinite(what: string, ...values: number[]): void {
  for (const v of values) {
    if (!Number.isFinite(v)) throw new Error(`${what}: result ${v} is not finite`);
  }
}
