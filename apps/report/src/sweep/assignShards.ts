import type { Cell } from './expandGrid.js';

/**
 * The estimated cost of a cell relative to the claim's defaults: the product,
 * over the size-like parameters (those whose default is an integer ≥ 2: n,
 * K, steps, trials, resamples…), of value / default. A cell at the defaults
 * costs 1; twice the steps, 2. Other parameters (α, a seed) cost nothing.
 *
 * @param params - the cell's parameters
 * @param defaults - the claim's defaults
 * @returns a positive number
 * @example
 * estimateCost({ alpha: 0.2, steps: 2000 }, { alpha: 0.1, steps: 1000 }); // 2
 */
export function estimateCost(
  params: Record<string, unknown>,
  defaults: Record<string, unknown>,
): number {
  let cost = 1;
  for (const [name, d] of Object.entries(defaults)) {
    const v = params[name];
    if (name === 'seed' || typeof d !== 'number' || !Number.isInteger(d) || d < 2) continue;
    if (typeof v === 'number' && v > 0) cost *= v / d;
  }
  return cost;
}

/**
 * Deals cells to `count` shards by key, balanced by estimated cost: cells in
 * order of decreasing cost (ties by key), each to the shard with the least
 * cost so far (ties to the lowest index), the longest-processing-time rule.
 * The result depends on the set of cells, never on their order in the file.
 *
 * @param cells - every cell of the grid
 * @param cost - the estimated cost of each cell (same order as `cells`)
 * @param count - the number of shards, ≥ 1
 * @returns the shard index (0 … count − 1) of each cell, in the order of `cells`
 * @example
 * assignShards(cells, cells.map(() => 1), 2); // [0, 1, 0, 1, …] over the keys in order
 */
export function assignShards(
  cells: readonly Cell[],
  cost: readonly number[],
  count: number,
): number[] {
  const order = cells
    .map((_, i) => i)
    .sort(
      (a, b) =>
        cost[b] - cost[a] ||
        (cells[a].key < cells[b].key ? -1 : cells[a].key > cells[b].key ? 1 : 0),
    );
  const load = new Array<number>(count).fill(0);
  const shard = new Array<number>(cells.length);
  for (const i of order) {
    let best = 0;
    for (let s = 1; s < count; s++) if (load[s] < load[best]) best = s;
    shard[i] = best;
    load[best] += cost[i];
  }
  return shard;
}
