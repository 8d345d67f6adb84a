import type { ClaimCheck } from '@lslab/core';
import type { ClaimSource } from './claimSources.js';
import { evaluateFormulas, type FormulaResult } from './evaluateFormulas.js';

/** Everything the report knows about one claim after running it. */
export interface ClaimReport {
  /** The package the claim comes from. */
  package: string;
  id: string;
  title: string;
  /** One sentence with TeX. */
  statement: string;
  /** The parameters it ran with (its defaults). */
  params: object;
  checks: ClaimCheck[];
  /** Checks that hold, out of `checks.length`. */
  held: number;
  /** Whether every check holds. */
  holds: boolean;
  /** The closed forms evaluated with mathjs against the checks' expected values. */
  formulas: FormulaResult[];
  series: Record<string, object[]>;
  notes: string[];
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
 * Runs every claim of every source at its defaults and evaluates its formulas.
 * A claim that does not hold is reported as such; a claim that throws stops
 * the run with a {@link ClaimRunError}.
 *
 * @param sources - the packages and their claims
 * @returns one report per claim, in source order
 * @throws ClaimRunError when a claim throws
 * @example
 * runClaims(claimSources).every((r) => r.holds); // true when every claim holds
 */
export function runClaims(sources: readonly ClaimSource[]): ClaimReport[] {
  const reports: ClaimReport[] = [];
  for (const source of sources) {
    for (const claim of source.claims) {
      let result: ReturnType<typeof claim.run>;
      try {
        result = claim.run(claim.defaults);
      } catch (e) {
        throw new ClaimRunError(claim.id, source.package, e);
      }
      const held = result.checks.filter((c) => c.holds).length;
      reports.push({
        package: source.package,
        id: claim.id,
        title: claim.title,
        statement: claim.statement,
        params: claim.defaults,
        checks: result.checks,
        held,
        holds: held === result.checks.length,
        formulas: evaluateFormulas(claim.formulas, claim.defaults, result.checks),
        series: result.series,
        notes: result.notes ?? [],
      });
    }
  }
  return reports;
}
