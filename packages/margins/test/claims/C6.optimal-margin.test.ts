import { checkNamed, expectClaimHolds, expectProgressContract } from '@lslab/test-utils/claims';
import { describe, expect, it } from 'vitest';
import { c6OptimalMargin as claim, claims } from '../../src/claims/index.ts';
import { thrown } from '../helpers.ts';

describe('c6OptimalMargin.run(params)', () => {
  const r = expectClaimHolds(claim, claim.defaults);

  it('run(defaults) holds: the gap is ln 91 at K = 10, α = 0.1 (uniform) and ln 81 (others)', () => {
    expect(claim.id).toBe('C6.optimal-margin');
    expect(claims).toContain(claim);
    const u = checkNamed(r, 'uniform: free logits reach ln(q_y/q_k) for every wrong class');
    expect(Math.abs(u.measured - Math.log(91))).toBeLessThan(1e-8);
    const o = checkNamed(r, 'others: free logits reach ln(q_y/q_k) for every wrong class');
    expect(Math.abs(o.measured - Math.log(81))).toBeLessThan(1e-8);
  });

  it('reports the spreads with intervals, the projection, and the collapse caveat', () => {
    const rows = r.series.spreads as {
      dataset: string;
      spread: number;
      spreadLo: number;
      spreadHi: number;
    }[];
    expect(rows.length).toBe(4);
    for (const x of rows) expect(x.spreadLo).toBeLessThanOrEqual(x.spreadHi);
    expect((r.series.projection as object[]).length).toBeGreaterThan(100);
    // gap distributions: 2 data sets × 2 targets × 3 statistics × 7 levels, each non-decreasing in the level
    const q = r.series.gapQuantiles as {
      dataset: string;
      target: string;
      statistic: string;
      value: number;
    }[];
    expect(q.length).toBe(84);
    for (let i = 0; i < q.length; i += 7)
      for (let j = i + 1; j < i + 7; j++) expect(q[j].value).toBeGreaterThanOrEqual(q[j - 1].value);
    expect(r.notes?.some((n) => n.startsWith('Neural-collapse caveat'))).toBe(true);
  });

  it.each([
    { alpha: 0.1, K: 2, seeds: 5, seed: 0 },
    { alpha: 0.1, K: 1000, seeds: 3, seed: 1 },
    { alpha: 0.01, K: 10, seeds: 5, seed: 2 },
    { alpha: 0.9, K: 10, seeds: 5, seed: 3 },
    { alpha: 0.5, K: 3, seeds: 5, seed: 4 },
  ])('run(%o) holds', (p) => {
    expectClaimHolds(claim, p);
  });

  it('rejects α = 0 (no finite optimum), K out of range and too few splits', () => {
    const d = claim.defaults;
    expect(thrown(() => claim.run({ ...d, alpha: 0 })).code).toBe('E_RANGE');
    expect(thrown(() => claim.run({ ...d, K: 1001 })).code).toBe('E_RANGE');
    expect(thrown(() => claim.run({ ...d, K: 1 })).code).toBe('E_RANGE');
    expect(thrown(() => claim.run({ ...d, seeds: 2 })).code).toBe('E_RANGE');
    // an unknown parameter is named at the door, with the nearest known one
    const u = thrown(() => claim.run({ ...claim.defaults, alfa: 0.1 } as never));
    expect([u.code, u.message]).toEqual(['E_OPTION', expect.stringContaining('params.alfa')]);
    expect(u.message).toContain("did you mean 'alpha'?");
  });

  it('streams its rows: the optima first, then one unit per data split, then the collapse run', () => {
    const p = { alpha: 0.2, K: 4, seeds: 3, seed: 0 };
    // 1 + 2 data sets × 3 splits + 1
    const partials = expectProgressContract(claim, p, 8);
    // the optima of both conventions, two models each, before any data set
    expect(partials[0].series.optimum).toHaveLength(4);
    expect(partials[0].series.spreads).toBeUndefined();
    // penguins' rows (hard and smoothed) arrive with its last split
    expect(partials[2].series.spreads).toBeUndefined();
    expect(partials[3].stage).toBe('penguins, split 3 of 3');
    expect(partials[3].series.spreads).toHaveLength(2);
    expect(partials.map((q) => q.stage)).toContain('seattle-weather, split 3 of 3');
    const e = thrown(() => claim.run(claim.defaults, 'x' as never));
    expect([e.code, e.details.argument]).toEqual(['E_OPTION', 'onProgress']);
  });
});
