import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { axisValues } from '../../src/sweep/axisValues.ts';
import { grid, lslab, rowsByCell, tmp } from './helpers.ts';

const seeded = (alphas: string) => `claim: C7
seed: 11
replicates: 2
params: { trials: 3 }
axes:
  alpha: [${alphas}]
  K: [3, 4]
`;

describe('cell seeds come from cell keys', () => {
  it('adding a value to one axis leaves every existing cell’s rows unchanged', async () => {
    const dir = tmp();
    const small = grid(dir, 'small.yaml', seeded('0.1, 0.3'));
    const large = grid(dir, 'large.yaml', seeded('0.1, 0.2, 0.3'));
    expect((await lslab(['sweep', '--grid', small, '--out', join(dir, 's')])).status).toBe(0);
    expect((await lslab(['sweep', '--grid', large, '--out', join(dir, 'l')])).status).toBe(0);
    const s = rowsByCell(join(dir, 's', 'shard-0-of-1.jsonl'));
    const l = rowsByCell(join(dir, 'l', 'shard-0-of-1.jsonl'));
    expect(s.size).toBe(2 * 2 * 2);
    expect(l.size).toBe(3 * 2 * 2);
    for (const [key, rows] of s) expect(l.get(key)).toEqual(rows);
    // the replicates of one point ran with different seeds
    const seeds = [...s.values()].map((rows) => JSON.parse(rows[0]).seed);
    expect(new Set(seeds).size).toBe(seeds.length);
  });

  it('a range lists from + i·step and from·factor^i up to `to`, rounded', () => {
    expect(axisValues('alpha', { from: 0, to: 0.3, step: 0.1 })).toEqual([0, 0.1, 0.2, 0.3]);
    expect(axisValues('alpha', { from: 0.05, to: 0.5, step: 0.05 })).toHaveLength(10);
    expect(axisValues('n', { from: 100, to: 100000, factor: 10 })).toEqual([
      100, 1000, 10000, 100000,
    ]);
    expect(axisValues('n', { from: 8, to: 100, factor: 2 })).toEqual([8, 16, 32, 64]);
  });
});
