/**
 * One numeric check of a claim: a measured value against the closed form (or
 * other independent expectation), with the tolerance it must meet.
 * `holds` is `|measured − expected| ≤ tolerance` unless the claim states a
 * one-sided check, in which case `expected` is the bound and the name says so.
 */
export interface ClaimCheck {
  /** What is checked, e.g. `'gap at optimum = ln 91'`. */
  name: string;
  /** The independent expectation (closed form, bound, peer value). */
  expected: number;
  /** What the experiment measured. */
  measured: number;
  /** Allowed |measured − expected| (or slack of a bound). */
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
 * const result = someClaim.run(someClaim.defaults);
 * result.checks.every((c) => c.holds); // true when the claim holds
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
  /** Closed forms as mathjs expressions over the parameter names. */
  formulas?: Record<string, string>;
  /** Runs the experiment; deterministic for given parameters (seed included). */
  run(params: P): ClaimResult;
}

/**
 * Builds a {@link ClaimCheck} for a two-sided comparison: holds when
 * |measured − expected| ≤ tolerance and both are finite.
 *
 * @example
 * check('gap', Math.log(91), 4.51085950651685, 1e-12).holds; // true
 */
export function check(
  name: string,
  expected: number,
  measured: number,
  tolerance: number,
): ClaimCheck {
  const holds =
    Number.isFinite(measured) &&
    Number.isFinite(expected) &&
    Math.abs(measured - expected) <= tolerance;
  return { name, expected, measured, tolerance, holds };
}
