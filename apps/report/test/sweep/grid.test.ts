import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { LslabError } from '@lslab/core';
import { describe, expect, it } from 'vitest';
import { claimSources } from '../../src/claimSources.ts';
import { parseGridFile } from '../../src/sweep/parseGridFile.ts';
import { resolveGrid } from '../../src/sweep/resolveGrid.ts';
import { shardFromEnv } from '../../src/sweep/shardFromEnv.ts';
import { grid, lslab, tmp } from './helpers.ts';

/** The error a grid text raises, resolved against the real claims. */
function errorOf(text: string, name = 'g.yaml', maxCells?: number): LslabError {
  try {
    resolveGrid(parseGridFile(text, name), claimSources, { name, maxCells });
  } catch (e) {
    expect(e).toBeInstanceOf(LslabError);
    return e as LslabError;
  }
  throw new Error('the grid was accepted');
}

describe('grid files: errors name the key', () => {
  it.each([
    ['claim: C1\naxis: { K: [3] }\n', 'E_OPTION', 'axis: is not a key of the grid'],
    ['axes: { K: [3] }\n', 'E_OPTION', 'claim: is missing'],
    ['claim: C1\naxes: { K: [] }\n', 'E_OPTION', 'axes.K = []: must NOT have fewer than 1 items'],
    [
      'claim: C1\naxes: { alpha: { from: 0, to: 1, step: -0.1 } }\n',
      'E_OPTION',
      'axes.alpha.step = -0.1: must be > 0',
    ],
    [
      'claim: C1\naxes: { alpha: { from: 0, to: 1 } }\n',
      'E_OPTION',
      'axes.alpha = {"from":0,"to":1}: must be a list',
    ],
    [
      'claim: C1\naxes: { alpha: { from: 0, to: 1, step: 0.1, factor: 2 } }\n',
      'E_OPTION',
      'axes.alpha = ',
    ],
    [
      'claim: C1\naxes: { alpha: { from: 0, to: 1, stpe: 0.1 } }\n',
      'E_OPTION',
      'axes.alpha.stpe: is not a key of axes.alpha',
    ],
    [
      'claim: C1\naxes: { alfa: [0.1] }\n',
      'E_OPTION',
      "axes.alfa = [0.1]: is not an option of C1.smoothed-targets; did you mean 'alpha'?",
    ],
    [
      'claim: C1\nparams: { K: 3 }\naxes: { K: [3, 4] }\n',
      'E_OPTION',
      'axes.K: is both swept and fixed',
    ],
    [
      'claim: C1\nreplicates: 3\naxes: { K: [3] }\n',
      'E_OPTION',
      'replicates = 3: must be 1: C1.smoothed-targets has no seed',
    ],
    ['claim: C9\nparams: { seed: 3 }\naxes: { K: [3] }\n', 'E_OPTION', 'params.seed: each cell'],
    ['claim: C99\naxes: { K: [3] }\n', 'E_OPTION', 'claim = "C99": is not a claim'],
    ['claim: C1\nseed: -1\naxes: { K: [3] }\n', 'E_OPTION', 'seed = -1: must be >= 0'],
    ['claim: C1\naxes: { K: [3, 3] }\n', 'E_OPTION', 'axes.K[1] = 3: appears twice'],
    [
      'claim: C1\naxes: { alpha: { from: 1, to: 0, step: 0.1 } }\n',
      'E_RANGE',
      'axes.alpha.to = 0: must not be below from',
    ],
    ['claim: C1\naxes:\n  K: [3\n', 'E_PARSE', 'g.yaml line 4: does not parse'],
  ])('%j → %s %s', (text, code, message) => {
    const e = errorOf(text);
    expect(e.code).toBe(code);
    expect(e.message).toContain(message);
    expect(
      e.message.startsWith('lslab sweep --grid g.yaml: ') ||
        e.message.startsWith('C1.smoothed-targets: '),
    ).toBe(true);
  });

  it('JSON grids are read as JSON, with the line of a parse error', () => {
    expect(parseGridFile('{"claim": "C1", "axes": {"K": [3, 5]}}', 'g.json').axes.K).toEqual([
      3, 5,
    ]);
    expect(errorOf('{"claim": "C1",\n "axes": }', 'g.json').code).toBe('E_PARSE');
  });
});

describe('the size of a grid', () => {
  it('is stated before the run', async () => {
    const dir = tmp();
    const g = grid(dir, 'g.yaml', 'claim: C1\naxes: { alpha: [0.1, 0.2], K: [2, 3, 4] }\n');
    const r = await lslab(['sweep', '--grid', g, '--out', join(dir, 'o'), '--shard', '1/2']);
    expect(r.out.split('\n')[0]).toBe(
      'Grid: C1.smoothed-targets, 6 cells (2 alpha × 3 K); shard 1/2: 3 cells',
    );
  });

  it('past the bound, E_RANGE before anything runs or is written (even a 10^12-cell range)', async () => {
    const e = errorOf('claim: C1\naxes: { alpha: { from: 0, to: 1, step: 1e-12 } }\n');
    expect(e.code).toBe('E_RANGE');
    expect(e.message).toContain(
      'has 1000000000001 cells (1000000000001 alpha × 1 replicates); the limit is 10000',
    );
    const dir = tmp();
    const g = grid(
      dir,
      'g.yaml',
      'claim: C9\nreplicates: 4\naxes: { alpha: [0.1, 0.2, 0.3], K: [3, 4] }\n',
    );
    const out = join(dir, 'o');
    const r = await lslab(['sweep', '--grid', g, '--out', out, '--max-cells', '23']);
    expect(r.status).toBe(2);
    expect(r.err).toContain(
      'has 24 cells (3 alpha × 2 K × 4 replicates); the limit is 23: raise it with --max-cells',
    );
    expect(existsSync(out)).toBe(false);
  });
});

describe('shardFromEnv', () => {
  it('reads a Slurm array task and a Kubernetes completion index', () => {
    expect(
      shardFromEnv('slurm', { SLURM_ARRAY_TASK_ID: '3', SLURM_ARRAY_TASK_COUNT: '4' }),
    ).toEqual({ index: 3, count: 4 });
    // --array=1-4: ids from 1
    expect(
      shardFromEnv('slurm', {
        SLURM_ARRAY_TASK_ID: '1',
        SLURM_ARRAY_TASK_MIN: '1',
        SLURM_ARRAY_TASK_COUNT: '4',
      }),
    ).toEqual({ index: 0, count: 4 });
    expect(shardFromEnv('k8s', { JOB_COMPLETION_INDEX: '2' }, 5)).toEqual({ index: 2, count: 5 });
  });

  it('names the variable that is missing or wrong', () => {
    expect(() => shardFromEnv('slurm', { SLURM_ARRAY_TASK_ID: '0' })).toThrow(
      /SLURM_ARRAY_TASK_COUNT = null/,
    );
    expect(() =>
      shardFromEnv('slurm', { SLURM_ARRAY_TASK_ID: '4', SLURM_ARRAY_TASK_COUNT: '4' }),
    ).toThrow(/SLURM_ARRAY_TASK_ID = 4: gives shard 4 of 4/);
    expect(() => shardFromEnv('k8s', { JOB_COMPLETION_INDEX: 'x' }, 2)).toThrow(
      /JOB_COMPLETION_INDEX = "x"/,
    );
    expect(() => shardFromEnv('k8s', { JOB_COMPLETION_INDEX: '0' })).toThrow(
      /--shard-count: is needed/,
    );
  });
});
