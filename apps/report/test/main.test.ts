import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check } from '@lslab/core';
import { claims as coreClaims } from '@lslab/core/claims';
import { describe, expect, it } from 'vitest';
import { claimSources } from '../src/claimSources.ts';
import { type MainOptions, main } from '../src/main.ts';

function capture(sources?: MainOptions['sources']) {
  const out: string[] = [];
  const err: string[] = [];
  const progress: string[] = [];
  return {
    out,
    err,
    progress,
    options: {
      sources,
      threads: 1,
      tty: false,
      stdout: (t: string) => out.push(t),
      stderr: (t: string) => err.push(t),
      progress: (t: string) => progress.push(t),
    } satisfies MainOptions,
  };
}

const tmp = () => mkdtempSync(join(tmpdir(), 'lslab-report-'));

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
      statement: 'one equals $1 + 1$',
      defaults: { a: 1, seed: 4 },
      formulas: { 'one = two': 'a + 1' },
      run: (p: { a: number }) => ({
        checks: [check('one = two', p.a + 1, 1, 0)],
        series: { points: [{ x: 1, y: 2, kind: 'k' }] },
      }),
    },
  ],
};

// The calibration claim trains models for several seconds and is tested in its
// own package and by the CLI test; these tests run the core claims, which all hold.
const coreOnly = [{ package: '@lslab/core', claims: coreClaims }];

