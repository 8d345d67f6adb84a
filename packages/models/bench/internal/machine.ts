import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

/** One line naming the CPU, its logical cores, the memory and the Node/V8 versions. */
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
  return `${model || 'unknown CPU'}, ${cpus().length} logical cores, ${gib} GiB RAM, Node ${process.version} (V8 ${process.versions.v8}), ${process.platform}/${process.arch}`;
}

/** Median wall time (ms) of `runs` calls of `fn`, after one untimed warm-up; returns the last result too. */
export function medianTime<T>(
  runs: number,
  fn: () => T,
): { ms: number; times: number[]; result: T } {
  let result = fn();
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    result = fn();
    times.push(performance.now() - t0);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const ms = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { ms, times, result };
}

/** Throws unless every value is a finite number (a benchmark that computed NaN measured nothing). */
export function guardFinite(what: string, ...values: number[]): void {
  for (const v of values) {
    if (!Number.isFinite(v)) throw new Error(`${what}: result ${v} is not finite`);
  }
}
