import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { grid, tmp } from './helpers.ts';

// The built command, as a scheduler runs it (the test task builds the app first).
const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build @lslab/report first`);
});

// C3 runs gradient descent for 10^5 steps: a tenth of a second a cell, so a kill lands midway.
const GRID = `claim: C3
axes:
  alpha: [0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5]
`;

/** Starts a sweep and kills it (SIGKILL) once `k` cells are reported done. */
function killAfter(k: number, args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let text = '';
    let done = 0;
    child.stderr.on('data', (d: Buffer) => {
      text += d.toString();
      done = text.split('\n').filter((l) => /^lslab: \d+\/\d+ /.test(l)).length;
      if (done >= k) child.kill('SIGKILL');
    });
    child.on('exit', () => resolve(done));
  });
}

describe('an interrupted shard resumes from its completed cells', () => {
  it('killed after 3 cells, rerun: the rows equal an uninterrupted run’s, byte for byte', async () => {
    const dir = tmp();
    const g = grid(dir, 'g.yaml', GRID);
    const cut = join(dir, 'cut');
    const seen = await killAfter(3, ['sweep', '--grid', g, '--out', cut, '--threads', '1']);
    expect(seen).toBeGreaterThanOrEqual(3);
    expect(existsSync(join(cut, 'shard-0-of-1.manifest.json'))).toBe(false);
    expect(existsSync(join(cut, '.shard-0-of-1.journal'))).toBe(true);
    const rerun = spawnSync(
      process.execPath,
      [CLI, 'sweep', '--grid', g, '--out', cut, '--threads', '1'],
      {
        encoding: 'utf8',
      },
    );
    expect(rerun.status, rerun.stderr).toBe(0);
    const resumed = Number(/\((\d+) from an interrupted run\)/.exec(rerun.stdout)?.[1]);
    expect(resumed).toBeGreaterThanOrEqual(3);
    expect(resumed).toBeLessThan(8);
    expect(existsSync(join(cut, '.shard-0-of-1.journal'))).toBe(false);
    const whole = join(dir, 'whole');
    const r = spawnSync(process.execPath, [
      CLI,
      'sweep',
      '--grid',
      g,
      '--out',
      whole,
      '--threads',
      '2',
    ]);
    expect(r.status).toBe(0);
    expect(
      readFileSync(join(cut, 'shard-0-of-1.jsonl')).equals(
        readFileSync(join(whole, 'shard-0-of-1.jsonl')),
      ),
    ).toBe(true);
    expect(
      readFileSync(join(cut, 'shard-0-of-1.manifest.json')).equals(
        readFileSync(join(whole, 'shard-0-of-1.manifest.json')),
      ),
    ).toBe(true);
  }, 120_000); // three runs of the command
});
