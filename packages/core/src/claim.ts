import type { ClaimProgressListener } from './claimProgress.js';
import { LslabError } from './errors.js';
import { checkOption } from './validate/checkOption.js';
import type { ClaimParamSchema } from './validate/claimParamSchema.js';
import { checkInRange } from './validate/numbers.js';

/**
 * How a check compares its measurement with its expectation:
 * `'equal'` |measured − expected| ≤ tolerance; `'atMost'` measured ≤ expected
 * + tolerance (expected is an upper bound); `'atLeast'` measured ≥ expected −
 * tolerance (expected is a lower bound).
 */
export type ClaimComparison = 'equal' | 'atMost' | 'atLeast';

/**
 * One numeric check of a claim: a measured value against the closed form (or
 * other independent expectation), with the tolerance it must meet and the
 * comparison that decides whether it holds.
 */
export interface ClaimCheck {
  /** What is checked, e.g. `'gap at optimum = ln 91'`. */
  name: string;
  /** Two-sided (`'equal'`) or one-sided against a bound (`'atMost'`, `'atLeast'`). */
  comparison: ClaimComparison;
  /** The independent expectation (closed form, bound, peer value). */
  expected: number;
  /** What the experiment measured. */
  measured: number;
  /** Allowed |measured − expected| (`'equal'`), or the slack of a bound. */
  tolerance: number;
  /** Whether the check passed. A claim that does not hold is reported, never hidden. */
  holds: boolean;
}

/** What running a claim produces: its checks and tidy rows for Vega-Lite charts. */
export interface ClaimResult {
  /** Every check, in a stable order. */
  checks: ClaimCheck[];
  /** Named tables of tidy rows (one object per mark), ready for Vega-Lite `data.values`. */
  series: Record<string, object[]>;
  /** Optional prose notes: caveats and what was observed. */
  notes?: string[];
}

/**
 * A claim of the label-smoothing theory, as data plus a deterministic function.
 *
 * `formulas` holds the closed forms as mathjs expression strings; the claim
 * runner and the tests (not the package) evaluate them with mathjs as an
 * independent check of the typed-array implementation and render them to TeX.
 *
 * @typeParam P - the parameters the report may change (α, K, seed, n…)
 * @example
 * // c1SmoothedTargets from '@lslab/core/claims'
 * const result = c1SmoothedTargets.run(c1SmoothedTargets.defaults);
 * result.checks.every((c) => c.holds); // true: the claim holds
 */
export interface Claim<P = Record<string, unknown>> {
  /** Stable id, e.g. `'C6.optimal-gap'`. */
  id: string;
  /** Short title. */
  title: string;
  /** One sentence, with the formula in TeX. */
  statement: string;
  /** Default parameters. */
  defaults: P;
  /**
   * The domains of the parameters a reader may move, in validation order: the
   * claim validates with it (`checkClaimParams(id, defaults, params, paramSchema)`)
   * and the report derives its controls from it.
   */
  paramSchema?: ClaimParamSchema;
  /** Closed forms as mathjs expressions over the parameter names. */
  formulas?: Record<string, string>;
  /**
   * Runs the experiment; deterministic for given parameters (seed included).
   * A long claim (one that trains models) calls `onProgress` after each unit
   * of work with the rows it has so far (see `claimProgress`); the result is
   * the same with or without a listener. Closed-form claims ignore it.
   */
  run(params: P, onProgress?: ClaimProgressListener): ClaimResult;
}

/**
 * Builds a {@link ClaimCheck}. It holds, when both numbers are finite, if
 *
 * - `'equal'` (default): |measured − expected| ≤ tolerance;
 * - `'atMost'`: measured ≤ expected + tolerance;
 * - `'atLeast'`: measured ≥ expected − tolerance.
 *
 * It never holds when `measured` or `expected` is NaN or ±∞.
 *
 * @param name - what is checked; for a bound, say which (the comparison is the field, not the name)
 * @param expected - the independent expectation, or the bound
 * @param measured - what the experiment measured
 * @param tolerance - the allowed difference or slack, ≥ 0
 * @param comparison - `'equal'` (default), `'atMost'` or `'atLeast'`
 * @throws LslabError `E_RANGE` for an empty name or a tolerance outside [0, 1.8e308],
 *   `E_NOT_FINITE` for a NaN tolerance or an expected or measured value that is not a
 *   number, `E_OPTION` for an unknown comparison
 * @example
 * check('gap', Math.log(91), 4.51085950651685, 1e-12).holds;          // true
 * check('KL(p‖u) ≤ ln K', Math.log(10), 1.2, 0, 'atMost').holds;      // true
 * check('ratio ≥ 1', 1, 0.5, 0, 'atLeast').holds;                     // false
 */
export function check(
  name: string,
  expected: number,
  measured: number,
  tolerance: number,
  comparison: ClaimComparison = 'equal',
): ClaimCheck {
  const fn = 'check';
  if (typeof name !== 'string' || name === '') {
    throw new LslabError('E_RANGE', fn, 'must be a non-empty string', {
      argument: 'name',
      value: name,
    });
  }
  for (const [arg, v] of [
    ['expected', expected],
    ['measured', measured],
  ] as const) {
    if (typeof v !== 'number') {
      throw new LslabError('E_NOT_FINITE', fn, 'is not a number', { argument: arg, value: v });
    }
  }
  checkInRange(fn, 'tolerance', tolerance, 0, Number.MAX_VALUE);
  checkOption(fn, 'comparison', comparison, ['equal', 'atMost', 'atLeast'] as const);
  let holds = Number.isFinite(measured) && Number.isFinite(expected);
  if (comparison === 'atMost') holds &&= measured <= expected + tolerance;
  else if (comparison === 'atLeast') holds &&= measured >= expected - tolerance;
  else holds &&= Math.abs(measured - expected) <= tolerance;
  return { name, comparison, expected, measured, tolerance, holds };
}
