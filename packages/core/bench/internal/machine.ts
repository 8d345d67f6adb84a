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
  const cores = cpus().length;
  const gib = (totalmem() / 2 ** 30).toFixed(0);
  return `${model || 'unknown CPU'}, ${cores} logical cores, ${gib} GiB RAM, Node ${process.version} (V8 ${process.versions.v8}), ${process.platform}/${process.arch}`;
}
