import {
  type HostileOptions,
  type HostileReport,
  type HostileTable,
  runHostile,
} from '../hostile.ts';

/** Thrown by the listener {@link runHostileClaims} gives a claim, to end a valid run early. */
const STOP = Symbol('stop after the first unit of work');

/** A claim as the hostile run sees it: an id, defaults and `run`. */
export interface HostileClaim {
  id: string;
  defaults: object;
  run(params: never, onProgress?: never): unknown;
}

/**
 * The door of every claim of a package under hostile input: each claim's
 * `run(params, onProgress)` is called with hostile values in place of the
 * parameters, of each parameter in turn (every number of the catalogue, text,
 * null, a missing or misspelt key, an unknown one) and of the listener, from
 * `cheap` parameters (defaults with the sizes lowered, so that the calls a
 * claim accepts finish quickly). A claim that reports progress and accepts the
 * parameters is stopped after its first unit of work, and its tables so far
 * stand for its result: the door is what is under test, and a full run of a
 * claim that trains models takes seconds. The contract is {@link runHostile}'s: a
 * result with no NaN or ±∞ anywhere in its checks and rows, or an
 * `LslabError` with a documented code, carrying the claim id as its function
 * and naming the parameter.
 *
 * @param pkg - the package's name, for the printed counts
 * @param claims - the package's `claims` list
 * @param cheap - per claim id, parameters that replace defaults for speed
 * @param options - the CPU-time bound of a call and the fast-check seed
 * @returns the report of {@link runHostile}
 * @example
 * const report = await runHostileClaims('@lslab/stability', claims, { 'C10.stability': { flips: 1 } });
 * report.failures; // []
 */
export function runHostileClaims(
  pkg: string,
  claims: readonly HostileClaim[],
  cheap: Readonly<Record<string, object>>,
  options: HostileOptions = {},
): Promise<HostileReport> {
  const api: Record<string, unknown> = {};
  const table: HostileTable = {};
  for (const claim of claims) {
    const params = { ...claim.defaults, ...cheap[claim.id] };
    api[claim.id] = (p: never, l: unknown) => {
      // a long claim accepted at its door stops after its first unit of work and
      // answers with its tables so far (checked like a result); no listener gets this one
      let first: unknown;
      const stop = (progress: unknown) => {
        first = progress;
        throw STOP;
      };
      try {
        return claim.run(p, (l ?? stop) as never);
      } catch (e) {
        if (e === STOP) return { firstUnit: first };
        throw e;
      }
    };
    table[claim.id] = {
      args: () => [structuredClone(params)],
      names: ['params', 'onProgress', ...Object.keys(claim.defaults)],
      errorsNamed: () => claim.id,
      randomRuns: 8,
    };
  }
  return runHostile(`${pkg} claims`, api, table, options);
}
