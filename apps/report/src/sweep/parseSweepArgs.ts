import type { Shard } from './manifest.js';

/** The options of `lslab sweep`, parsed. */
export interface SweepArgs {
  grid: string;
  out: string;
  /** `--shard i/N`. */
  shard?: Shard;
  /** `--shard-from`: the shard comes from the scheduler's environment. */
  shardFrom?: 'slurm' | 'k8s';
  /** `--shard-count N`: the number of shards with `--shard-from k8s`. */
  shardCount?: number;
  threads?: number;
  maxCells?: number;
  quiet: boolean;
}

/** The options of `lslab merge`, parsed. */
export interface MergeArgs {
  dirs: string[];
  out: string;
  quiet: boolean;
}

/** `lslab sweep` or `lslab merge`, or what is wrong with the command line. */
export type SweepCommand =
  | { command: 'sweep'; args: SweepArgs }
  | { command: 'merge'; args: MergeArgs }
  | { command: 'error'; message: string };

const VALUED = [
  '--grid',
  '--out',
  '--shard',
  '--shard-from',
  '--shard-count',
  '--threads',
  '--max-cells',
];

function count(name: string, text: string, min: number, max: number): number | string {
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max)
    return `${name} must be an integer from ${min} to ${max}, not '${text}'`;
  return Number(text);
}

/**
 * Parses `lslab sweep …` and `lslab merge …` (argv starts with the command).
 * Values follow their option or are joined with `=`.
 *
 * @param argv - the arguments, command first
 * @returns the command, or an error message naming the argument
 * @example
 * parseSweepArgs(['sweep', '--grid', 'g.yaml', '--out', 'o', '--shard', '1/4']);
 * // { command: 'sweep', args: { grid: 'g.yaml', out: 'o', shard: { index: 1, count: 4 }, quiet: false } }
 */
export function parseSweepArgs(argv: readonly string[]): SweepCommand {
  const merge = argv[0] === 'merge';
  const fail = (message: string): SweepCommand => ({ command: 'error', message });
  const a: Partial<SweepArgs> & { dirs: string[]; quiet: boolean } = { dirs: [], quiet: false };
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quiet') {
      a.quiet = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    if (!arg.startsWith('-') && merge) {
      a.dirs.push(arg);
      continue;
    }
    if (!VALUED.includes(name) || (merge && name !== '--out'))
      return fail(`unknown argument '${arg}' for lslab ${argv[0]}`);
    const value = name !== arg ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '' || value.startsWith('-'))
      return fail(`${name} needs a value`);
    if (name === '--grid') a.grid = value;
    else if (name === '--out') a.out = value;
    else if (name === '--shard') {
      const m = /^(\d+)\/(\d+)$/.exec(value);
      if (!m || Number(m[2]) < 1 || Number(m[1]) >= Number(m[2]) || Number(m[2]) > 100_000)
        return fail(`--shard must be i/N with 0 ≤ i < N ≤ 100000, not '${value}'`);
      a.shard = { index: Number(m[1]), count: Number(m[2]) };
    } else if (name === '--shard-from') {
      if (value !== 'slurm' && value !== 'k8s')
        return fail(`--shard-from must be slurm or k8s, not '${value}'`);
      a.shardFrom = value;
    } else {
      const [min, max] =
        name === '--max-cells' ? [1, 10_000_000] : name === '--threads' ? [1, 64] : [1, 100_000];
      const n = count(name, value, min, max);
      if (typeof n === 'string') return fail(n);
      if (name === '--threads') a.threads = n;
      else if (name === '--max-cells') a.maxCells = n;
      else a.shardCount = n;
    }
  }
  if (merge) {
    if (a.dirs.length === 0) return fail('lslab merge needs at least one shard directory');
    if (a.out === undefined) return fail('lslab merge needs --out FILE');
    return { command: 'merge', args: { dirs: a.dirs, out: a.out, quiet: a.quiet } };
  }
  if (a.grid === undefined) return fail('lslab sweep needs --grid FILE');
  if (a.out === undefined) return fail('lslab sweep needs --out DIR');
  if (a.shard && a.shardFrom) return fail('--shard and --shard-from exclude each other');
  if (a.shardCount !== undefined && a.shardFrom !== 'k8s')
    return fail('--shard-count goes with --shard-from k8s');
  const { dirs: _, ...args } = a;
  return { command: 'sweep', args: args as SweepArgs };
}
