import { check } from '@lslab/core';
import { all, create } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { claimSources } from '../src/claimSources.ts';
import { evaluateFormulas } from '../src/evaluateFormulas.ts';

const big = create(all, { number: 'BigNumber', precision: 64 });

describe('evaluateFormulas(formulas, params, checks)', () => {
  for (const source of claimSources) {
    for (const claim of source.claims) {
      if (claim.formulas === undefined) continue;
      it(`evaluateFormulas(${claim.id}.formulas, defaults, checks) agrees with every expected value`, () => {
        const { checks } = claim.run(claim.defaults);
        const results = evaluateFormulas(claim.formulas, claim.defaults, checks);
        for (const r of results) {
          expect(r.error, r.name).toBeUndefined();
          expect(r.agrees, `${r.name}: mathjs ${r.value} vs expected ${r.expected}`).toBe(true);
          // the same formula at 64 digits: the claim's float64 closed form is within 1e-14
          const scope = Object.fromEntries(
            Object.entries(claim.defaults).map(([k, v]) => [
              k,
              typeof v === 'number' ? big.bignumber(v) : v,
            ]),
          );
          const exact = Number(big.evaluate(r.expression, scope).toString());
          expect(Math.abs(exact - (r.expected as number))).toBeLessThanOrEqual(
            1e-14 * Math.max(1, Math.abs(exact)),
          );
        }
      });
    }
  }

  it('evaluateFormulas({ g: …}) reports a formula that disagrees, cannot parse, or names no check', () => {
    const checks = [check('g', 0.02, 0.02, 0)];
    const [ok] = evaluateFormulas({ g: 'alpha / K' }, { alpha: 0.1, K: 5 }, checks);
    expect(ok).toMatchObject({ agrees: true, value: 0.02, tex: '\\frac{\\alpha}{\\mathrm{K}}' });
    const [off] = evaluateFormulas({ g: 'alpha / (K - 1)' }, { alpha: 0.1, K: 5 }, checks);
    expect(off).toMatchObject({ agrees: false, value: 0.025 });
    const [bad] = evaluateFormulas({ g: 'alpha / (' }, { alpha: 0.1, K: 5 }, checks);
    expect(bad.agrees).toBe(false);
    expect(bad.error).toMatch(/cannot evaluate/);
    const [orphan] = evaluateFormulas({ h: 'alpha' }, { alpha: 0.1 }, checks);
    expect(orphan).toMatchObject({ agrees: false, error: 'no check has this name' });
  });
});
