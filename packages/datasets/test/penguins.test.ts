import { EPS, expectClose } from '@lslab/test-utils';
import { describe, expect, it } from 'vitest';
import { loadPenguins } from '../src/node/index.ts';
import { columnStats, vegaFile } from './realData.helpers.ts';

// Verified by hand from vega-datasets 3.2.1 data/penguins.json
const KNOWN = {
  records: 344,
  kept: 342,
  counts: [151, 68, 123],
  withSex: 333,
  countsWithSex: [146, 68, 119],
};

const MEASUREMENTS = [
  'Beak Length (mm)',
  'Beak Depth (mm)',
  'Flipper Length (mm)',
  'Body Mass (g)',
];

describe('loadPenguins(options)', () => {
  const raw = JSON.parse(vegaFile('penguins.json')) as Record<string, unknown>[];
  const loaded = loadPenguins();

  it('drops the rows without measurements and records how many and why', () => {
    const complete = raw.filter((r) => MEASUREMENTS.every((k) => typeof r[k] === 'number'));
    const species = ['Adelie', 'Chinstrap', 'Gentoo'];
    const counts = species.map((s) => complete.filter((r) => r.Species === s).length);
    expect(raw.length).toBe(KNOWN.records);
    expect(complete.length).toBe(KNOWN.kept);
    expect(counts).toEqual(KNOWN.counts);
    expect(loaded.all.x.rows).toBe(KNOWN.kept);
    expect(loaded.all.meta.classCounts).toEqual(counts);
    expect(loaded.all.meta.rowsRead).toBe(KNOWN.records);
    expect(loaded.all.meta.dropped).toEqual({
      'missing Beak Length (mm)': raw.length - complete.length,
    });
    expect((loaded.all.meta.cleaning as string[]).some((s) => s.includes('dropped 2 row(s)'))).toBe(
      true,
    );
  });

  it('with sex: keeps the 333 complete cases', () => {
    const complete = raw.filter(
      (r) =>
        MEASUREMENTS.every((k) => typeof r[k] === 'number') &&
        (r.Sex === 'MALE' || r.Sex === 'FEMALE'),
    );
    const p = loadPenguins({ sex: true, island: true });
    expect(complete.length).toBe(KNOWN.withSex);
    expect(p.all.x.rows).toBe(KNOWN.withSex);
    expect(p.all.meta.classCounts).toEqual(KNOWN.countsWithSex);
    expect(p.all.featureNames.slice(4)).toEqual([
      'male',
      'island=Biscoe',
      'island=Dream',
      'island=Torgersen',
    ]);
    // first record: Adelie, Torgersen, 39.1, 18.7, 181, 3750, MALE
    expect(Array.from(p.all.x.data.subarray(0, 8))).toEqual([39.1, 18.7, 181, 3750, 1, 0, 0, 1]);
  });

  it('has no NaN and standardises with training statistics only', () => {
    const { all, train, standardization } = loaded;
    for (const part of [all, train, loaded.validation, loaded.test]) {
      expect(part.x.data.every(Number.isFinite)).toBe(true);
    }
    const idx = train.meta.indices as number[];
    for (let j = 0; j < 4; j++) {
      const s = columnStats(all.x.data, 4, idx, j);
      expectClose(standardization!.mean[j], s.mean, { rtol: 1e-12 / EPS });
      expectClose(standardization!.std[j], s.std, { rtol: 1e-12 / EPS });
      // standardised training column: mean 0, population std 1
      const z = columnStats(
        train.x.data,
        4,
        Array.from({ length: train.x.rows }, (_, i) => i),
        j,
      );
      expect(Math.abs(z.mean)).toBeLessThan(1e-12);
      expectClose(z.std, 1, { rtol: 1e-12 / EPS });
    }
  });
});
