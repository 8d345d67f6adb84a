import { readFileSync } from 'node:fs';
import { LslabError } from '@lslab/core';
import type { ClaimSource } from '../claimSources.js';
import { createProgress } from '../cli/progress.js';
import { checkOutFile } from '../output/checkTarget.js';
import { writeFileAtomic } from '../writeFileAtomic.js';
import type { Shard } from './manifest.js';
import { mergeShards } from './mergeShards.js';
import { parseGridFile } from './parseGridFile.js';
import type { MergeArgs, SweepArgs } from './parseSweepArgs.js';
import { DEFAULT_MAX_CELLS, resolveGrid } from './resolveGrid.js';
import { runShard } from './runShard.js';
import { shardCells } from './shardCells.js';
import { shardFromEnv } from './shardFromEnv.js';

/** The `--help` lines of `lslab sweep` and `lslab merge`. */
export const SWEEP_USAGE = `Sweeps (docs/scale-out.md):
  lslab sweep --grid FILE --out DIR [--shard i/N | --shard-from slurm|k8s
              [--shard-count N]] [--threads T] [--max-cells M] [--quiet]
      runs the cells of a grid (JSON or YAML: a claim, a seed, replicates,
      fixed params and swept axes) on worker threads; writes DIR/shard-i-of-N.jsonl
      (tidy rows) and its manifest; a finished shard is not run again and an
      interrupted one resumes; at most ${DEFAULT_MAX_CELLS} cells unless --max-cells
  lslab merge DIR… --out FILE [--quiet]
      joins the shards into FILE, byte for byte an unsharded run's rows`;

/** Streams and settings of {@link sweepMain}. */
export interface SweepIo {
  sources: readonly ClaimSource[];
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  tty: boolean;
  progress: (text: string) => void;
  threads?: number;
}

function readGrid(args: SweepArgs, sources: readonly ClaimSource[]) {
  let text: string;
  try {
    text = readFileSync(args.grid, 'utf8');
  } catch (e) {
    throw new LslabError(
      'E_OPTION',
      'lslab sweep --grid',
      `cannot be read (${(e as NodeJS.ErrnoException).code})`,
      {
        argument: args.grid,
      },
    );
  }
  return resolveGrid(parseGridFile(text, args.grid), sources, {
    name: args.grid,
    maxCells: args.maxCells,
  });
}

async function sweep(args: SweepArgs, io: SweepIo): Promise<number> {
  const say = args.quiet ? () => {} : io.stdout;
  const progress = createProgress({
    write: args.quiet ? () => {} : io.progress,
    tty: io.tty,
    unit: 'cells',
  });
  try {
    const grid = readGrid(args, io.sources);
    const shard: Shard =
      args.shard ??
      (args.shardFrom
        ? shardFromEnv(args.shardFrom, process.env, args.shardCount)
        : { index: 0, count: 1 });
    const size = grid.axes.reduce((s, a) => s * a.values.length, grid.seeded ? grid.replicates : 1);
    const axes = grid.axes.map((a) => `${a.values.length} ${a.name}`).join(' × ');
    const reps = grid.seeded ? ` × ${grid.replicates} replicates` : '';
    const mine = shardCells(grid, io.sources, shard).cells.length;
    say(
      `Grid: ${grid.claim}, ${size} cells (${axes}${reps}); shard ${shard.index}/${shard.count}: ${mine} cells`,
    );
    const r = await runShard({
      grid,
      sources: io.sources,
      out: args.out,
      shard,
      threads: args.threads ?? io.threads,
      onProgress: (e) => progress.claim(e),
    });
    progress.end();
    if (r.status === 'unchanged')
      say(`Shard ${shard.index}/${shard.count} is complete already; nothing to do: ${r.manifest}`);
    else {
      const resumed = r.resumed > 0 ? ` (${r.resumed} from an interrupted run)` : '';
      say(
        `Shard ${shard.index}/${shard.count}: ${r.cells} cells${resumed}, ${r.rows} rows: ${r.manifest}`,
      );
    }
    return 0;
  } catch (e) {
    progress.end();
    io.stderr(`lslab: ${e instanceof Error ? e.message : String(e)}; completed cells are kept.`);
    return 2;
  }
}

function merge(args: MergeArgs, io: SweepIo): number {
  try {
    checkOutFile(args.out);
    const m = mergeShards(args.dirs);
    writeFileAtomic(args.out, m.pieces);
    if (!args.quiet)
      io.stdout(`Merged ${m.shards} shards: ${m.cells} cells, ${m.rows} rows: ${args.out}`);
    return 0;
  } catch (e) {
    io.stderr(`lslab: ${e instanceof Error ? e.message : String(e)}; nothing was written.`);
    return 2;
  }
}

/**
 * Runs `lslab sweep` or `lslab merge`, already parsed.
 *
 * @param command - the parsed command
 * @param io - sources, output streams, terminal, default threads
 * @returns the exit status: 0 done (or nothing to do), 2 could not run
 * @example
 * await sweepMain({ command: 'merge', args: { dirs: ['out'], out: 'rows.jsonl', quiet: false } }, io); // 0
 */
export async function sweepMain(
  command: { command: 'sweep'; args: SweepArgs } | { command: 'merge'; args: MergeArgs },
  io: SweepIo,
): Promise<number> {
  return command.command === 'sweep' ? sweep(command.args, io) : merge(command.args, io);
}
