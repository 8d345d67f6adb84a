import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

/** Median and minimum wall time of repeated runs, in milliseconds. */
export interface Timing {
  medianMs: number;
  minMs: number;
  reps: number;
}

/**
 * Runs `fn` `warmup` times untimed and `reps` times timed. `guard` checks every
 * result (finite, in range), so no run can be optimised away and a broken
 * result stops the benchmark instead of producing a figure.
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
    ms.push(performance.now() - t0);
    options.guard(out);
  }
  ms.sort((a, b) => a - b);
  const mid = ms.length >> 1;
  const medianMs = ms.length % 2 === 1 ? ms[mid] : (ms[mid - 1] + ms[mid]) / 2;
  return { medianMs, minMs: ms[0], reps: ms.length };
}

/** Throws unless `x` is a finite number. */
export function finite(name: string): (x: number) => void {
  return (x) => {
    if (!Number.isFinite(x)) throw new Error(`${name} returned a non-finite value ${x}`);
  };
}

/** One line naming the CPU, cores, memory and Node/V8 versions. */
export function describeMachine(): string {
  let model = cpus()[0]?.model?.trim() ?? '';
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line !== undefined) model = line.slice(line.indexOf(':') + 1).trim();
  } catch {
    // not Linux: os.cpus() gave the model
  }
  const gib = (totalmem() / 2 ** 30).toFixed(0);
  return `${model || 'unknown CPU'}, ${cpus().length} logical cores, ${gib} GiB RAM, Node ${process.version} (V8 ${process.versions.v8}), ${process.platform}/${process.arch}`;
}
