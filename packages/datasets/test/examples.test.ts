import { describe, expect, it } from 'vitest';
import {
  datasetFromCsv,
  datasetFromRecords,
  fnv1a32,
  parseCsv,
  parseJsonRecords,
  spamAssassinFromRecords,
  tokenizeEmail,
} from '../src/index.ts';

// Each case repeats the @example of a TSDoc comment and checks the result it states.
describe('TSDoc examples of @lslab/datasets', () => {
  it('parseCsv, parseJsonRecords, datasetFromCsv, datasetFromRecords', () => {
    expect(parseCsv('a,b\n1,"x,""y"""\n').rows).toEqual([['1', 'x,"y"']]);
    expect(parseJsonRecords('[{"a": 1}, {"a": null}]')).toEqual([{ a: 1 }, { a: null }]);
    const c = datasetFromCsv('t,w\n1.5,rain\n2,sun\n', { features: ['t'], label: 'w' });
    expect([c.classNames, Array.from(c.y)]).toEqual([
      ['rain', 'sun'],
      [0, 1],
    ]);
    const r = datasetFromRecords(
      [
        { a: 1, c: 'x' },
        { a: null, c: 'y' },
        { a: '3', c: 'y' },
      ],
      { features: ['a'], label: 'c' },
    );
    expect([r.x.rows, r.meta.dropped]).toEqual([2, { 'missing a': 1 }]);
  });

  it('fnv1a32, tokenizeEmail, spamAssassinFromRecords', () => {
    expect([fnv1a32(''), fnv1a32('a')]).toEqual([2166136261, 3826002220]);
    expect(tokenizeEmail('From: a@b.c\nSubject: Win $1000 NOW\n\nClick <b>here</b>!')).toEqual([
      'win',
      '1000',
      'now',
      'click',
      'here',
    ]);
    const ds = spamAssassinFromRecords([{ group: 'spam-1', text: 'Subject: win\n\ncash now' }]);
    expect([ds.x.cols, ds.y[0]]).toEqual([16384, 1]);
  });
});
