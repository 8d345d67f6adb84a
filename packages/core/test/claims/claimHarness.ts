import { EPS, expectClose } from '@lslab/test-utils';
import { all, create } from 'mathjs';
import { expect } from 'vitest';
import type { Claim, ClaimResult } from '../../src/index.ts';

const math = create(all, { number: 'number' });
const big = create(all, { number: 'BigNumber', precision: 64 });

/** A formula evaluated at 64 significant digits, rounded to a double. */
export function evaluateExact(expression: string, params: object): number {
  const scope = Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, typeof v === 'number' ? big.bignumber(v) : v]),
  );
  return Number(big.evaluate(expression, scope).toString());
}

/** A formula evaluated with mathjs in float64. */
export function evaluateFloat(expression: string, params: object): number {
  return math.evaluate(expression, { ...params }) as number;
}

/**
 * Runs a claim at `params` and asserts: every check holds; every formula names
 * a check, and its value (mathjs float64 and 64-digit BigNumber) equals that
 * check's expected value; series rows hold only finite numbers or strings.
 */
export function expectClaimHolds<P extends object>(claim: Claim<P>, params: P): ClaimResult {
  const result = claim.run(params);
  expect(result.checks.length).toBeGreaterThan(0);
  for (const c of result.checks) {
    const msg = `${claim.id} at ${JSON.stringify(params)}: '${c.name}' measured ${c.measured}, expected ${c.expected}, tolerance ${c.tolerance}`;
    expect(c.holds, msg).toBe(true);
    // two-sided checks hold within the tolerance; one-sided ones (a bound) at most bound + slack
    const twoSided = Math.abs(c.measured - c.expected) <= c.tolerance;
    const bound = /\bbound\b/.test(c.name) && c.measured <= c.expected + c.tolerance;
    expect(twoSided || bound, msg).toBe(true);
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

/** The check of a result with the given name (fails the test when absent). */
export function checkNamed(result: ClaimResult, name: string) {
  const c = result.checks.find((x) => x.name === name);
  expect(c, `no check '${name}'`).toBeDefined();
  return c!;
}
