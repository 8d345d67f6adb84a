import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check } from '@lslab/core';
import { coreClaims } from '@lslab/core/claims';
import { describe, expect, it } from 'vitest';
import { claimSources } from '../src/claimSources.ts';
import { type MainOptions, main } from '../src/main.ts';

function capture(sources?: MainOptions['sources']) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    options: {
      sources,
      stdout: (t: string) => out.push(t),
      stderr: (t: string) => err.push(t),
    } satisfies MainOptions,
  };
}

const throwing = {
  package: '@lslab/test',
  claims: [
    {
      id: 'X1.throws',
      title: 'A claim that cannot run',
      statement: 'none',
      defaults: {},
      run: () => {
        throw new Error('no data');
      },
    },
  ],
};

const failing = {
  package: '@lslab/test',
  claims: [
    {
      id: 'X2.does-not-hold',
      title: 'A claim whose measurement misses',
      statement: 'one equals two',
      defaults: { a: 1 },
      formulas: { 'one = two': 'a + 2' },
      run: () => ({ checks: [check('one = two', 2, 1, 0)], series: {} }),
    },
  ],
};

// The calibration claim trains models for several seconds and is tested in its
// own package; the table and JSON tests run the core claims, which all hold.
const coreOnly = [{ package: '@lslab/core', claims: coreClaims }];

describe('claimSources', () => {
  it('lists the claims of @lslab/core and @lslab/calibration, with unique ids', () => {
    expect(claimSources.map((s) => s.package)).toEqual(['@lslab/core', '@lslab/calibration']);
    const ids = claimSources.flatMap((s) => s.claims.map((c) => c.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('C8.smoothing-calibration');
  });
});

describe('main(argv)', () => {
  it('main([]) lists every claim of every source with its checks held', () => {
    const c = capture(coreOnly);
    expect(main([], c.options)).toBe(0);
    const text = c.out.join('\n');
    const all = coreOnly.flatMap((s) => s.claims);
    for (const claim of all) {
      const result = claim.run(claim.defaults);
      const n = result.checks.length;
      expect(text).toMatch(new RegExp(`^${claim.id.replace('.', '\\.')}\\s.*\\s${n}/${n}\\s`, 'm'));
      for (const k of result.checks) expect(text).toContain(k.name);
    }
    expect(text).not.toMatch(/\bFAIL\b|DOES NOT HOLD|DISAGREES/);
    expect(text.trim().split('\n').at(-1)).toMatch(/^All \d+ claims hold/);
  });

  it("main(['--json', file]) writes JSON that parses, with checks, series and agreeing formulas", () => {
    const dir = mkdtempSync(join(tmpdir(), 'lslab-report-'));
    const file = join(dir, 'results.json');
    const c = capture(coreOnly);
    expect(main(['--json', file], c.options)).toBe(0);
    const parsed = JSON.parse(readFileSync(file, 'utf8'));
    expect(parsed.claims.map((r: { id: string }) => r.id)).toEqual(coreClaims.map((x) => x.id));
    for (const r of parsed.claims) {
      expect(r.checks.length).toBeGreaterThan(0);
      expect(Object.keys(r.series).length).toBeGreaterThan(0);
      for (const f of r.formulas) expect(f, `${r.id}: ${f.name}`).toMatchObject({ agrees: true });
    }
    expect(readdirSync(dir)).toEqual(['results.json']); // no temporary file left behind
  });

  it('main([]) marks a check that does not hold and a formula that disagrees, and still exits 0', () => {
    const c = capture([failing]);
    expect(main([], c.options)).toBe(0);
    const text = c.out.join('\n');
    expect(text).toMatch(/FAIL\s+one = two/);
    expect(text).toContain('MATHJS DISAGREES');
    expect(text).toMatch(/1 of 1 claims DO NOT HOLD \(X2\.does-not-hold\)/);
  });

  it("main(['--json', file]) writes nothing and exits 2 when a claim throws", () => {
    const dir = mkdtempSync(join(tmpdir(), 'lslab-report-'));
    const file = join(dir, 'results.json');
    const c = capture([claimSources[0], throwing]);
    expect(main(['--json', file], c.options)).toBe(2);
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
    expect(c.err.join('\n')).toMatch(/claim X1\.throws \(@lslab\/test\) could not run: no data/);
    expect(c.out).toEqual([]);
  });

  it("main(['--help']) prints the usage and exits 0", () => {
    const c = capture();
    expect(main(['--help'], c.options)).toBe(0);
    expect(c.out.join('\n')).toMatch(/^Usage: lslab \[--json <file>\]/);
  });

  it('main([bad]) exits 2 with a message for an unknown option or a missing file name', () => {
    const a = capture();
    expect(main(['--frobnicate'], a.options)).toBe(2);
    expect(a.err.join('\n')).toMatch(/unknown argument '--frobnicate'/);
    const b = capture();
    expect(main(['--json'], b.options)).toBe(2);
    expect(b.err.join('\n')).toMatch(/--json needs a file name/);
  });

  it('main([--json into a missing directory]) exits 2 and says why', () => {
    const c = capture();
    expect(main(['--json', join(tmpdir(), 'lslab-no-such-dir', 'x', 'r.json')], c.options)).toBe(2);
    expect(c.err.join('\n')).toMatch(/could not write/);
  });
});
