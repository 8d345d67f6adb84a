import { describe, expect, it } from 'vitest';
import {
  checkNamed,
  evaluateExact,
  evaluateFloat,
  expectClaimHolds,
  type HarnessCheck,
  type HarnessClaim,
  holdsByComparison,
} from '../src/claims.ts';

const c = (
  comparison: HarnessCheck['comparison'],
  expected: number,
  measured: number,
  tolerance: number,
) => ({ comparison, expected, measured, tolerance });

describe('holdsByComparison(check)', () => {
  it("'equal' is two-sided: |m − e| ≤ tol", () => {
    expect(holdsByComparison(c('equal', 1, 1.5, 0.5))).toBe(true);
    expect(holdsByComparison(c('equal', 1, 0.4, 0.5))).toBe(false);
  });

  it("'atMost' is m ≤ e + tol and 'atLeast' is m ≥ e − tol, whatever the name says", () => {
    expect(holdsByComparison(c('atMost', 1, -100, 0))).toBe(true);
    expect(holdsByComparison(c('atMost', 1, 1.1, 0.05))).toBe(false);
    expect(holdsByComparison(c('atLeast', 1, 100, 0))).toBe(true);
    expect(holdsByComparison(c('atLeast', 1, 0.9, 0.05))).toBe(false);
  });

  it('never holds for NaN or ±∞, on either side', () => {
    for (const k of ['equal', 'atMost', 'atLeast'] as const) {
      expect(holdsByComparison(c(k, 0, Number.NaN, 1))).toBe(false);
      expect(holdsByComparison(c(k, Number.POSITIVE_INFINITY, 0, 1))).toBe(false);
    }
  });
});

describe('evaluateExact(expression, params) / evaluateFloat(expression, params)', () => {
  it('ln 91 at K = 10, α = 0.1 (the C6 gap), to the last digit', () => {
    const f = 'log(1 + K * (1 - alpha) / alpha)';
    // ln 91 = 4.510859506516850… (rounded to the nearest double)
    expect(evaluateExact(f, { K: 10, alpha: 0.1 })).toBe(4.51085950651685);
    expect(Math.abs(evaluateFloat(f, { K: 10, alpha: 0.1 }) - Math.log(91))).toBeLessThan(1e-15);
  });

  it('evaluates 1 − 0.9 in decimal at 64 digits (0.1) and with float rounding in float64', () => {
    // mathjs turns the number 0.9 into the BigNumber 0.9 (its shortest decimal), so 1 − a = 0.1
    expect(evaluateExact('1 - a', { a: 0.9 })).toBe(0.1);
    expect(evaluateFloat('1 - a', { a: 0.9 })).toBe(1 - 0.9);
  });
});

function claimOf(checks: HarnessCheck[], formulas?: Record<string, string>): HarnessClaim<object> {
  return { id: 'X.test', formulas, run: () => ({ checks, series: { rows: [{ a: 1, b: 'x' }] } }) };
}
const ok = (name: string, comparison: HarnessCheck['comparison'], e: number, m: number) => ({
  name,
  comparison,
  expected: e,
  measured: m,
  tolerance: 0,
  holds: true,
});

describe('expectClaimHolds(claim, params)', () => {
  it('passes a claim whose checks hold by their comparisons and whose formulas match', () => {
    const claim = claimOf([ok('quarter', 'equal', 0.25, 0.25), ok('below one', 'atMost', 1, 0.3)], {
      quarter: '1 / K',
    });
    expect(expectClaimHolds(claim, { K: 4 }).checks).toHaveLength(2);
  });

  it("fails a one-sided check marked as holding that its comparison refutes (no 'bound' in the name needed)", () => {
    expect(() => expectClaimHolds(claimOf([ok('ratio', 'atMost', 1, 2)]), {})).toThrow(/ratio/);
    expect(() => expectClaimHolds(claimOf([ok('x (bound 1)', 'equal', 1, 0.5)]), {})).toThrow();
  });

  it('fails a check that does not hold, a formula naming no check, and a formula that disagrees', () => {
    const bad = { ...ok('a', 'equal', 1, 1), holds: false };
    expect(() => expectClaimHolds(claimOf([bad]), {})).toThrow();
    expect(() => expectClaimHolds(claimOf([ok('a', 'equal', 1, 1)], { b: '1' }), {})).toThrow(
      /names no check/,
    );
    expect(() =>
      expectClaimHolds(claimOf([ok('a', 'equal', 0.3, 0.3)], { a: '1 / K' }), { K: 4 }),
    ).toThrow();
  });

  it('fails non-finite series values and empty series', () => {
    const claim = (rows: object[]): HarnessClaim<object> => ({
      id: 'X',
      run: () => ({ checks: [ok('a', 'equal', 1, 1)], series: { s: rows } }),
    });
    expect(() => expectClaimHolds(claim([{ v: Number.NaN }]), {})).toThrow();
    expect(() => expectClaimHolds(claim([]), {})).toThrow();
  });
});

describe('checkNamed(result, name)', () => {
  it('returns the named check and fails when there is none', () => {
    const r = { checks: [ok('a', 'equal', 1, 1)] };
    expect(checkNamed(r, 'a').expected).toBe(1);
    expect(() => checkNamed(r, 'b')).toThrow(/no check 'b'/);
  });
});