describe('claimSources', () => {
  it('lists the claims of core, calibration, margins and stability, with unique ids', () => {
    expect(claimSources.map((s) => s.package)).toEqual([
      '@lslab/core',
      '@lslab/calibration',
      '@lslab/margins',
      '@lslab/stability',
    ]);
    const ids = claimSources.flatMap((s) => s.claims.map((c) => c.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('C8.smoothing-calibration');
  });
});

describe("main(['report', …])", () => {
  it('writes index.html, results.json and one SVG per chart, prints the summary and ends with the path', async () => {
    const dir = join(tmp(), 'out');
    const c = capture(coreOnly);
    expect(await main(['report', '--out', dir], c.options)).toBe(0);
    expect(c.out.at(-1)).toBe(`Report: ${join(dir, 'index.html')}`);
    const text = c.out.join('\n');
    for (const claim of coreClaims) {
      const n = claim.run(claim.defaults).checks.length;
      expect(text).toMatch(
        new RegExp(`^${claim.id.replace('.', '\\.')}\\s+${n}/${n}\\s+holds`, 'm'),
      );
    }
    expect(text).toMatch(/^All 5 claims hold/m);
    const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'));
    expect(results.schemaVersion).toBe(1);
    expect(results.claims.map((r: { id: string }) => r.id)).toEqual(coreClaims.map((x) => x.id));
    expect(Object.keys(results.versions)).toEqual(
      expect.arrayContaining(['@lslab/report', '@lslab/core', 'vega', 'vega-lite', 'katex']),
    );
    for (const r of results.claims) {
      for (const k of r.checks) expect(['equal', 'atMost', 'atLeast']).toContain(k.comparison);
      for (const f of r.formulas) expect(f, `${r.id}: ${f.name}`).toMatchObject({ agrees: true });
    }
    const figures = readdirSync(join(dir, 'figures'));
    expect(figures).toEqual(expect.arrayContaining(['C1-targets.svg', 'C9-norms.svg']));
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    // no element loads a file: scripts and styles are inline, fonts are data: URIs
    const tags = html.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/g, '');
    expect(tags.match(/\s(src|href)=/g)).toBeNull();
    const css = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('');
    expect(css.match(/url\((?!data:)[^)]{0,40}/g)).toBeNull();
    for (const lib of ['vega', 'vega-lite', 'vega-embed', 'katex', 'lslab-page']) {
      expect(html).toContain(`<script data-lib="${lib}">`);
    }
    // the temporary directory was renamed into place: nothing else beside it
    expect(readdirSync(join(dir, '..'))).toEqual(['out']);
  });

  it('lays the chapters out in the order of the source text, with one line per claim not landed', async () => {
    const dir = join(tmp(), 'out');
    const c = capture(coreOnly);
    expect(await main(['report', '--out', dir], c.options)).toBe(0);
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    const data = JSON.parse(
      /<script type="application\/json" id="lslab-data">(.*?)<\/script>/s.exec(html)![1],
    );
    expect(data.chapters.map((c: { id: string }) => c.id)).toEqual([
      'know-it-all',
      'humility',
      'optimisation',
      'geometry',
      'regulariser',
      'rhythm',
      'your-model',
    ]);
    const cells = data.chapters.flatMap(
      (ch: { cells: { kind: string; prefix?: string; id?: string }[] }) => ch.cells,
    );
    expect(
      cells
        .filter((c: { kind: string }) => c.kind === 'missing')
        .map((c: { prefix: string }) => c.prefix),
    ).toEqual(['C4', 'C5', 'C5', 'C6', 'C8', 'C10', 'C11']);
    // C3 is shown in the first chapter and linked from the optimisation view
    expect(
      cells
        .filter((c: { id?: string }) => c.id === 'C3.finite-optimum')
        .map((c: { kind: string }) => c.kind),
    ).toEqual(['claim', 'see']);
  });

  it('--strict exits 1 when a check fails, 0 without it; the failing check is in the page', async () => {
    const a = capture([failing]);
    expect(await main(['report', '--out', join(tmp(), 'a')], a.options)).toBe(0);
    expect(a.out.join('\n')).toMatch(/X2\.does-not-hold\s+0\/1\s+DOES NOT HOLD/);
    const dir = join(tmp(), 'b');
    const b = capture([failing]);
    expect(await main(['report', '--strict', '--out', dir], b.options)).toBe(1);
    const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'));
    expect(results.claims[0].checks[0]).toMatchObject({ holds: false, comparison: 'equal' });
    expect(readdirSync(join(dir, 'figures'))).toEqual(['X2-points.svg']);
  });

  it('--seed replaces the seed of the claims that have one; the same seed gives byte-identical results.json', async () => {
    const run = async (seed: string) => {
      const dir = join(tmp(), 'r');
      const c = capture([coreOnly[0], failing]);
      expect(await main(['report', '--seed', seed, '--out', dir], c.options)).toBe(0);
      return readFileSync(join(dir, 'results.json'));
    };
    const [a, b, other] = [await run('5'), await run('5'), await run('6')];
    expect(a.equals(b)).toBe(true);
    expect(a.equals(other)).toBe(false);
    const parsed = JSON.parse(a.toString());
    expect(parsed.seed).toBe(5);
    expect(parsed.claims.find((r: { id: string }) => r.id === 'X2.does-not-hold').params).toEqual({
      a: 1,
      seed: 5,
    });
    expect(
      parsed.claims.find((r: { id: string }) => r.id === 'C1.smoothed-targets').params,
    ).toEqual({ alpha: 0.1, K: 3 });
  });

  it('--claims runs only the claims asked for, by prefix or id, and refuses an unknown one', async () => {
    const dir = join(tmp(), 'out');
    const c = capture(coreOnly);
    expect(
      await main(['report', '--claims', 'C1,C9.training-rhythm', '--out', dir], c.options),
    ).toBe(0);
    const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'));
    expect(results.claims.map((r: { id: string }) => r.id)).toEqual([
      'C1.smoothed-targets',
      'C9.training-rhythm',
    ]);
    const bad = capture(coreOnly);
    expect(await main(['report', '--claims', 'C99', '--out', dir], bad.options)).toBe(2);
    expect(bad.err.join('\n')).toMatch(/no claim C99/);
  });

  it('a claim that throws: exit 2, and the previous report is left as it was', async () => {
    const dir = join(tmp(), 'out');
    expect(await main(['report', '--out', dir], capture([failing]).options)).toBe(0);
    const before = readFileSync(join(dir, 'results.json'));
    const c = capture([failing, throwing]);
    expect(await main(['report', '--out', dir], c.options)).toBe(2);
    expect(c.err.join('\n')).toMatch(
      /claim X1\.throws \(@lslab\/test\) could not run: no data; nothing was written/,
    );
    expect(readFileSync(join(dir, 'results.json')).equals(before)).toBe(true);
    expect(readdirSync(join(dir, '..'))).toEqual(['out']);
  });

  it('refuses a symlink, a file, a device or a directory it did not write, at --out and --json', async () => {
    const root = tmp();
    const real = join(root, 'real');
    mkdirSync(real);
    symlinkSync(real, join(root, 'link'));
    writeFileSync(join(root, 'file'), 'x');
    mkdirSync(join(root, 'foreign'));
    writeFileSync(join(root, 'foreign', 'thesis.tex'), 'precious');
    const cases: [string[], RegExp][] = [
      [['--out', join(root, 'link')], /is a symbolic link; refusing to replace it/],
      [['--out', join(root, 'file')], /is a file; refusing/],
      [['--out', join(root, 'foreign')], /lslab did not write/],
      [['--out', join(root, 'ok'), '--json', join(root, 'link')], /is a symbolic link/],
      [['--out', join(root, 'ok'), '--json', '/dev/null'], /is a device/],
    ];
    for (const [args, message] of cases) {
      const c = capture([failing]);
      expect(await main(['report', ...args], c.options), args.join(' ')).toBe(2);
      expect(c.err.join('\n')).toMatch(message);
    }
    expect(readFileSync(join(root, 'foreign', 'thesis.tex'), 'utf8')).toBe('precious');
    expect(readdirSync(real)).toEqual([]);
    expect(existsSync(join(root, 'ok'))).toBe(false);
  });

  it('--json FILE writes the same bytes as results.json', async () => {
    const root = tmp();
    const c = capture([failing]);
    expect(
      await main(['report', '--out', join(root, 'r'), '--json', join(root, 'x.json')], c.options),
    ).toBe(0);
    expect(
      readFileSync(join(root, 'x.json')).equals(readFileSync(join(root, 'r', 'results.json'))),
    ).toBe(true);
  });

  it('--quiet prints only the last line', async () => {
    const c = capture([failing]);
    expect(await main(['report', '--quiet', '--out', join(tmp(), 'q')], c.options)).toBe(0);
    expect(c.out).toHaveLength(1);
    expect(c.out[0]).toMatch(/^Report: .*index\.html$/);
  });

  it('--help, --version, and bad arguments (exit 2 with a message)', async () => {
    const h = capture();
    expect(await main(['--help'], h.options)).toBe(0);
    expect(h.out.join('\n')).toMatch(/^Usage: lslab report \[options\]/);
    const v = capture();
    expect(await main(['--version'], v.options)).toBe(0);
    expect(v.out).toEqual([
      JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version,
    ]);
    const bad: [string[], RegExp][] = [
      [[], /a command is needed/],
      [['frobnicate'], /unknown command 'frobnicate'/],
      [['report', '--frobnicate'], /unknown argument '--frobnicate'/],
      [['report', '--json'], /--json needs a value/],
      [['report', '--seed', '1.5'], /--seed must be an integer/],
      [['report', '--format', 'xml', '--predictions', 'p.csv'], /--format must be csv or json/],
      [['report', '--logits'], /apply to --predictions/],
      [['report', '--quiet=yes'], /--quiet takes no value/],
    ];
    for (const [argv, message] of bad) {
      const c = capture();
      expect(await main(argv, c.options), argv.join(' ')).toBe(2);
      expect(c.err.join('\n')).toMatch(message);
    }
  });
});
