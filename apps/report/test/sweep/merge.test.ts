import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { C1_GRID, grid, lslab, tmp } from './helpers.ts';

let dir: string;
beforeAll(async () => {
  dir = tmp();
  const g = grid(dir, 'g.yaml', C1_GRID);
  for (let i = 0; i < 3; i++)
    await lslab(['sweep', '--grid', g, '--out', join(dir, 'all'), '--shard', `${i}/3`]);
  const other = grid(dir, 'other.yaml', C1_GRID.replace('0.4]', '0.45]'));
  await lslab(['sweep', '--grid', other, '--out', join(dir, 'other'), '--shard', '2/3']);
});

/** Copies the shards into a fresh directory, keeping only `keep`. */
function shards(keep: number[]): string {
  const to = join(tmp(), 'shards');
  cpSync(join(dir, 'all'), to, { recursive: true });
  for (const i of [0, 1, 2].filter((i) => !keep.includes(i))) {
    rmSync(join(to, `shard-${i}-of-3.manifest.json`));
    rmSync(join(to, `shard-${i}-of-3.jsonl`));
  }
  return to;
}

async function failingMerge(dirs: string[]) {
  const out = join(tmp(), 'merged.jsonl');
  const r = await lslab(['merge', ...dirs, '--out', out]);
  expect(r.status).toBe(2);
  expect(existsSync(out)).toBe(false);
  expect(r.err).toMatch(/nothing was written/);
  return r.err;
}

describe('lslab merge refuses, naming the problem, and writes nothing', () => {
  it('a missing shard: names it and its cells', async () => {
    const err = await failingMerge([shards([0, 2])]);
    const manifest = JSON.parse(
      readFileSync(join(dir, 'all', 'shard-1-of-3.manifest.json'), 'utf8'),
    );
    expect(err).toMatch(/shard 1\/3 missing; 4 cells missing: /);
    expect(err).toContain(manifest.cells[0].key);
  });

  it('a duplicated shard: names both copies', async () => {
    const a = shards([0, 1, 2]);
    const b = shards([1]);
    const err = await failingMerge([a, b]);
    expect(err).toContain(join(b, 'shard-1-of-3.manifest.json'));
    expect(err).toContain(join(a, 'shard-1-of-3.manifest.json'));
    expect(err).toMatch(/shard 1\/3 given twice/);
  });

  it('a shard of another grid: names it', async () => {
    const err = await failingMerge([shards([0, 1]), join(dir, 'other')]);
    expect(err).toContain(join(dir, 'other', 'shard-2-of-3.manifest.json'));
    expect(err).toMatch(/belongs to another grid/);
  });

  it('a shard of other versions: names it and the package', async () => {
    const odd = shards([2]);
    const file = join(odd, 'shard-2-of-3.manifest.json');
    const m = JSON.parse(readFileSync(file, 'utf8'));
    m.versions['@lslab/core'] = '9.9.9';
    writeFileSync(file, JSON.stringify(m));
    const err = await failingMerge([shards([0, 1]), odd]);
    expect(err).toContain(file);
    expect(err).toMatch(/@lslab\/core 9\.9\.9/);
  });

  it('rows changed after the manifest was written: names the file', async () => {
    const bad = shards([0, 1, 2]);
    const rows = join(bad, 'shard-0-of-3.jsonl');
    writeFileSync(rows, readFileSync(rows, 'utf8').replace('"holds":true', '"holds":false'));
    const err = await failingMerge([bad]);
    expect(err).toContain(rows);
    expect(err).toMatch(/content hash/);
  });

  it('an existing output is left as it was', async () => {
    const out = join(tmp(), 'merged.jsonl');
    writeFileSync(out, 'previous\n');
    const r = await lslab(['merge', shards([0]), '--out', out]);
    expect(r.status).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('previous\n');
  });
});
