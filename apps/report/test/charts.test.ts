import { readFileSync } from 'node:fs';
import { claims as coreClaims } from '@lslab/core/claims';
import { c5WeightGrowth } from '@lslab/margins/claims';
import { c10Stability, c11Lipschitz } from '@lslab/stability/claims';
import { Ajv } from 'ajv';
import { compile, type TopLevelSpec } from 'vega-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { OKABE_ITO } from '../src/charts/chartConfig.ts';
import { chartBuilders, chartsForClaim } from '../src/charts/chartsForClaim.ts';
import { renderSvg } from '../src/renderSvg.ts';

const schema = JSON.parse(
  readFileSync(new URL(import.meta.resolve('vega-lite/vega-lite-schema.json')), 'utf8'),
);
let validate: ReturnType<Ajv['compile']>;
beforeAll(() => {
  validate = new Ajv({ strict: false, validateFormats: false }).compile(schema);
}, 60_000); // compiling the whole Vega-Lite schema takes seconds

/** Numbers in an SVG rounded to 2 decimals, so that snapshots survive float noise. */
function rounded(svg: string): string {
  return svg.replace(/-?\d+\.\d+(e-?\d+)?/g, (m) => {
    const r = Number(Number(m).toFixed(2));
    return String(Object.is(r, -0) ? 0 : r);
  });
}

const c8 = JSON.parse(
  readFileSync(new URL('./fixtures/C8.smoothing-calibration.series.json', import.meta.url), 'utf8'),
);
/** The series of a claim too slow to run here, written by test/fixtures/makeMarginsFixtures.ts. */
function fixture(id: string): Record<string, object[]> {
  return JSON.parse(readFileSync(new URL(`./fixtures/${id}.series.json`, import.meta.url), 'utf8'));
}
const fast = [...coreClaims, c5WeightGrowth, c10Stability, c11Lipschitz];
const claims = [
  ...fast.map((c) => ({ id: c.id, series: c.run(c.defaults as never).series })),
  { id: 'C8.smoothing-calibration', series: c8 },
  { id: 'C4.saturation', series: fixture('C4.saturation') },
  { id: 'C6.optimal-margin', series: fixture('C6.optimal-margin') },
  // a claim with no builder: every series gets the generic chart
  {
    id: 'C12.new-claim',
    series: {
      curve: [
        { n: 10, error: 0.3, method: 'a' },
        { n: 100, error: 0.1, method: 'a' },
        { n: 10, error: 0.35, method: 'b' },
      ],
      bars: [
        { method: 'a', value: 1 },
        { method: 'b', value: 2 },
      ],
      labels: [{ method: 'a' }, { method: 'b' }],
    },
  },
];

describe('chartsForClaim(id, series)', () => {
  it('has a dedicated builder for every series of the claims that exist', () => {
    for (const c of claims.slice(0, -1)) {
      const prefix = c.id.split('.')[0];
      for (const name of Object.keys(c.series)) {
        expect(chartBuilders[prefix]?.[name], `${c.id} / ${name}`).toBeTypeOf('function');
      }
    }
  });

  for (const c of claims) {
    for (const chart of chartsForClaim(c.id, c.series)) {
      it(`${chart.name}: valid Vega-Lite, compiles, labelled, renders to the SVG snapshot`, async () => {
        const ok = validate(chart.spec);
        expect(ok, JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
        const warnings: string[] = [];
        const logger = {
          level: () => logger,
          error: (...m: unknown[]) => warnings.push(`error ${m.join(' ')}`),
          warn: (...m: unknown[]) => warnings.push(m.join(' ')),
          info: () => logger,
          debug: () => logger,
        };
        compile(chart.spec as TopLevelSpec, { logger: logger as never });
        expect(warnings.filter((w) => w.startsWith('error'))).toEqual([]);
        expect(chart.spec.config?.range?.category).toEqual([...OKABE_ITO]);
        expect(chart.caption.length).toBeGreaterThan(10);
        const text = JSON.stringify(chart.spec);
        expect(text).toMatch(/"tooltip"/);
        const svg = await renderSvg(chart.spec);
        expect(svg).toMatch(/^<svg/);
        // at least one mark was drawn
        expect(svg).toMatch(/class="mark-(symbol|line|rect|rule|area)/);
        await expect(rounded(svg)).toMatchFileSnapshot(`./__snapshots__/${chart.name}.svg`);
      });
    }
  }

  it('gives a generic chart to a series with no builder, and no chart to an empty series', () => {
    const charts = chartsForClaim('C12.new-claim', { a: [{ x: 1, y: 2 }], empty: [] });
    expect(charts.map((c) => c.name)).toEqual(['C12-a']);
    expect(charts[0].spec).toMatchObject({ mark: { type: 'point' } });
  });
});
