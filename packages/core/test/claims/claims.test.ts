import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as exported from '../../src/claims/index.ts';
import { claims } from '../../src/claims/index.ts';
import { check } from '../../src/index.ts';

const root = (path: string) => fileURLToPath(new URL(`../../../../${path}`, import.meta.url));

/** `C9.training-rhythm` → `c9TrainingRhythm`: the export name derived from the id. */
function exportName(id: string): string {
  const [n, name] = id.split('.');
  return n.toLowerCase() + name.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());
}

describe('claims', () => {
  it('lists C1, C2, C3, C7, C9 in catalogue order with unique ids', () => {
    expect(claims.map((c) => c.id)).toEqual([
      'C1.smoothed-targets',
      'C2.gradient',
      'C3.finite-optimum',
      'C7.regulariser',
      'C9.training-rhythm',
    ]);
  });

  it.each(claims.map((c) => [c.id, c] as const))(
    '%s has one name: its export, doc, source and test are named by its id, and the doc links both',
    (id, claim) => {
      expect(exportName('C9.training-rhythm')).toBe('c9TrainingRhythm');
      expect((exported as Record<string, unknown>)[exportName(id)]).toBe(claim);
      const source = [`src/claims/${id}.ts`, `src/claims/${id}/index.ts`].find((p) =>
        existsSync(root(`packages/core/${p}`)),
      );
      expect(source, `source of ${id}`).toBeDefined();
      expect(existsSync(root(`packages/core/test/claims/${id}.test.ts`))).toBe(true);
      const doc = readFileSync(root(`docs/theory/${id}.md`), 'utf8');
      expect(doc).toContain(`packages/core/${source}`);
      expect(doc).toContain(`packages/core/test/claims/${id}.test.ts`);
      expect(doc).toContain(`\`${exportName(id)}\``);
      // the TSDoc links the doc
      expect(readFileSync(root(`packages/core/${source}`), 'utf8')).toContain(
        `docs/theory/${id}.md`,
      );
    },
  );

  it.each(claims.map((c) => [c.id, c] as const))(
    '%s: statement has TeX, every formula names a check, checks have unique names',
    (_, claim) => {
      expect(claim.statement).toMatch(/\$.+\$/);
      const { checks } = claim.run(claim.defaults);
      const names = checks.map((c) => c.name);
      expect(new Set(names).size).toBe(names.length);
      for (const key of Object.keys(claim.formulas ?? {})) expect(names).toContain(key);
      expect(Object.keys(claim.formulas ?? {}).length).toBeGreaterThan(0);
    },
  );
});

describe('check helpers', () => {
  it('check(name, e, m, tol) is two-sided and never holds for NaN', () => {
    expect(check('a', 1, 1 + 1e-9, 1e-8).holds).toBe(true);
    expect(check('a', 1, 1 - 2e-8, 1e-8).holds).toBe(false);
    expect(check('a', 0, Number.NaN, 1).holds).toBe(false);
  });

  it("check(name, bound, m, slack, 'atMost') holds only at or below bound + slack", () => {
    expect(check('b', 1, 0.5, 0, 'atMost')).toMatchObject({ comparison: 'atMost', holds: true });
    expect(check('b', 1, 1, 0, 'atMost').holds).toBe(true);
    expect(check('b', 1, 1.1, 0.05, 'atMost').holds).toBe(false);
    expect(check('b', 1, Number.NaN, 1, 'atMost').holds).toBe(false);
    expect(check('b', Number.POSITIVE_INFINITY, 1, 0, 'atMost').holds).toBe(false);
  });

  it("check(name, bound, m, slack, 'atLeast') holds only at or above bound − slack", () => {
    expect(check('b', 1, 2, 0, 'atLeast')).toMatchObject({ comparison: 'atLeast', holds: true });
    expect(check('b', 1, 1, 0, 'atLeast').holds).toBe(true);
    expect(check('b', 1, 0.96, 0.05, 'atLeast').holds).toBe(true);
    expect(check('b', 1, 0.9, 0.05, 'atLeast').holds).toBe(false);
    expect(check('b', 1, Number.NaN, 1, 'atLeast').holds).toBe(false);
  });

  it("check(name, e, m, tol) defaults to comparison 'equal'", () => {
    expect(check('a', 1, 1, 0).comparison).toBe('equal');
    // a value far below an 'equal' expectation does not hold, as it would for 'atMost'
    expect(check('a', 1, 0, 0.5).holds).toBe(false);
  });

  it("every one-sided check of the core claims carries 'atMost' or 'atLeast'", () => {
    const oneSided = claims
      .flatMap((c) => c.run(c.defaults).checks)
      .filter((c) => c.comparison !== 'equal')
      .map((c) => [c.name, c.comparison]);
    expect(oneSided).toEqual([
      [
        'hard labels: increments of z_t − ln t shrink over the last three decades (largest ratio, bound 1)',
        'atMost',
      ],
      ['confidence penalty: KL(p‖u) from the penalty, largest seen (bound ln K)', 'atMost'],
    ]);
  });
});
