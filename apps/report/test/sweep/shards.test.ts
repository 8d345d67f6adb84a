import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignShards } from '../../src/sweep/assignShards.ts';
import type { Cell } from '../../src/sweep/expandGrid.ts';
import { C1_GRID, grid, lslab, tmp } from './helpers.ts';

// The 12 cells of C1_GRID, listed by hand: axes in name order (K before alpha).
const KEYS = [0.05, 0.1, 0.2, 0.4].flatMap((a) => [2, 3, 5].map((k) => `K=${k},alpha=${a}`));

const manifestCells = (dir: string, n: number, i: number): string[] =>
  JSON.parse(readFileSync(join(dir, `shard-${i}-of-${n}.manifest.json`), 'utf8')).cells.map(
    (c: { key: string }) => c.key,
  );

describe('lslab sweep --shard i/N', () => {
  it('for N in 1, 2, 3, 7 the shards partition the grid and merge to the unsharded bytes', async () => {
    const dir = tmp();
    const g = grid(dir, 'g.yaml', C1_GRID);
    const whole = join(dir, 'whole');
    expect((await lslab(['sweep', '--grid', g, '--out', whole])).status).toBe(0);
    const unsharded = readFileSync(join(whole, 'shard-0-of-1.jsonl'));
    for (const n of [1, 2, 3, 7]) {
      const out = join(dir, `n${n}`);
      for (let i = 0; i < n; i++) {
        const r = await lslab(['sweep', '--grid', g, '--out', out, '--shard', `${i}/${n}`]);
        expect(r.status, r.err).toBe(0);
      }
      const parts = Array.from({ length: n }, (_, i) => manifestCells(out, n, i));
      const all = parts.flat();
      expect(new Set(all).size).toBe(all.length); // no overlap
      expect([...all].sort()).toEqual([...KEYS].sort()); // union = grid
      if (n <= KEYS.length) for (const p of parts) expect(p.length).toBeGreaterThan(0);
      const merged = join(dir, `merged-${n}.jsonl`);
      const m = await lslab(['merge', out, '--out', merged]);
      expect(m.status, m.err).toBe(0);
      expect(readFileSync(merged).equals(unsharded)).toBe(true);
    }
    // the unsharded rows are in grid order: α slowest, K fastest, as written
    const cells = readFileSync(join(whole, 'shard-0-of-1.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l).cell);
    expect([...new Set(cells)]).toEqual(KEYS);
    expect(readdirSync(whole).sort()).toEqual(['shard-0-of-1.jsonl', 'shard-0-of-1.manifest.json']);
  });

  it('a rerun of a finished shard writes nothing', async () => {
    const dir = tmp();
    const g = grid(dir, 'g.yaml', C1_GRID);
    const out = join(dir, 'o');
    await lslab(['sweep', '--grid', g, '--out', out, '--shard', '1/2']);
    const before = readFileSync(join(out, 'shard-1-of-2.jsonl'));
    const r = await lslab(['sweep', '--grid', g, '--out', out, '--shard', '1/2']);
    expect(r.status).toBe(0);
    expect(r.out).toMatch(/complete already; nothing to do/);
    expect(readFileSync(join(out, 'shard-1-of-2.jsonl')).equals(before)).toBe(true);
  });
});

describe('assignShards', () => {
  const cellsOf = (n: number): Cell[] =>
    Array.from({ length: n }, (_, i) => ({
      key: `x=${i}`,
      values: { x: i },
      replicate: 0,
      seed: null,
      params: { x: i },
    }));

  it('every cell goes to exactly one shard, and loads differ by at most the largest cost (LPT)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 9 }),
        (costs, n) => {
          const shard = assignShards(cellsOf(costs.length), costs, n);
          expect(shard.every((s) => Number.isInteger(s) && s >= 0 && s < n)).toBe(true);
          const load = new Array(n).fill(0);
          shard.forEach((s, i) => {
            load[s] += costs[i];
          });
          // greedy by decreasing cost: the last cell put on the fullest shard went to the
          // emptiest one then, so max − min ≤ max cost
          expect(Math.max(...load) - Math.min(...load)).toBeLessThanOrEqual(Math.max(...costs));
        },
      ),
    );
  });

  it('depends on the cells, not on their order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer(),
        (costs, n, seed) => {
          const cells = cellsOf(costs.length);
          const order = cells
            .map((_, i) => i)
            .sort((a, b) => ((a * 7919 + seed) % 31) - ((b * 7919 + seed) % 31) || a - b);
          const a = assignShards(cells, costs, n);
          const b = assignShards(
            order.map((i) => cells[i]),
            order.map((i) => costs[i]),
            n,
          );
          order.forEach((i, j) => {
            expect(b[j]).toBe(a[i]);
          });
        },
      ),
    );
  });
});
