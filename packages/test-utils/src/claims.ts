import { all, create } from 'mathjs';
import { expect } from 'vitest';
import { EPS, expectClose } from './expectClose.ts';

// The shapes of @lslab/core's Claim, ClaimCheck and ClaimResult, written out
// so that this package (which core's own tests import) does not depend on core.

/** How a check compares measured with expected (core's `ClaimComparison`). */
export type HarnessComparison = 'equal' | 'atMost' | 'atLeast';

/** A check as core's `ClaimCheck` carries it. */
export interface HarnessCheck {
  name: string;
  comparison: HarnessComparison;
  expected: number;
  measured: number;
  tolerance: number;
  holds: boolean;
}

/** A claim's result as core's `ClaimResult` carries it. */
export interface HarnessResult {
  checks: HarnessCheck[];
  series: Record<string, object[]>;
  notes?: string[];
}

/** A claim as core's `Claim<P>` describes it: an id, formulas and a run function. */
export interface HarnessClaim<P, R extends HarnessResult = HarnessResult> {
  id: string;
  formulas?: Record<string, string>;
  run(params: P): R;
}

const math = create(all, { number: 'number' });
const big = create(all, { number: 'BigNumber', precision: 64 });

/**
 * A mathjs formula evaluated at 64 significant digits (BigNumber), rounded
 * once to a double: the independent value a claim's closed form is checked
 * against. Number parameters become BigNumbers; others pass through.
 *
 * @example
 * evaluateExact('log(1 + K * (1 - alpha) / alpha)', { K: 10, alpha: 0.1 }); // 4.51085950651685 = ln 91
 */
export function evaluateExact(expression: string, params: object): number {
  const scope = Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, typeof v === 'number' ? big.bignumber(v) : v]),
  );
  return Number(big.evaluate(expression, scope).toString());
}

/**
 * A mathjs formula evaluated in float64.
 *
 * @example
 * evaluateFloat('1 / K', { K: 4 }); // 0.25
 */
export function evaluateFloat(expression: string, params: object): number {
  return math.evaluate(expression, { ...params }) as number;
}

/**
 * Whether a check holds by its own comparison, recomputed here from its
 * numbers: `'equal'` |m − e| ≤ tol, `'atMost'` m ≤ e + tol, `'atLeast'`
 * m ≥ e − tol; never when m or e is not finite.
 *
 * @example
 * holdsByComparison({ comparison: 'atMost', expected: 1, measured: 0.5, tolerance: 0 }); // true
 */
export function holdsByComparison(
  c: Pick<HarnessCheck, 'comparison' | 'expected' | 'measured' | 'tolerance'>,
): boolean {
  if (!Number.isFinite(c.measured) || !Number.isFinite(c.expected)) return false;
  if (c.comparison === 'atMost') return c.measured <= c.expected + c.tolerance;
  if (c.comparison === 'atLeast') return c.measured >= c.expected - c.tolerance;
  if (c.comparison === 'equal') return Math.abs(c.measured - c.expected) <= c.tolerance;
  return false;
}

/**
 * Runs a claim at `params` and asserts: it has checks; every check holds, and
 * holds again when judged here from its numbers and its `comparison`; every
 * formula names a check whose expected value equals the formula evaluated by
 * mathjs at 64 digits (and in float64) within 1e-14 relative; every series
 * is non-empty and its rows hold only finite numbers or strings.
 *
 * @returns the claim's result, for further checks
 * @example
 * expectClaimHolds(finiteOptimumClaim, finiteOptimumClaim.defaults);
 */
export function expectClaimHolds<P extends object, R extends HarnessResult>(
  claim: HarnessClaim<P, R>,
  params: P,
): R {
  const result = claim.run(params);
  expect(result.checks.length).toBeGreaterThan(0);
  for (const c of result.checks) {
    const msg = `${claim.id} at ${JSON.stringify(params)}: '${c.name}' (${c.comparison}) measured ${c.measured}, expected ${c.expected}, tolerance ${c.tolerance}`;
    expect(['equal', 'atMost', 'atLeast'], msg).toContain(c.comparison);
    expect(c.holds, msg).toBe(true);
    expect(holdsByComparison(c), msg).toBe(true);
  }
  for (const [name, expression] of Object.entries(claim.formulas ?? {})) {
    const c = result.checks.find((x) => x.name === name);
    expect(c, `formula '${name}' names no check`).toBeDefined();
    const exact = evaluateExact(expression, params);
    const tol = { rtol: 1e-14 / EPS, atol: 1e-15 / EPS, label: `${claim.id}: ${name}` };
    expectClose(c!.expected, exact, tol);
    expectClose(evaluateFloat(expression, params), exact, tol);
  }
  for (const [key, rows] of Object.entries(result.series)) {
    expect(rows.length, `series ${key}`).toBeGreaterThan(0);
    for (const row of rows)
      for (const v of Object.values(row))
        expect(typeof v === 'string' || Number.isFinite(v), `series ${key}: ${v}`).toBe(true);
  }
  return result;
}

/**
 * The check of a result with the given name; fails the test when absent.
 *
 * @example
 * checkNamed(result, 'uniform: gap = ln(1 + K(1−α)/α)').measured;
 */
export function checkNamed<C extends { name: string }>(result: { checks: C[] }, name: string): C {
  const c = result.checks.find((x) => x.name === name);
  expect(c, `no check '${name}'`).toBeDefined();
  return c!;
}

/** What a claim hands its progress listener (core's `ClaimProgress`). */
export interface HarnessProgress {
  done: number;
  total: number;
  stage: string;
  series: Record<string, object[]>;
}

/**
 * Runs a long claim twice, with and without a progress listener, and checks
 * the progress contract against what the caller expects:
 *
 * - the listener is called `total` times, with `done` = 1, 2, … `total` and the given `total`;
 * - every table of every partial is a prefix (same rows, same values, same order)
 *   of the final table, and a table with no row is absent;
 * - the listener changes nothing: both runs give the same result, byte for byte as JSON.
 *
 * @param claim - the claim
 * @param params - its parameters
 * @param total - the number of units the caller computed from `params`
 * @returns the partials, for further assertions
 * @example
 * const partials = expectProgressContract(c10Stability, c10Stability.defaults, 7 * 12);
 * partials.at(-1)?.series.cells.length; // every cell
 */
export function expectProgressContract<P>(
  claim: {
    id: string;
    run(params: P, onProgress?: (p: HarnessProgress) => void): HarnessResult;
  },
  params: P,
  total: number,
): HarnessProgress[] {
  const partials: HarnessProgress[] = [];
  const result = claim.run(params, (p) => partials.push(p));
  const plain = claim.run(params);
  expect(JSON.stringify(result), `${claim.id}: a listener changed the result`).toBe(
    JSON.stringify(plain),
  );
  expect(partials.map((p) => p.done)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
  for (const p of partials) {
    expect(p.total, `${claim.id}: total at ${p.stage}`).toBe(total);
    expect(typeof p.stage === 'string' && p.stage.length > 0).toBe(true);
    for (const [name, rows] of Object.entries(p.series)) {
      const final = result.series[name];
      expect(final, `${claim.id}: ${name} is not a table of the result`).toBeDefined();
      expect(rows.length, `${claim.id}: ${name} at ${p.stage} is empty`).toBeGreaterThan(0);
      expect(rows, `${claim.id}: ${name} at ${p.stage}`).toEqual(final.slice(0, rows.length));
    }
  }
  return partials;
}
