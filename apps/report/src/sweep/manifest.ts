import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LslabError } from '@lslab/core';
import type { ClaimSource } from '../claimSources.js';
import { packageVersion, reportVersion } from '../packageDir.js';
import { canonicalJson, sha256 } from './canonicalJson.js';
import type { Grid } from './resolveGrid.js';

/** The format tag of a shard manifest; bumped when a field changes meaning. */
export const MANIFEST_FORMAT = 'lslab-sweep-shard/1';

/** Which slice of a grid: shard `index` of `count` (0-based). */
export interface Shard {
  index: number;
  count: number;
}

/** What a finished shard records next to its rows. */
export interface ShardManifest {
  format: typeof MANIFEST_FORMAT;
  /** SHA-256 of the grid's canonical JSON. */
  gridHash: string;
  grid: Grid;
  /** The versions of the report and the claim packages that computed the rows. */
  versions: Record<string, string>;
  shard: Shard;
  /** The rows file, beside the manifest. */
  file: string;
  /** The shard's cells in grid order, with the number of rows of each. */
  cells: { key: string; rows: number }[];
  /** Rows in the file. */
  rows: number;
  /** SHA-256 of the rows file. */
  contentHash: string;
}

/**
 * The base name of a shard's files: `shard-<index>-of-<count>`.
 *
 * @example
 * shardName({ index: 2, count: 4 }); // 'shard-2-of-4'
 */
export function shardName(shard: Shard): string {
  return `shard-${shard.index}-of-${shard.count}`;
}

/**
 * The hash that names a grid: SHA-256 of its canonical JSON.
 *
 * @example
 * gridHash(grid); // 'sha256:…' — the same for the same grid written in any key order
 */
export function gridHash(grid: Grid): string {
  return sha256(canonicalJson(grid));
}

/**
 * The versions a sweep records: `@lslab/report` and every claim package.
 *
 * @example
 * sweepVersions(claimSources)['@lslab/core']; // '0.0.0'
 */
export function sweepVersions(sources: readonly ClaimSource[]): Record<string, string> {
  const out: Record<string, string> = { '@lslab/report': reportVersion() };
  for (const s of sources) out[s.package] = packageVersion(s.package);
  return out;
}

/**
 * Reads a shard's manifest and its rows, and checks that the rows are the
 * ones the manifest hashed and counted.
 *
 * @param file - the manifest's path (`DIR/shard-i-of-N.manifest.json`)
 * @returns the manifest and the rows text
 * @throws LslabError `E_PARSE` for a manifest that is not one, or rows that do not match it
 * @example
 * readShard('out/shard-0-of-4.manifest.json').manifest.shard; // { index: 0, count: 4 }
 */
export function readShard(file: string): { manifest: ShardManifest; rows: string } {
  const fn = 'lslab merge';
  let manifest: ShardManifest;
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new LslabError('E_PARSE', fn, `is not JSON: ${(e as Error).message}`, { argument: file });
  }
  if (manifest?.format !== MANIFEST_FORMAT) {
    throw new LslabError('E_PARSE', fn, `is not a shard manifest (${MANIFEST_FORMAT})`, {
      argument: file,
    });
  }
  const rowsFile = join(file, '..', manifest.file);
  if (!existsSync(rowsFile)) {
    throw new LslabError('E_PARSE', fn, `names rows ${manifest.file}, which are missing`, {
      argument: file,
    });
  }
  const rows = readFileSync(rowsFile, 'utf8');
  if (sha256(rows) !== manifest.contentHash) {
    throw new LslabError('E_PARSE', fn, 'does not match its manifest (content hash)', {
      argument: rowsFile,
    });
  }
  return { manifest, rows };
}
