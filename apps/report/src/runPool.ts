import { availableParallelism } from 'node:os';
import { MessageChannel } from 'node:worker_threads';
import { Tinypool } from 'tinypool';
import type { ClaimWorkerTask, ModelWorkerTask } from './claimWorker.js';
import { type ProcessedModel, processPredictions } from './predictions/processPredictions.js';
import { type ProcessedClaim, processClaim } from './processClaim.js';
import { ClaimRunError, type ClaimTask } from './runClaims.js';

/** A long claim's units of work so far (its `claimProgress` reports). */
export interface ClaimUnits {
  done: number;
  total: number;
  /** The unit just finished, e.g. `'penguins, split 3 of 10'`. */
  stage: string;
}

/**
 * Progress of a run: a claim started, finished, or (`'units'`, claims that
 * train models) finished one more unit of its work.
 */
export interface ProgressEvent {
  type: 'start' | 'units' | 'done';
  id: string;
  /** Claims (or cells) done, of `total`. */
  done: number;
  total: number;
  /** For `'done'`: the claim's wall time in ms. */
  ms?: number;
  /** For `'units'`: the claim's own progress. */
  units?: ClaimUnits;
}

/** Options of {@link processClaims}. */
export interface ProcessOptions {
  /** Worker threads; 1 runs every claim in this thread. Default: the available parallelism. */
  threads?: number;
  onProgress?: (e: ProgressEvent) => void;
  /** Predictions to analyse for "Your model", as one more task (progress id `'your model'`). */
  model?: ModelWorkerTask;
  /** `false`: run the claims without charts or SVGs (sweep cells). Default true. */
  charts?: boolean;
  /** Each claim's result as soon as it is done (task index), e.g. to journal it. */
  onResult?: (index: number, processed: ProcessedClaim) => void;
  /** Progress ids of the tasks (default: the claim ids), e.g. sweep cell keys. */
  ids?: readonly string[];
}

/** What {@link processClaims} returns. */
export interface Processed {
  /** One per claim task, in task order. */
  claims: ProcessedClaim[];
  /** The "Your model" analysis, when `model` was given. */
  model?: ProcessedModel;
}

const MODEL = 'your model';

function sourceRank(tasks: readonly ClaimTask[], i: number): number {
  const packages = [...new Set(tasks.map((t) => t.package))];
  return packages.indexOf(tasks[i].package);
}

/**
 * The number of worker threads by default: one a core, at least 1.
 *
 * @example
 * defaultThreads(); // 2 on a 2-core machine
 */
export function defaultThreads(): number {
  return Math.max(1, availableParallelism());
}

/**
 * Processes claims, on worker threads (tinypool) when `threads > 1`, the
 * claims of later sources (which train models) submitted first; results come back in task order whatever the
 * order of completion, so the output does not depend on scheduling. Workers
 * run the claims of `claimSources` by id, so tasks from other sources must
 * use `threads: 1`.
 *
 * @param tasks - the claims to run
 * @param options - threads and a progress callback
 * @returns one processed claim per task, in task order, and the model analysis
 * @throws ClaimRunError when a claim throws (the pool is destroyed first)
 * @example
 * (await processClaims(planClaims(claimSources), { threads: 2 })).claims.length; // number of claims
 */
export async function processClaims(
  tasks: readonly ClaimTask[],
  options: ProcessOptions = {},
): Promise<Processed> {
  const jobs = tasks.length + (options.model ? 1 : 0);
  const threads = Math.max(1, Math.min(options.threads ?? defaultThreads(), jobs));
  const progress = options.onProgress ?? (() => {});
  const onResult = options.onResult ?? (() => {});
  const idOf = (i: number) => options.ids?.[i] ?? tasks[i].claim.id;
  let done = 0;
  const total = jobs;
  const finish = <P extends { ms: number }>(id: string, p: P): P => {
    done++;
    progress({ type: 'done', id, done, total, ms: p.ms });
    return p;
  };
  if (threads === 1) {
    const out: Processed = { claims: [] };
    if (options.model) {
      progress({ type: 'start', id: MODEL, done, total });
      const { predictions, seed } = options.model;
      out.model = finish(MODEL, await processPredictions(predictions, seed));
    }
    for (const [i, task] of tasks.entries()) {
      progress({ type: 'start', id: idOf(i), done, total });
      const p = await processClaim(task, {
        charts: options.charts,
        onUnits: (units) => progress({ type: 'units', id: idOf(i), done, total, units }),
      });
      onResult(i, p);
      out.claims.push(finish(idOf(i), p));
    }
    return out;
  }
  const pool = new Tinypool({
    filename: new URL('./claimWorker.js', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
  });
  // Submit the claims of the last sources first: those packages train models
  // and take longest; the closed-form claims of core then fill the other threads.
  const order = tasks
    .map((_, i) => i)
    .sort((a, b) => sourceRank(tasks, b) - sourceRank(tasks, a) || a - b);
  try {
    const results: ProcessedClaim[] = new Array(tasks.length);
    let model: ProcessedModel | undefined;
    let modelDone: Promise<void> = Promise.resolve();
    if (options.model) {
      progress({ type: 'start', id: MODEL, done, total });
      modelDone = pool.run(options.model, { name: 'runModelTask' }).then((p: ProcessedModel) => {
        model = finish(MODEL, p);
      });
    }
    await Promise.all([
      modelDone,
      ...order.map((i) => {
        const task = tasks[i];
        // the claim's units of work come back on a port of their own
        const channel = new MessageChannel();
        channel.port1.on('message', (units: ClaimUnits) =>
          progress({ type: 'units', id: idOf(i), done, total, units }),
        );
        const message: ClaimWorkerTask = {
          id: task.claim.id,
          params: task.params,
          charts: options.charts,
          port: channel.port2,
        };
        progress({ type: 'start', id: idOf(i), done, total });
        return pool
          .run(message, { name: 'runClaimTask', transferList: [channel.port2] })
          .finally(() => channel.port1.close())
          .then((p: ProcessedClaim) => {
            onResult(i, p);
            results[i] = finish(idOf(i), p);
          })
          .catch((e: unknown) => {
            // an error from a worker arrives as a plain Error: keep its message once
            const message = e instanceof Error ? e.message : String(e);
            const prefix = `claim ${task.claim.id} (${task.package}) could not run: `;
            throw new ClaimRunError(
              task.claim.id,
              task.package,
              new Error(message.startsWith(prefix) ? message.slice(prefix.length) : message),
            );
          });
      }),
    ]);
    return { claims: results, model };
  } finally {
    await pool.destroy();
  }
}
