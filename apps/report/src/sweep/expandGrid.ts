import { createRng } from '@lslab/core';
import { canonicalJson } from './canonicalJson.js';
import type { Grid } from './resolveGrid.js';

/** One cell of a grid: a claim run with its own parameters and seed. */
export interface Cell {
  /** Names the cell: the swept values (and replicate), axes in name order. */
  key: string;
  /** The swept values, in the grid's axis order. */
  values: Record<string, unknown>;
  /** Replicate index, 0 … replicates − 1 (0 for a claim without a seed). */
  replicate: number;
  /** The seed the claim runs with (null for a claim without a seed). */
  seed: number | null;
  /** Every parameter of the run: the fixed ones, the swept ones and the seed. */
  params: Record<string, unknown>;
}

/**
 * The key of a cell: `name=value` for each swept parameter in UTF-16 order of
 * the names (values as canonical JSON), then `replicate=r` for a seeded claim.
 * It depends on the cell's own values only, never on its position in the grid.
 *
 * @example
 * cellKey({ alpha: 0.1, K: 3 }, 2, true); // 'K=3,alpha=0.1,replicate=2'
 */
export function cellKey(
  values: Record<string, unknown>,
  replicate: number,
  seeded: boolean,
): string {
  const parts = Object.keys(values)
    .sort()
    .map((n) => `${n}=${canonicalJson(values[n])}`);
  if (seeded) parts.push(`replicate=${replicate}`);
  return parts.join(',');
}

/**
 * The seed of a cell: the first draw below 2^31 of the grid seed's generator
 * derived by the cell's key (core's `Rng.derive`), so adding a value to an
 * axis, or reordering the file, leaves every other cell's seed as it was.
 *
 * @example
 * cellSeed(7, 'K=3,replicate=0') === cellSeed(7, 'K=3,replicate=0'); // true
 */
export function cellSeed(gridSeed: number, key: string): number {
  return createRng(gridSeed)
    .derive(key)
    .int(2 ** 31);
}

/**
 * Every cell of a grid, in the grid's order: the first axis varies slowest,
 * the replicate fastest. This order is the order of the rows of a sweep.
 *
 * @param grid - a resolved grid
 * @returns the cells
 * @example
 * expandGrid(grid).map((c) => c.key); // ['K=3,alpha=0', 'K=5,alpha=0', …] for axes alpha, K
 */
export function expandGrid(grid: Grid): Cell[] {
  const cells: Cell[] = [];
  const reps = grid.seeded ? grid.replicates : 1;
  const walk = (axis: number, values: Record<string, unknown>) => {
    if (axis === grid.axes.length) {
      for (let r = 0; r < reps; r++) {
        const key = cellKey(values, r, grid.seeded);
        const seed = grid.seeded ? cellSeed(grid.seed, key) : null;
        const params = { ...grid.params, ...values, ...(seed === null ? {} : { seed }) };
        cells.push({ key, values: { ...values }, replicate: r, seed, params });
      }
      return;
    }
    const { name, values: list } = grid.axes[axis];
    for (const v of list) walk(axis + 1, { ...values, [name]: v });
  };
  walk(0, {});
  return cells;
}
