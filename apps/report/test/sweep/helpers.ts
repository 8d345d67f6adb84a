import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/main.ts';

/** A fresh temporary directory. */
export const tmp = () => mkdtempSync(join(tmpdir(), 'lslab-sweep-'));

/** Runs `lslab …` in this process on one thread, with `cwd`-relative paths made absolute by the caller. */
export async function lslab(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await main(argv, {
    threads: 1,
    tty: false,
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    progress: () => {},
  });
  return { status, out: out.join('\n'), err: err.join('\n') };
}

/** Writes a grid file into `dir` and returns its path. */
export function grid(dir: string, name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

/** The lines of a rows file grouped by cell key. */
export function rowsByCell(file: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '')) {
    const key = JSON.parse(line).cell as string;
    out.set(key, [...(out.get(key) ?? []), line]);
  }
  return out;
}

/** A closed-form grid: C1 over 4 values of α × 3 of K (12 cells, no seed). */
export const C1_GRID = `claim: C1
axes:
  alpha: [0.05, 0.1, 0.2, 0.4]
  K: [2, 3, 5]
`;
