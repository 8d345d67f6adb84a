import { LslabError } from '@lslab/core';
import { checkOptions } from '@lslab/core/validate';
import { claimPrefix } from '../catalogue.js';
import type { ClaimSource } from '../claimSources.js';
import { axisCount, axisValues } from './axisValues.js';
import type { GridFile } from './parseGridFile.js';

/** The largest grid run without `--max-cells`. */
export const DEFAULT_MAX_CELLS = 10_000;

/** A grid resolved against the claims: what the manifest records and its hash covers. */
export interface Grid {
  /** The claim's full id. */
  claim: string;
  /** The package it comes from. */
  package: string;
  /** The grid's seed; each cell's seed is derived from it by the cell's key. */
  seed: number;
  /** Seeds per parameter point (1 for a claim without a seed). */
  replicates: number;
  /** Whether the claim takes a `seed` (then each cell gets its own). */
  seeded: boolean;
  /** Parameters fixed for every cell. */
  params: Record<string, unknown>;
  /** The swept parameters in the file's order, their values listed. */
  axes: { name: string; values: unknown[] }[];
}

function findClaim(fn: string, sources: readonly ClaimSource[], name: string) {
  const all = sources.flatMap((s) => s.claims.map((claim) => ({ claim, package: s.package })));
  const found = all.filter((c) => c.claim.id === name || claimPrefix(c.claim.id) === name);
  if (found.length !== 1) {
    const ids = all.map((c) => c.claim.id).join(', ');
    throw new LslabError('E_OPTION', fn, `is not a claim (claims: ${ids})`, {
      argument: 'claim',
      value: name,
    });
  }
  return found[0];
}

/**
 * Resolves a parsed grid: finds the claim, checks every parameter name
 * against the claim's parameters (core's `checkOptions`), keeps `seed` for
 * the derivation, states the size and refuses it past `maxCells` before any
 * value is listed.
 *
 * @param file - the parsed grid
 * @param sources - the claim sources
 * @param options - `name` of the grid file (messages), `maxCells` (default {@link DEFAULT_MAX_CELLS})
 * @returns the resolved grid
 * @throws LslabError `E_OPTION` naming the key (`axes.alfa`, `params.seed`, `replicates`);
 *   `E_RANGE` when the grid has more than `maxCells` cells
 * @example
 * resolveGrid({ claim: 'C1', axes: { K: [3, 5] } }, claimSources).axes; // [{ name: 'K', values: [3, 5] }]
 */
export function resolveGrid(
  file: GridFile,
  sources: readonly ClaimSource[],
  options: { name?: string; maxCells?: number } = {},
): Grid {
  const fn = `lslab sweep --grid ${options.name ?? 'FILE'}`;
  const { claim, package: pkg } = findClaim(fn, sources, file.claim);
  const names = Object.keys(claim.defaults as object);
  const seeded = names.includes('seed');
  const settable = names.filter((n) => n !== 'seed');
  const params = file.params ?? {};
  if (seeded && ('seed' in params || 'seed' in file.axes)) {
    throw new LslabError(
      'E_OPTION',
      fn,
      "each cell's seed is derived from the grid's seed: set the top-level seed and replicates",
      { argument: 'seed' in params ? 'params.seed' : 'axes.seed' },
    );
  }
  checkOptions<Record<string, unknown>>(claim.id, params, settable, 'params');
  checkOptions<Record<string, unknown>>(claim.id, file.axes, settable, 'axes');
  for (const name of Object.keys(file.axes)) {
    if (name in params) {
      throw new LslabError('E_OPTION', fn, 'is both swept and fixed (params)', {
        argument: `axes.${name}`,
      });
    }
  }
  const replicates = file.replicates ?? 1;
  if (!seeded && replicates > 1) {
    throw new LslabError('E_OPTION', fn, `must be 1: ${claim.id} has no seed`, {
      argument: 'replicates',
      value: replicates,
    });
  }
  const maxCells = options.maxCells ?? DEFAULT_MAX_CELLS;
  const counts = Object.entries(file.axes).map(([n, spec]) => [n, axisCount(n, spec, fn)] as const);
  const size = counts.reduce((s, [, c]) => s * c, replicates);
  if (size > maxCells) {
    const parts = [...counts.map(([n, c]) => `${c} ${n}`), `${replicates} replicates`];
    throw new LslabError(
      'E_RANGE',
      fn,
      `has ${size} cells (${parts.join(' × ')}); the limit is ${maxCells}: raise it with --max-cells`,
      { argument: 'the grid' },
    );
  }
  return {
    claim: claim.id,
    package: pkg,
    seed: file.seed ?? 0,
    replicates,
    seeded,
    params,
    axes: Object.entries(file.axes).map(([name, spec]) => ({
      name,
      values: axisValues(name, spec, fn),
    })),
  };
}
