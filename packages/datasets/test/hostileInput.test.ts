import { thrown } from '@lslab/test-utils';
import { describe, expect, it } from 'vitest';
import {
  datasetFromCsv,
  datasetFromRecords,
  hashFeatures,
  MAX_JSON_DEPTH,
  MAX_TEXT_LENGTH,
  parseCsv,
  parseJsonRecords,
  penguinsFromJson,
} from '../src/index.ts';
import { loadSeattleWeather } from '../src/node/index.ts';

const CSV = 'date,temp_max,weather\n2012-01-01,12.8,rain\n2012-01-02,10.6,sun\n';

describe('unknown columns are named, with the columns there are', () => {
  it('datasetFromCsv: a misspelt feature', () => {
    const e = thrown(() => datasetFromCsv(CSV, { features: ['tmp_max'], label: 'weather' }));
    expect([e.code, e.fn, e.details.argument]).toEqual([
      'E_OPTION',
      'datasetFromCsv',
      'spec.features[0]',
    ]);
    expect(e.message).toBe(
      'datasetFromCsv: spec.features[0] = "tmp_max": is not a column of the data; the columns are "date", "temp_max", "weather"',
    );
  });

  it('datasetFromCsv: a misspelt label', () => {
    const e = thrown(() => datasetFromCsv(CSV, { features: ['temp_max'], label: 'wether' }));
    expect([e.code, e.details.argument]).toEqual(['E_OPTION', 'spec.label']);
    expect(e.message).toContain('the columns are "date", "temp_max", "weather"');
  });

  it('datasetFromRecords: a column no record has', () => {
    const e = thrown(() => datasetFromRecords([{ a: 1, c: 'x' }], { features: ['b'], label: 'c' }));
    expect([e.code, e.fn]).toEqual(['E_OPTION', 'datasetFromRecords']);
    expect(e.message).toContain('the columns are "a", "c"');
  });
});

describe('the readers name the call the user made', () => {
  it('a CSV syntax error inside datasetFromCsv names datasetFromCsv', () => {
    const e = thrown(() => datasetFromCsv('a,b\n1,"x\n', { features: ['a'], label: 'b' }));
    expect([e.code, e.fn, e.details.line]).toEqual(['E_PARSE', 'datasetFromCsv', 2]);
  });

  it('a penguins option that does not exist names penguinsFromJson', () => {
    const e = thrown(() => penguinsFromJson('[]', { sexx: true } as never));
    expect([e.code, e.fn, e.details.argument]).toEqual([
      'E_OPTION',
      'penguinsFromJson',
      'options.sexx',
    ]);
  });

  it('a split option the loader hands on is refused in the loader’s name, as the caller wrote it', () => {
    const f = thrown(() => loadSeattleWeather({ fractions: [0.5, 0.2] as never }));
    expect([f.code, f.fn, f.details.argument]).toEqual([
      'E_RANGE',
      'loadSeattleWeather',
      'options.fractions',
    ]);
    expect(f.message).toMatch(/^loadSeattleWeather: options\.fractions = \[0\.5,0\.2\]: /);
    // a string where a boolean belongs used to be taken as true
    const s = thrown(() => loadSeattleWeather({ stratify: 'no' as never }));
    expect([s.code, s.fn, s.details.argument]).toEqual([
      'E_OPTION',
      'loadSeattleWeather',
      'options.stratify',
    ]);
  });

  it('a loader option that does not exist names the loader', () => {
    const e = thrown(() => loadSeattleWeather({ sed: 1 } as never));
    expect([e.code, e.fn]).toEqual(['E_OPTION', 'loadSeattleWeather']);
    expect(e.message).toContain("did you mean 'seed'?");
  });
});

describe('wrong types and sizes get typed errors', () => {
  it('parseCsv and parseJsonRecords reject what is not a string', () => {
    for (const bad of [42, null, undefined, new Uint8Array(3), ['a']]) {
      expect(thrown(() => parseCsv(bad as never)).code).toBe('E_PARSE');
      expect(thrown(() => parseJsonRecords(bad as never)).code).toBe('E_PARSE');
    }
  });

  it('text longer than MAX_TEXT_LENGTH = 2^26 is E_RANGE, before parsing', () => {
    expect(MAX_TEXT_LENGTH).toBe(2 ** 26);
    const long = 'a'.repeat(MAX_TEXT_LENGTH + 1);
    expect(thrown(() => parseCsv(long)).code).toBe('E_RANGE');
    expect(thrown(() => parseJsonRecords(long)).code).toBe('E_RANGE');
  });

  it('JSON nested deeper than MAX_JSON_DEPTH = 64 is E_PARSE with its line, valid or not', () => {
    expect(MAX_JSON_DEPTH).toBe(64);
    const deep = `[\n${'['.repeat(2e5)}${']'.repeat(2e5)}]`;
    const e = thrown(() => parseJsonRecords(deep));
    expect([e.code, e.details.line]).toEqual(['E_PARSE', 2]);
    expect(thrown(() => parseJsonRecords('['.repeat(2e5))).code).toBe('E_PARSE');
    // 64 levels are read; brackets inside strings do not count
    const ok = `[{"a": ${'['.repeat(62)}${']'.repeat(62)}, "s": "${'['.repeat(100)}"}]`;
    expect(parseJsonRecords(ok)).toHaveLength(1);
  });

  it('datasetFromRecords rejects a string, a null record, no spec, no features and repeated classes', () => {
    const spec = { features: ['a'], label: 'c' };
    expect(thrown(() => datasetFromRecords('abc' as never, spec)).code).toBe('E_SHAPE');
    const nul = thrown(() => datasetFromRecords([{ a: 1, c: 'x' }, null as never], spec));
    expect([nul.code, nul.details.row]).toEqual(['E_PARSE', 1]);
    expect(thrown(() => datasetFromRecords([{ a: 1, c: 'x' }], undefined as never)).code).toBe(
      'E_OPTION',
    );
    expect(
      thrown(() => datasetFromRecords([{ a: 1, c: 'x' }], { features: [], label: 'c' })).code,
    ).toBe('E_SHAPE');
    const twice = thrown(() =>
      datasetFromRecords([{ a: 1, c: 'x' }], { ...spec, classNames: ['x', 'x', 'y'] }),
    );
    expect([twice.code, twice.details.column]).toEqual(['E_SHAPE', 1]);
    const typo = thrown(() =>
      datasetFromRecords([{ a: 1, c: 'x' }], { ...spec, labell: 'c' } as never),
    );
    expect([typo.code, typo.details.argument]).toEqual(['E_OPTION', 'spec.labell']);
  });

  it('hashFeatures rejects an unknown option and a non-array', () => {
    expect(thrown(() => hashFeatures([['a']], { dimensions: 16 } as never)).code).toBe('E_OPTION');
    expect(thrown(() => hashFeatures('abc' as never)).code).toBe('E_SHAPE');
  });
});
