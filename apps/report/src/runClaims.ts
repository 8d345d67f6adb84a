import type { Claim, ClaimCheck, ClaimProgressListener } from '@lslab/core';
import { claimPrefix } from './catalogue.js';
import type { ClaimSource } from './claimSources.js';
import { evaluateFormulas, type FormulaResult } from './evaluateFormulas.js';

/** How a check compares measured with expected: two-sided, or a one-sided bound. */
export type Comparison = 'equal' | 'atMost' | 'atLeast';

/** A check as the report shows it: a claim's check with its comparison spelled out. */
export interface ReportCheck extends ClaimCheck {
  /** `'equal'` when the claim's check does not say (checks written before the field existed). */
  comparison: Comparison;
}

/** Everything the report knows about one claim after running it. */
export interface ClaimReport {
  /** The package the claim comes from. */
  package: string;
  id: string;
  title: string;
  /** One sentence with TeX between `$` signs. */
  statement: string;
  /** The parameters it ran with (its defaults, with `--seed` applied). */
  params: object;
  checks: ReportCheck[];
  /** Checks that hold, out of `checks.length`. */
  held: number;
  /** Whether every check holds. */
  holds: boolean;
  /** The closed forms evaluated with mathjs against the checks' expected values. */
  formulas: FormulaResult[];
  series: Record<string, object[]>;
  notes: string[];
}

/** Which claims to run and with what seed. */
export interface ClaimSelection {
  /** Claim prefixes (`'C8'`) or full ids; all claims when absent. */
  claims?: readonly string[];
  /** Replaces the `seed` parameter of every claim that has one. */
  seed?: number;
}

/** One claim to run: where it comes from and its parameters. */
export interface ClaimTask {
  package: string;
  claim: Claim;
  params: object;
}

/** A claim threw instead of reporting: the report cannot be produced. */
export class ClaimRunError extends Error {
  constructor(
    readonly claimId: string,
    readonly packageName: string,
    readonly reason: unknown,
  ) {
    super(
      `claim ${claimId} (${packageName}) could not run: ${reason instanceof Error ? reason.message : String(reason)}`,
    );
    this.name = 'ClaimRunError';
  }
}

/**
 * Whether a claim is selected by a list of prefixes or ids.
 *
 * @example
 * isSelected('C8.smoothing-calibration', ['C1', 'C8']); // true
 */
export function isSelected(id: string, selection: readonly string[] | undefined): boolean {
  return selection === undefined || selection.some((s) => s === id || s === claimPrefix(id));
}

/**
 * The claims to run, in source order, with their parameters: the claim's
 * defaults, with `seed` replaced where the claim has a seed parameter.
 *
 * @param sources - the packages and their claims
 * @param selection - prefixes or ids, and the seed
 * @returns one task per selected claim
 * @example
 * planClaims(claimSources, { claims: ['C1'] }).map((t) => t.claim.id); // ['C1.smoothed-targets']
 */
export function planClaims(
  sources: readonly ClaimSource[],
  selection: ClaimSelection = {},
): ClaimTask[] {
  const tasks: ClaimTask[] = [];
  for (const source of sources) {
    for (const claim of source.claims) {
      if (!isSelected(claim.id, selection.claims)) continue;
      const defaults = claim.defaults as Record<string, unknown>;
      const params =
        selection.seed !== undefined && 'seed' in defaults
          ? { ...defaults, seed: selection.seed }
          : defaults;
      tasks.push({ package: source.package, claim, params });
    }
  }
  return tasks;
}

/**
 * Runs one claim and evaluates its formulas.
 *
 * @param task - the claim, its package and its parameters
 * @param onProgress - handed to the claim's `run`: a long claim reports the rows it has after each unit of work
 * @returns the claim's report
 * @throws ClaimRunError when the claim throws (or the listener does)
 * @example
 * runClaim(planClaims(claimSources, { claims: ['C1'] })[0]).holds; // true
 */
export function runClaim(task: ClaimTask, onProgress?: ClaimProgressListener): ClaimReport {
  const { claim, params } = task;
  let result: ReturnType<typeof claim.run>;
  try {
    result = claim.run(params as Record<string, unknown>, onProgress);
  } catch (e) {
    throw new ClaimRunError(claim.id, task.package, e);
  }
  const checks: ReportCheck[] = result.checks.map((c) => ({
    ...c,
    comparison: (c as { comparison?: Comparison }).comparison ?? 'equal',
  }));
  const held = checks.filter((c) => c.holds).length;
  return {
    package: task.package,
    id: claim.id,
    title: claim.title,
    statement: claim.statement,
    params,
    checks,
    held,
    holds: held === checks.length,
    formulas: evaluateFormulas(claim.formulas, params, result.checks),
    series: result.series,
    notes: result.notes ?? [],
  };
}

/**
 * Runs every selected claim in this thread. A claim that does not hold is
 * reported as such; a claim that throws stops the run with a {@link ClaimRunError}.
 *
 * @param sources - the packages and their claims
 * @param selection - which claims, and the seed
 * @returns one report per claim, in source order
 * @throws ClaimRunError when a claim throws
 * @example
 * runClaims(claimSources).every((r) => r.holds); // true when every claim holds
 */
export function runClaims(
  sources: readonly ClaimSource[],
  selection: ClaimSelection = {},
): ClaimReport[] {
  return planClaims(sources, selection).map((task) => runClaim(task));
}
