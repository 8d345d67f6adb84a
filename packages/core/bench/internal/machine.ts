import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';

/**
 * One line naming the CPU, its logical cores, the memory, the Node/V8 versions
 * and the 1-minute load average when the run starts (a busy machine slows every
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
  const cores = cpus().length;
  const gib = (totalmem() / 2 ** 30).toFixed(0);
  const load = loadavg()[0].toFixed(2);
  return `${model || 'unknown CPU'}, ${cores} logical cores, ${gib} GiB RAM, Node ${process.version} (V8 ${process.versions.v8}), ${process.platform}/${process.arch}, load average ${load} at start`;
}
