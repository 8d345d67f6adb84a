import type { MessagePort } from 'node:worker_threads';
import { claimSources } from './claimSources.js';
import { type ProcessedModel, processPredictions } from './predictions/processPredictions.js';
import type { Predictions } from './predictions/readPredictions.js';
import { type ProcessedClaim, processClaim } from './processClaim.js';
import { planClaims } from './runClaims.js';

/** What the pool sends a worker: a claim id and the parameters to run it with. */
export interface ClaimWorkerTask {
  id: string;
  params: object;
  /** `false`: no charts or SVGs, the report alone (sweep cells). Default true. */
  charts?: boolean;
  /** Where a long claim's units of work are posted as they finish (transferred with the task). */
  port?: MessagePort;
}

/**
 * The worker-thread entry of the report (tinypool calls it by name): looks
 * the claim up among {@link claimSources} and processes it.
 *
 * @param task - claim id and parameters
 * @returns the processed claim (structured-cloned back to the main thread)
 * @throws Error for an unknown id; ClaimRunError when the claim throws
 * @example
 * await runClaimTask({ id: 'C1.smoothed-targets', params: { alpha: 0.1, K: 3 } });
 */
export async function runClaimTask(task: ClaimWorkerTask): Promise<ProcessedClaim> {
  const found = planClaims(claimSources, { claims: [task.id] }).find((t) => t.claim.id === task.id);
  if (found === undefined) throw new Error(`no claim with id ${task.id}`);
  const port = task.port;
  try {
    return await processClaim(
      { ...found, params: task.params },
      { charts: task.charts, onUnits: port && ((units) => port.postMessage(units)) },
    );
  } finally {
    port?.close();
  }
}

/** What the pool sends a worker for "Your model": the predictions read and the seed. */
export interface ModelWorkerTask {
  predictions: Predictions;
  seed: number;
}

/**
 * The worker-thread entry of the "Your model" analysis (tinypool calls it by name).
 *
 * @param task - the predictions and the bootstrap seed
 * @returns the processed analysis (structured-cloned back to the main thread)
 * @throws LslabError from the metrics
 * @example
 * await runModelTask({ predictions: readPredictions(text), seed: 0 });
 */
export async function runModelTask(task: ModelWorkerTask): Promise<ProcessedModel> {
  return processPredictions(task.predictions, task.seed);
}
