import { LslabError } from './errors.js';
import { checkInteger } from './validate/numbers.js';

/**
 * What a long claim has computed so far, handed to its progress listener after
 * each unit of work (a trained model, a fitted cell, an experiment).
 */
export interface ClaimProgress {
  /** Units of work finished, 1 … `total`; it grows by one at every call. */
  done: number;
  /** Units of work in the whole run (fixed for the run). */
  total: number;
  /** What the unit just finished was, e.g. `'n = 400, α = 0.3'`. */
  stage: string;
  /**
   * The tables computed so far. Each holds some of the final result's rows,
   * with the same values (a row is only added once it is final); a table with
   * no row yet is absent. The arrays are copies: the run goes on without them.
   */
  series: Record<string, object[]>;
}

/**
 * A claim's progress listener: called after each unit of work, on the thread
 * that runs the claim, before the run goes on. Whatever it throws ends the run.
 */
export type ClaimProgressListener = (progress: ClaimProgress) => void;

/**
 * Reports one unit of work done: the stage it finished and the claim's tables
 * as they stand (rows added so far).
 */
export type ClaimProgressStep = (stage: string, series: Readonly<Record<string, object[]>>) => void;

/**
 * The one way a claim reports progress: checks the listener a caller gave
 * `run` and returns the step function the claim calls after each of its
 * `total` units of work. With no listener the step does nothing, so a claim
 * reports unconditionally and a run without a listener computes the same
 * bytes.
 *
 * @param fn - the claim id (named in errors)
 * @param listener - `undefined`, or a {@link ClaimProgressListener}
 * @param total - units of work in the run, an integer in [1, 2^31 − 1]
 * @returns the step function; each call passes `done` = 1, 2, … `total` and copies of the non-empty tables
 * @throws LslabError `E_RANGE` naming `claimProgress` when `fn` is not a non-empty string;
 *   otherwise errors name `fn`: `E_OPTION` when `listener` is neither undefined nor a function;
 *   `E_RANGE` for a `total` that is not an integer ≥ 1 (`E_NOT_FINITE` for NaN or ±∞), or
 *   (from the step) a step past `total`
 * @example
 * const seen: number[] = [];
 * const step = claimProgress('C10.stability', (p) => seen.push(p.done), 2);
 * step('n = 50', { rows: [{ n: 50 }] });
 * step('n = 100', { rows: [{ n: 50 }, { n: 100 }] });
 * seen; // [1, 2]
 */
export function claimProgress(
  fn: string,
  listener: ClaimProgressListener | undefined,
  total: number,
): ClaimProgressStep {
  if (typeof fn !== 'string' || fn === '') {
    throw new LslabError('E_RANGE', 'claimProgress', 'must be a non-empty string (the claim id)', {
      argument: 'fn',
      value: fn,
    });
  }
  if (listener !== undefined && typeof listener !== 'function') {
    throw new LslabError('E_OPTION', fn, 'is not a function; pass a progress listener or nothing', {
      argument: 'onProgress',
      value: listener,
    });
  }
  const units = checkInteger(fn, 'total', total, { min: 1, max: 2 ** 31 - 1 });
  const tell = listener;
  let done = 0;
  return (stage, series) => {
    if (done >= units) {
      throw new LslabError('E_RANGE', fn, `reported progress past its total of ${units} units`, {
        argument: 'stage',
        value: stage,
      });
    }
    done++;
    if (tell === undefined) return;
    const tables: Record<string, object[]> = {};
    for (const [name, rows] of Object.entries(series))
      if (rows.length > 0) tables[name] = [...rows];
    tell({ done, total: units, stage, series: tables });
  };
}
