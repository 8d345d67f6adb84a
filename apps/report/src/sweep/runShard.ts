import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { LslabError } from '@lslab/core';
import type { ClaimSource } from '../claimSources.js';
import type { ClaimTask } from '../runClaims.js';
import { type ProgressEvent, processClaims } from '../runPool.js';
import { writeFileAtomic } from '../writeFileAtomic.js';
import { writeJsonAtomic } from '../writeJsonAtomic.js';
import { sha256 } from './canonicalJson.js';
import { cellRows } from './cellRows.js';
import { openJournal, readJournal } from './journal.js';
import {
  gridHash,
  MANIFEST_FORMAT,
  readShard,
  type Shard,
  type ShardManifest,
  shardName,
  sweepVersions,
} from './manifest.js';
import type { Grid } from './resolveGrid.js';
import { shardCells } from './shardCells.js';

/** Options of {@link runShard}. */
export interface ShardOptions {
  grid: Grid;
  sources: readonly ClaimSource[];
  /** The directory of the shard's files (created if missing; shards may share it). */
  out: string;
  shard: Shard;
  /** Worker threads; 1 runs in this thread (required for sources other than `claimSources`). */
  threads?: number;
  onProgress?: (e: ProgressEvent) => void;
}

/** What {@link runShard} did. */
export interface ShardOutcome {
  /** `'unchanged'`: the shard was already complete and nothing was written. */
  status: 'done' | 'unchanged';
  /** Cells of the shard, and how many of them came from the journal of an interrupted run. */
  cells: number;
  resumed: number;
  rows: number;
  /** The manifest's path. */
  manifest: string;
}

/**
 * Runs one shard of a grid: its cells (see `shardCells`) on the worker pool
 * without charts, each journalled as it finishes; then the rows (JSON Lines,
 * in grid order) and the manifest, each written atomically, the manifest
 * last; then the journal is removed. A shard whose manifest is already there
 * for the same grid and versions is left as it is; an interrupted one
 * resumes from the cells in its journal. The bytes do not depend on threads,
 * on the number of shards, or on interruptions.
 *
 * @param options - grid, sources, output directory, shard, threads, progress
 * @returns what was done
 * @throws LslabError `E_OPTION` when the directory holds this shard of another grid or
 *   versions; ClaimRunError when a cell's claim throws (its completed cells stay journalled)
 * @example
 * (await runShard({ grid, sources: claimSources, out: 'sweep', shard: { index: 0, count: 1 } })).rows;
 */
export async function runShard(options: ShardOptions): Promise<ShardOutcome> {
  const { grid, shard, sources, out } = options;
  const { claim, cells } = shardCells(grid, sources, shard);
  const hash = gridHash(grid);
  const versions = sweepVersions(sources);
  mkdirSync(out, { recursive: true });
  const base = shardName(shard);
  const manifestFile = join(out, `${base}.manifest.json`);
  if (existsSync(manifestFile)) {
    const { manifest } = readShard(manifestFile);
    if (
      manifest.gridHash === hash &&
      JSON.stringify(manifest.versions) === JSON.stringify(versions)
    )
      return {
        status: 'unchanged',
        cells: cells.length,
        resumed: 0,
        rows: manifest.rows,
        manifest: manifestFile,
      };
    throw new LslabError(
      'E_OPTION',
      'lslab sweep --out',
      `holds shard ${shard.index}/${shard.count} of another grid or other versions (${manifest.gridHash}); choose another --out or remove it`,
      { argument: out },
    );
  }
  const header = { gridHash: hash, versions, shard };
  const journalFile = join(out, `.${base}.journal`);
  const done = readJournal(journalFile, header);
  const mine = new Set(cells.map((c) => c.key));
  for (const key of done.keys()) if (!mine.has(key)) done.delete(key);
  const resumed = done.size;
  const todo = cells.filter((c) => !done.has(c.key)).sort((a, b) => b.cost - a.cost);
  // the claim's defaults under the cell's parameters: a claim's run takes every parameter
  const defaults = claim.defaults as Record<string, unknown>;
  const tasks: ClaimTask[] = todo.map((c) => ({
    package: grid.package,
    claim,
    params: { ...defaults, ...c.params },
  }));
  const journal = openJournal(journalFile, header, done);
  try {
    await processClaims(tasks, {
      threads: options.threads,
      charts: false,
      ids: todo.map((c) => c.key),
      onProgress: options.onProgress,
      onResult: (i, p) => {
        const lines = cellRows(todo[i], p.report);
        done.set(todo[i].key, lines);
        journal.append(todo[i].key, lines);
      },
    });
  } finally {
    journal.close();
  }
  const counted = cells.map((c) => ({ key: c.key, rows: (done.get(c.key) as string[]).length }));
  // one piece per cell: a shard's rows may exceed the longest string the engine holds
  const pieces = cells.map((c) => (done.get(c.key) as string[]).join(''));
  const file = `${base}.jsonl`;
  writeFileAtomic(join(out, file), pieces);
  const manifest: ShardManifest = {
    format: MANIFEST_FORMAT,
    gridHash: hash,
    grid,
    versions,
    shard,
    file,
    cells: counted,
    rows: counted.reduce((s, c) => s + c.rows, 0),
    contentHash: sha256(pieces),
  };
  writeJsonAtomic(manifestFile, manifest);
  rmSync(journalFile, { force: true });
  return {
    status: 'done',
    cells: cells.length,
    resumed,
    rows: manifest.rows,
    manifest: manifestFile,
  };
}
