import { LslabError } from '@lslab/core';
import type { Shard } from './manifest.js';

function read(env: NodeJS.ProcessEnv, name: string, fallback?: number): number {
  const text = env[name];
  if (text === undefined && fallback !== undefined) return fallback;
  if (text === undefined || !/^\d+$/.test(text)) {
    throw new LslabError('E_OPTION', 'lslab sweep --shard-from', 'must be a non-negative integer', {
      argument: name,
      value: text ?? null,
    });
  }
  return Number(text);
}

/**
 * The shard a scheduler task runs, from its environment:
 *
 * - `slurm` (a job array): index `SLURM_ARRAY_TASK_ID − SLURM_ARRAY_TASK_MIN` (min 0 when unset),
 *   count `SLURM_ARRAY_TASK_COUNT`; `--array=0-3` gives shards 0/4 … 3/4;
 * - `k8s` (an Indexed Job): index `JOB_COMPLETION_INDEX`, count given (`--shard-count`,
 *   the Job's `completions`).
 *
 * @param kind - `'slurm'` or `'k8s'`
 * @param env - the environment (default `process.env`)
 * @param count - the shard count for `k8s`
 * @returns the shard
 * @throws LslabError `E_OPTION` naming the variable that is missing or not an integer, or the
 *   index that is not below the count
 * @example
 * shardFromEnv('slurm', { SLURM_ARRAY_TASK_ID: '2', SLURM_ARRAY_TASK_COUNT: '4' }); // { index: 2, count: 4 }
 */
export function shardFromEnv(
  kind: 'slurm' | 'k8s',
  env: NodeJS.ProcessEnv = process.env,
  count?: number,
): Shard {
  let shard: Shard;
  if (kind === 'slurm') {
    const id = read(env, 'SLURM_ARRAY_TASK_ID');
    shard = {
      index: id - read(env, 'SLURM_ARRAY_TASK_MIN', 0),
      count: read(env, 'SLURM_ARRAY_TASK_COUNT'),
    };
  } else {
    if (count === undefined) {
      throw new LslabError(
        'E_OPTION',
        'lslab sweep --shard-from k8s',
        'is needed (the Job’s completions)',
        {
          argument: '--shard-count',
        },
      );
    }
    shard = { index: read(env, 'JOB_COMPLETION_INDEX'), count };
  }
  if (shard.index < 0 || shard.index >= shard.count || shard.count < 1) {
    throw new LslabError(
      'E_OPTION',
      'lslab sweep --shard-from',
      `gives shard ${shard.index} of ${shard.count}`,
      {
        argument: kind === 'slurm' ? 'SLURM_ARRAY_TASK_ID' : 'JOB_COMPLETION_INDEX',
        value: shard.index,
      },
    );
  }
  return shard;
}
