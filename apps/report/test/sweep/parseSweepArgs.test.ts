import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/parseArgs.ts';

describe('lslab sweep and lslab merge: the command line', () => {
  it('parses a sweep with a shard, threads and a raised bound', () => {
    expect(
      parseArgs([
        'sweep',
        '--grid',
        'g.yaml',
        '--out=o',
        '--shard',
        '2/7',
        '--threads',
        '2',
        '--max-cells',
        '20000',
      ]),
    ).toEqual({
      command: 'sweep',
      args: {
        grid: 'g.yaml',
        out: 'o',
        shard: { index: 2, count: 7 },
        threads: 2,
        maxCells: 20000,
        quiet: false,
      },
    });
    expect(
      parseArgs([
        'sweep',
        '--grid',
        'g',
        '--out',
        'o',
        '--shard-from',
        'k8s',
        '--shard-count',
        '4',
      ]),
    ).toEqual({
      command: 'sweep',
      args: { grid: 'g', out: 'o', shardFrom: 'k8s', shardCount: 4, quiet: false },
    });
    expect(parseArgs(['merge', 'a', 'b', '--out', 'rows.jsonl', '--quiet'])).toEqual({
      command: 'merge',
      args: { dirs: ['a', 'b'], out: 'rows.jsonl', quiet: true },
    });
  });

  it.each([
    [['sweep', '--out', 'o'], 'lslab sweep needs --grid FILE'],
    [['sweep', '--grid', 'g'], 'lslab sweep needs --out DIR'],
    [
      ['sweep', '--grid', 'g', '--out', 'o', '--shard', '4/4'],
      "--shard must be i/N with 0 ≤ i < N ≤ 100000, not '4/4'",
    ],
    [
      ['sweep', '--grid', 'g', '--out', 'o', '--shard', '1'],
      "--shard must be i/N with 0 ≤ i < N ≤ 100000, not '1'",
    ],
    [
      ['sweep', '--grid', 'g', '--out', 'o', '--shard-from', 'pbs'],
      "--shard-from must be slurm or k8s, not 'pbs'",
    ],
    [
      ['sweep', '--grid', 'g', '--out', 'o', '--shard', '0/2', '--shard-from', 'slurm'],
      '--shard and --shard-from exclude each other',
    ],
    [
      ['sweep', '--grid', 'g', '--out', 'o', '--shard-count', '3'],
      '--shard-count goes with --shard-from k8s',
    ],
    [
      ['sweep', '--grid', 'g', '--out', 'o', '--max-cells', '0'],
      "--max-cells must be an integer from 1 to 10000000, not '0'",
    ],
    [
      ['sweep', '--grid', 'g', '--out', 'o', '--seed', '3'],
      "unknown argument '--seed' for lslab sweep",
    ],
    [['merge', 'a'], 'lslab merge needs --out FILE'],
    [['merge', '--out', 'f'], 'lslab merge needs at least one shard directory'],
    [['merge', 'a', '--out', 'f', '--grid', 'g'], "unknown argument '--grid' for lslab merge"],
  ])('%j → %s', (argv, message) => {
    expect(parseArgs(argv)).toEqual({ command: 'error', message });
  });
});
