import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { compile, type TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import type { SweepRow } from '../../src/sweep/readSweepRows.ts';
import { sweepCharts, sweepPoints } from '../../src/sweep/sweepCharts.ts';
import { grid, lslab, tmp } from './helpers.ts';

const row = (alpha: number, K: number, replicate: number, measured: number): SweepRow => ({
  cell: `K=${K},alpha=${alpha},replicate=${replicate}`,
  claim: 'C7.regulariser',
  params: { alpha, K },
  replicate,
  seed: replicate,
  kind: 'check',
  name: 'gap',
  expected: 2 * alpha,
  measured,
  holds: true,
});

describe('sweep charts', () => {
  it('a point is the mean over seeds with the 95% normal interval mean ± z·s/√n', () => {
    const rows = [row(0.1, 3, 0, 1), row(0.1, 3, 1, 2), row(0.1, 3, 2, 3), row(0.2, 3, 0, 5)];
    const [a, b] = sweepPoints(rows, 'alpha');
    // measurements 1, 2, 3: mean 2, s = 1; z = Φ⁻¹(0.975) = 1.959963984540054
    const half = 1.959963984540054 / Math.sqrt(3);
    const { expected, ...rest } = a;
    expect(rest).toEqual({ x: 0.1, group: 'K=3', mean: 2, lo: 2 - half, hi: 2 + half, seeds: 3 });
    // the mean of three 0.2s: a sum of 3 terms, within 3ε of 0.2
    expect(Math.abs((expected as number) - 0.2)).toBeLessThanOrEqual(3 * Number.EPSILON * 0.2);
    // one seed: no interval
    expect(b).toMatchObject({ x: 0.2, mean: 5, lo: 5, hi: 5, seeds: 1 });
  });

  it('specs are valid Vega-Lite and compile: one per check, coloured by the other parameters', () => {
    const rows = [0.1, 0.2, 0.3].flatMap((a) =>
      [3, 5].flatMap((K) => [0, 1].map((r) => row(a, K, r, a * K + r))),
    );
    const charts = sweepCharts(rows);
    expect(charts.map((c) => c.name)).toEqual(['sweep-1']);
    const schema = JSON.parse(
      readFileSync(new URL(import.meta.resolve('vega-lite/vega-lite-schema.json')), 'utf8'),
    );
    const validate = new Ajv({ strict: false, validateFormats: false }).compile(schema);
    expect(validate(charts[0].spec), JSON.stringify(validate.errors?.[0])).toBe(true);
    expect(() => compile(charts[0].spec as TopLevelSpec)).not.toThrow();
    expect((charts[0].spec as { data: { values: unknown[] } }).data.values).toHaveLength(6);
  }, 60_000); // compiling the Vega-Lite schema takes seconds

  it('lslab report --from-sweep adds the sweep chapter and its figures', async () => {
    const dir = tmp();
    const g = grid(
      dir,
      'g.yaml',
      'claim: C7\nreplicates: 2\nparams: { trials: 2 }\naxes: { alpha: [0.1, 0.3], K: [3] }\n',
    );
    await lslab(['sweep', '--grid', g, '--out', join(dir, 's')]);
    const merged = join(dir, 'rows.jsonl');
    await lslab(['merge', join(dir, 's'), '--out', merged]);
    const out = join(dir, 'report');
    const r = await lslab([
      'report',
      '--claims',
      'C1',
      '--from-sweep',
      merged,
      '--out',
      out,
      '--quiet',
    ]);
    expect(r.status, r.err).toBe(0);
    expect(existsSync(join(out, 'figures', 'sweep-1.svg'))).toBe(true);
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html).toContain('Sweep: C7.regulariser');
  }, 120_000);

  it('a file that is not sweep rows: E_PARSE with the line, nothing written', async () => {
    const dir = tmp();
    const bad = grid(
      dir,
      'rows.jsonl',
      '{"cell":"K=3","claim":"C1.smoothed-targets","params":{"K":3},"kind":"check"}\nnot json\n',
    );
    const r = await lslab([
      'report',
      '--claims',
      'C1',
      '--from-sweep',
      bad,
      '--out',
      join(dir, 'report'),
    ]);
    expect(r.status).toBe(2);
    expect(r.err).toContain(
      `lslab report --from-sweep: ${bad} line 2: is not JSON; nothing was written.`,
    );
    expect(existsSync(join(dir, 'report'))).toBe(false);
  });
});
