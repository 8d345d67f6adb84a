import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LslabError } from '@lslab/core';
import { expandGrid } from './expandGrid.js';
import { readShard, type ShardManifest } from './manifest.js';

const FN = 'lslab merge';

/** Up to three keys, then how many in all. */
function some(keys: readonly string[]): string {
  const shown = keys.slice(0, 3).join('; ');
  return keys.length > 3 ? `${shown}; … ${keys.length} in all` : shown;
}

function manifestsIn(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new LslabError('E_OPTION', FN, 'is not a directory', { argument: dir });
  }
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.manifest.json'))
    .sort()
    .map((f) => join(dir, f));
  if (files.length === 0) {
    throw new LslabError('E_OPTION', FN, 'holds no shard (no *.manifest.json)', { argument: dir });
  }
  return files;
}

function sameRun(
  first: { file: string; m: ShardManifest },
  other: { file: string; m: ShardManifest },
) {
  if (other.m.gridHash !== first.m.gridHash) {
    throw new LslabError(
      'E_OPTION',
      FN,
      `belongs to another grid (${other.m.gridHash}, not ${first.m.gridHash} of ${first.file})`,
      { argument: other.file },
    );
  }
  const names = new Set([...Object.keys(first.m.versions), ...Object.keys(other.m.versions)]);
  for (const name of names) {
    if (first.m.versions[name] !== other.m.versions[name]) {
      throw new LslabError(
        'E_OPTION',
        FN,
        `was computed with ${name} ${other.m.versions[name]}, ${first.file} with ${first.m.versions[name]}`,
        { argument: other.file },
      );
    }
  }
}

/**
 * Merges the shards found in directories into the rows of the whole grid,
 * in grid order: byte for byte what an unsharded run writes. Every manifest
 * must belong to the same grid and versions, every rows file must match its
 * manifest, and every cell of the grid must be present exactly once.
 *
 * @param dirs - directories holding `shard-i-of-N.manifest.json` files and their rows
 * @returns the merged rows, one piece per cell in grid order (their concatenation is the
 *   file), and counts
 * @throws LslabError `E_OPTION` naming the shard of another grid or versions, the
 *   duplicated shard and its cells, or the missing shard and its cells; `E_PARSE` for a
 *   manifest or rows file that is damaged
 * @example
 * mergeShards(['out']).cells; // every cell of the grid, once
 */
export function mergeShards(dirs: readonly string[]): {
  pieces: string[];
  cells: number;
  rows: number;
  shards: number;
} {
  const shards = dirs.flatMap(manifestsIn).map((file) => {
    const { manifest: m, rows } = readShard(file);
    return { file, m, rows };
  });
  for (const s of shards.slice(1)) sameRun(shards[0], s);
  const owner = new Map<string, { file: string; lines: string[] }>();
  for (const s of shards) {
    const lines = s.rows.split(/(?<=\n)/);
    let at = 0;
    for (const { key, rows } of s.m.cells) {
      const seen = owner.get(key);
      if (seen !== undefined) {
        const twice = s.m.cells
          .filter((c) => owner.get(c.key)?.file === seen.file)
          .map((c) => c.key);
        throw new LslabError(
          'E_OPTION',
          FN,
          `duplicates cells of ${seen.file} (shard ${s.m.shard.index}/${s.m.shard.count} given twice?): ${some(twice)}`,
          { argument: s.file },
        );
      }
      owner.set(key, { file: s.file, lines: lines.slice(at, at + rows) });
      at += rows;
    }
  }
  const cells = expandGrid(shards[0].m.grid);
  const expected = new Set(cells.map((c) => c.key));
  const stray = [...owner.keys()].filter((k) => !expected.has(k));
  if (stray.length > 0) {
    throw new LslabError('E_OPTION', FN, `has cells that are not in the grid: ${some(stray)}`, {
      argument: (owner.get(stray[0]) as { file: string }).file,
    });
  }
  const missing = cells.filter((c) => !owner.has(c.key)).map((c) => c.key);
  if (missing.length > 0) {
    const count = shards[0].m.shard.count;
    const present = new Set(shards.map((s) => s.m.shard.index));
    const absent = shards.every((s) => s.m.shard.count === count)
      ? Array.from({ length: count }, (_, i) => i).filter((i) => !present.has(i))
      : [];
    const which =
      absent.length > 0 ? `shard ${absent.map((i) => `${i}/${count}`).join(', ')} missing; ` : '';
    throw new LslabError(
      'E_OPTION',
      FN,
      `${which}${missing.length} cells missing: ${some(missing)}`,
      {
        argument: dirs.join(' '),
      },
    );
  }
  const pieces = cells.map((c) => (owner.get(c.key) as { lines: string[] }).lines.join(''));
  return {
    pieces,
    cells: cells.length,
    rows: shards.reduce((s, x) => s + x.m.rows, 0),
    shards: shards.length,
  };
}
