import { LslabError } from '@lslab/core';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../src/index.ts';

function parseError(text: string): LslabError {
  try {
    parseCsv(text);
  } catch (e) {
    if (e instanceof LslabError) return e;
    throw e;
  }
  throw new Error('expected parseCsv to throw');
}

describe('parseCsv(text)', () => {
  it('reads a header, plain and quoted fields, and the line of each row', () => {
    const t = parseCsv('\ufeffa,b,c\r\n1,"x,""y""",\n\n"multi\nline",2,3\n');
    expect(t.columns).toEqual(['a', 'b', 'c']);
    expect(t.rows).toEqual([
      ['1', 'x,"y"', ''],
      ['multi\nline', '2', '3'],
    ]);
    // row 1 on line 2; line 3 is blank; row 2 starts on line 4 and spans two lines
    expect(t.lines).toEqual([2, 4]);
  });

  it('accepts a last line without a newline and CR line ends', () => {
    expect(parseCsv('a\r1\r2').rows).toEqual([['1'], ['2']]);
  });

  it('reports an unterminated quote with the line and field where it opened', () => {
    const e = parseError('a,b\n1,2\n3,"oops\n');
    expect(e.code).toBe('E_PARSE');
    expect(e.details.line).toBe(3);
    expect(e.details.column).toBe(1);
    expect(e.message).toContain('line 3, field 2');
  });

  it('reports a stray quote inside an unquoted field', () => {
    const e = parseError('a,b\n1,2"x\n');
    expect([e.code, e.details.line, e.details.column]).toEqual(['E_PARSE', 2, 1]);
    expect(e.message).toContain('line 2, field 2');
  });

  it('reports text after a closing quote', () => {
    const e = parseError('a\n"x"y\n');
    expect([e.code, e.details.line]).toEqual(['E_PARSE', 2]);
  });

  it('reports a row with the wrong number of fields', () => {
    const e = parseError('a,b\n1,2\n3\n');
    expect([e.code, e.details.line]).toEqual(['E_PARSE', 3]);
    expect(e.message).toContain('has 1 fields, expected 2');
  });

  it('reports a repeated column name', () => {
    expect(parseError('a,a\n1,2\n').code).toBe('E_PARSE');
  });

  it('throws E_EMPTY without a header and E_OPTION for a bad delimiter', () => {
    expect(parseError('\n\n').code).toBe('E_EMPTY');
    expect(() => parseCsv('a', '"')).toThrowError(expect.objectContaining({ code: 'E_OPTION' }));
  });
});
