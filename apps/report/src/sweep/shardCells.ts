import type { Claim } from '@lslab/core';
import type { ClaimSource } from '../claimSources.js';
import { assignShards, estimateCost } from './assignShards.js';
import { type Cell, expandGrid } from './expandGrid.js';
import type { Shard } from './manifest.js';
import type { Grid } from './resolveGrid.js';

/**
 * The claim of a grid and the cells of one shard, in grid order, each with
 * its estimated cost (see `assignShards`).
 *
 * @param grid - a resolved grid
 * @param sources - the claim sources (the grid's claim must be among them)
 * @param shard - which shard
 * @returns the claim and the shard's cells
 * @throws Error when the grid's claim is not among the sources
 * @example
 * shardCells(grid, claimSources, { index: 0, count: 1 }).cells.length; // every cell of the grid
 */
export function shardCells(
  grid: Grid,
  sources: readonly ClaimSource[],
  shard: Shard,
): { claim: Claim; cells: (Cell & { cost: number })[] } {
  const claim = sources.flatMap((s) => s.claims).find((c) => c.id === grid.claim);
  if (claim === undefined) throw new Error(`no claim ${grid.claim} among the claim sources`);
  const all = expandGrid(grid);
  const defaults = claim.defaults as Record<string, unknown>;
  const cost = all.map((c) => estimateCost(c.params, defaults));
  const assigned = assignShards(all, cost, shard.count);
  const cells = all
    .map((c, i) => ({ ...c, cost: cost[i] }))
    .filter((_, i) => assigned[i] === shard.index);
  return { claim, cells };
}
