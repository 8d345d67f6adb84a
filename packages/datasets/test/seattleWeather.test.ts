import type { LslabError } from '@lslab/core';
import { EPS, expectClose } from '@lslab/test-utils';
import { describe, expect, it } from 'vitest';
import { seattleWeatherFromCsv } from '../src/index.ts';
import { loadSeattleWeather } from '../src/node/index.ts';
import { columnStats, vegaFile } from './realData.helpers.ts';

// Verified by hand from vega-datasets 3.2.1 data/seattle-weather.csv
const KNOWN = { rows: 1461, counts: { drizzle: 53, fog: 101, rain: 641, snow: 26, sun: 640 } };

describe('loadSeattleWeather(options)', () => {
  const raw = vegaFile('seattle-weather.csv');
  const loaded = loadSeattleWeather();
  const { all } = loaded;

  it('has the known row and class counts, also counted from the raw file', () => {
    const lines = raw.split('\n').filter((l) => l.trim() !== '');
    const counts: Record<string, number> = {};
    for (const l of lines.slice(1)) {
      const w = l.split(',').at(-1)!.trim();
      counts[w] = (counts[w] ?? 0) + 1;
    }
    expect(lines.length - 1).toBe(KNOWN.rows);
    expect(counts).toEqual(KNOWN.counts);
    expect(all.x.rows).toBe(KNOWN.rows);
    expect(all.classNames).toEqual(['drizzle', 'fog', 'rain', 'snow', 'sun']);
    expect(all.meta.classCounts).toEqual(all.classNames.map((c) => counts[c]));
    expect(all.featureNames).toEqual([
      'precipitation',
      'temp_max',
      'temp_min',
      'wind',
      'doy_sin',
      'doy_cos',
    ]);
  });

  it('encodes the season from the date: 2012-01-01 → (0, 1), 2012-04-01 → angle 2π·91/366', () => {
    // 2012 is a leap year: Jan 31 + Feb 29 + Mar 31 = 91 days before April 1
    const lines = raw.split('\n');
    const r = lines.findIndex((l) => l.startsWith('2012-04-01')) - 1;
    const d = all.x.cols;
    expect([all.x.data[4], all.x.data[5]]).toEqual([0, 1]);
    expectClose(all.x.data[r * d + 4], Math.sin((2 * Math.PI * 91) / 366), { rtol: 4 });
    expectClose(all.x.data[r * d + 5], Math.cos((2 * Math.PI * 91) / 366), { rtol: 4 });
    // the raw numeric columns are copied as written: 2012-01-02,10.9,10.6,2.8,4.5,rain
    expect(Array.from(all.x.data.subarray(d, d + 4))).toEqual([10.9, 10.6, 2.8, 4.5]);
  });

  it('has no NaN in any part', () => {
    for (const part of [all, loaded.train, loaded.validation, loaded.test]) {
      expect(part.x.data.every(Number.isFinite)).toBe(true);
    }
  });

  it('splits stratified by the documented rule: round(0.6·m), round(0.2·m), rest', () => {
    const m = all.meta.classCounts!;
    expect(loaded.train.meta.classCounts).toEqual(m.map((c) => Math.round(0.6 * c)));
    expect(loaded.validation.meta.classCounts).toEqual(m.map((c) => Math.round(0.2 * c)));
    expect(loaded.test.meta.classCounts).toEqual(
      m.map((c) => c - Math.round(0.6 * c) - Math.round(0.2 * c)),
    );
  });

  it('standardises with statistics of the training rows only', () => {
    const idx = loaded.train.meta.indices as number[];
    const d = all.x.cols;
    const allRows = Array.from({ length: all.x.rows }, (_, i) => i);
    for (let j = 0; j < d; j++) {
      const tr = columnStats(all.x.data, d, idx, j);
      const full = columnStats(all.x.data, d, allRows, j);
      expectClose(loaded.standardization!.mean[j], tr.mean, { rtol: 1e-12 / EPS, atol: 1e-14 });
      expectClose(loaded.standardization!.std[j], tr.std, { rtol: 1e-12 / EPS });
      expect(Math.abs(tr.mean - full.mean)).toBeGreaterThan(1e-9);
      // a test row is transformed with the same training statistics
      const t = (loaded.test.meta.indices as number[])[3];
      expectClose(loaded.test.x.data[3 * d + j], (all.x.data[t * d + j] - tr.mean) / tr.std, {
        rtol: 1e-12 / EPS,
        atol: 1e-14,
      });
    }
  });

  it('is deterministic in the seed', () => {
    expect(loadSeattleWeather({ seed: 0 }).train.meta.indices).toEqual(loaded.train.meta.indices);
    expect(loadSeattleWeather({ seed: 1 }).train.meta.indices).not.toEqual(
      loaded.train.meta.indices,
    );
  });

  it('rejects bad split fractions with E_RANGE and a bad date with E_PARSE', () => {
    expect(() => loadSeattleWeather({ fractions: [0.7, 0.2, 0.2] })).toThrowError(
      expect.objectContaining({ code: 'E_RANGE' }),
    );
    const bad = 'date,precipitation,temp_max,temp_min,wind,weather\n2012-02-30,0,1,1,1,sun\n';
    try {
      seattleWeatherFromCsv(bad);
      throw new Error('expected a throw');
    } catch (e) {
      expect((e as LslabError).code).toBe('E_PARSE');
    }
  });
});
