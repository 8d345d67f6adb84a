import type { Claim, ClaimProgress } from '@lslab/core';
import {
  type ClaimParamSchema,
  checkClaimParam,
  checkClaimParams,
  type ResolvedParam,
  resolveParamControls,
} from '@lslab/core/validate';
import type { Chart } from '../charts/chartConfig.js';
import { chartsForClaim } from '../charts/chartsForClaim.js';
import type { ClaimSource } from '../claimSources.js';
import { evaluateFormulas } from '../evaluateFormulas.js';
import { type PageClaim, type PageFormula, pageClaim, pageFormulas } from '../pageData.js';
import { runClaim } from '../runClaims.js';

/** A parameter the page was given (by a link or a control) and did not use, with the reason. */
export interface RejectedParam {
  name: string;
  /** The value as given, as text. */
  value: string;
  /** The validator's message (names the claim, the parameter and its domain). */
  reason: string;
}

/** The parameters to run a claim with, after validation against its schema. */
export interface AcceptedParams {
  params: Record<string, unknown>;
  rejected: RejectedParam[];
}

function reasonOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Validates parameters from outside (a link, a control) one by one against the
 * claim's schema, starting from `base`: a valid key replaces the base value, an
 * invalid or unknown key is dropped and reported, a key the schema does not
 * list is never taken from outside. Bounds that depend on other parameters see
 * the values accepted before them.
 *
 * @param claim - the claim (its `paramSchema` decides)
 * @param base - valid parameters to start from (the report's)
 * @param given - parameters from outside, untrusted
 * @returns the parameters to run with and the rejected ones
 * @example
 * acceptParams(c6, c6.defaults, { alpha: 0.2, beta: 1 }).rejected[0].name; // 'beta'
 */
export function acceptParams(
  claim: Claim,
  base: Readonly<Record<string, unknown>>,
  given: Readonly<Record<string, unknown>>,
): AcceptedParams {
  const schema: ClaimParamSchema = claim.paramSchema ?? {};
  const params: Record<string, unknown> = { ...base };
  const rejected: RejectedParam[] = [];
  for (const [name, value] of Object.entries(given)) {
    if (!Object.hasOwn(schema, name)) {
      let reason = `${claim.id}: ${name} cannot be set from the page`;
      try {
        checkClaimParams(claim.id, claim.defaults, { [name]: value });
      } catch (e) {
        reason = reasonOf(e);
      }
      rejected.push({ name, value: String(value), reason });
    }
  }
  for (const [name, spec] of Object.entries(schema)) {
    if (!Object.hasOwn(given, name)) continue;
    try {
      params[name] = checkClaimParam(claim.id, name, given[name], spec, params);
    } catch (e) {
      rejected.push({ name, value: String(given[name]), reason: reasonOf(e) });
    }
  }
  // a bound that depends on a parameter moved after it: re-check the whole set, drop what fails
  for (const [name, spec] of Object.entries(schema)) {
    try {
      checkClaimParam(claim.id, name, params[name], spec, params);
    } catch (e) {
      rejected.push({ name, value: String(params[name]), reason: reasonOf(e) });
      params[name] = base[name];
    }
  }
  return { params, rejected };
}

/** What the page needs to redraw a claim cell. */
export interface LiveClaim {
  cell: PageClaim;
  params: Record<string, unknown>;
  controls: ResolvedParam[];
  rejected: RejectedParam[];
}

/**
 * Finds a claim by id or prefix among the sources.
 *
 * @example
 * findClaim(claimSources, 'C6')?.id; // 'C6.optimal-margin'
 */
export function findClaim(
  sources: readonly ClaimSource[],
  idOrPrefix: string,
): { claim: Claim; package: string } | undefined {
  for (const s of sources)
    for (const claim of s.claims)
      if (claim.id === idOrPrefix || claim.id.split('.')[0] === idOrPrefix)
        return { claim, package: s.package };
  return undefined;
}

/** What {@link liveClaim} tells its caller while the claim runs. */
export interface LiveClaimHooks {
  /** Called with the accepted parameters before the claim runs. */
  onAccepted?: (claim: Claim, accepted: AcceptedParams) => void;
  /**
   * Called after each unit of work of a long claim, with the rows so far and
   * a function that builds their charts (with the report's chart builders; a
   * table with no row yet has no chart): a caller that shows only some of the
   * partial results builds only those charts.
   */
  onProgress?: (progress: ClaimProgress, charts: () => Chart[]) => void;
}

/**
 * Runs a claim at parameters from the page, as the report does (same run,
 * same mathjs check of the formulas, same chart builders, same cell layout).
 *
 * @param sources - the packages and their claims
 * @param id - the claim id
 * @param base - the report's parameters of the claim
 * @param given - the parameters asked for
 * @param hooks - told the accepted parameters, and the progress of a long claim
 * @returns the cell, the parameters used, the controls at those parameters, what was rejected
 * @throws Error for an unknown claim; ClaimRunError when the claim throws
 * @example
 * liveClaim(claimSources, 'C6.optimal-margin', c6.defaults, { alpha: 0.2 }).cell.holds; // true
 */
export function liveClaim(
  sources: readonly ClaimSource[],
  id: string,
  base: Readonly<Record<string, unknown>>,
  given: Readonly<Record<string, unknown>>,
  hooks: LiveClaimHooks = {},
): LiveClaim {
  const found = findClaim(sources, id);
  if (found === undefined) throw new Error(`no claim with id ${id}`);
  const accepted = acceptParams(found.claim, base, given);
  hooks.onAccepted?.(found.claim, accepted);
  const { params, rejected } = accepted;
  const { onProgress } = hooks;
  const claimId = found.claim.id;
  const report = runClaim(
    { package: found.package, claim: found.claim, params },
    onProgress && ((p) => onProgress(p, () => chartsForClaim(claimId, p.series))),
  );
  const controls = resolveParamControls(found.claim.paramSchema ?? {}, params);
  const cell = pageClaim(report, chartsForClaim(report.id, report.series), controls);
  return { cell, params, controls, rejected };
}

/**
 * The closed forms of a claim at the accepted parameters, before the claim
 * runs: what a cell shows at once while a long run is going.
 *
 * @param claim - the claim
 * @param params - parameters accepted by {@link acceptParams}
 * @returns the formulas with their values (agreement is decided when the claim has run)
 * @example
 * previewFormulas(c6, { ...c6.defaults, alpha: 0.2 })[0].number; // ln(1 + 10·0.8/0.2) = ln 41
 */
export function previewFormulas(claim: Claim, params: Record<string, unknown>): PageFormula[] {
  return pageFormulas(evaluateFormulas(claim.formulas, params, [])).map((f) => ({
    ...f,
    agrees: true,
  }));
}
