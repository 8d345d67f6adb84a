import type { ClaimCheck } from '@lslab/core';
import { all, create } from 'mathjs';

const math = create(all, { number: 'number' });

/** A closed form of a claim evaluated with mathjs and compared with the check of the same name. */
export interface FormulaResult {
  /** The formula's key, which is also the name of the check it belongs to. */
  name: string;
  /** The mathjs expression. */
  expression: string;
  /** The formula rendered to TeX, or `null` when it could not be parsed. */
  tex: string | null;
  /** Its value at the claim's parameters (`null` when it could not be evaluated). */
  value: number | null;
  /** The `expected` value of the check with the same name (`null` when there is none). */
  expected: number | null;
  /** Allowed |value − expected|: 1e-12·max(1, |expected|). */
  tolerance: number;
  /** Whether mathjs and the claim's own closed form agree. */
  agrees: boolean;
  /** Why the formula could not be checked, if it could not. */
  error?: string;
}

/** Relative agreement asked of two evaluations of the same closed form in float64. */
export const FORMULA_RTOL = 1e-12;

/**
 * Evaluates each formula of a claim with mathjs at the claim's parameters and
 * compares it with the `expected` value of the check of the same name: an
 * independent evaluation of the closed form the claim computed in its own code.
 *
 * @param formulas - name → mathjs expression over the parameter names
 * @param params - the parameters the claim ran with (its scope)
 * @param checks - the claim's checks
 * @returns one result per formula, in the order of `formulas`
 * @example
 * evaluateFormulas({ g: 'alpha / K' }, { alpha: 0.1, K: 5 },
 *   [{ name: 'g', comparison: 'equal', expected: 0.02, measured: 0.02, tolerance: 0, holds: true }])[0].agrees; // true
 */
export function evaluateFormulas(
  formulas: Record<string, string> | undefined,
  params: object,
  checks: readonly ClaimCheck[],
): FormulaResult[] {
  const out: FormulaResult[] = [];
  for (const [name, expression] of Object.entries(formulas ?? {})) {
    const target = checks.find((c) => c.name === name);
    const expected = target === undefined ? null : target.expected;
    const tolerance = FORMULA_RTOL * Math.max(1, Math.abs(expected ?? 0));
    const result: FormulaResult = {
      name,
      expression,
      tex: null,
      value: null,
      expected,
      tolerance,
      agrees: false,
    };
    try {
      const node = math.parse(expression);
      result.tex = node.toTex();
      const v: unknown = node.evaluate({ ...params });
      if (typeof v !== 'number') throw new Error(`evaluates to ${math.typeOf(v)}, not a number`);
      result.value = v;
    } catch (e) {
      result.error = `cannot evaluate: ${(e as Error).message}`;
      out.push(result);
      continue;
    }
    if (expected === null) result.error = 'no check has this name';
    else result.agrees = Math.abs(result.value - expected) <= tolerance;
    out.push(result);
  }
  return out;
}
