import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LslabError } from '@lslab/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { main } from '../src/main.ts';
import { parseCsv } from '../src/predictions/parseTable.ts';
import {
  checkPredictionsBytes,
  checkPredictionsRows,
  MAX_PREDICTIONS_BYTES,
  MAX_PREDICTIONS_ROWS,
} from '../src/predictions/predictionsLimits.ts';
import { readPredictions } from '../src/predictions/readPredictions.ts';

function thrown(f: () => unknown): LslabError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(LslabError);
    return e as LslabError;
  }
  throw new Error('expected an LslabError');
}

const HEADER = 'label,p_a,p_b\n';
const rows = (n: number, eol = '\n') => `0,0.5,0.5${eol}`.repeat(n);

describe('the limits of a predictions file', () => {
  it('are 32 MiB and 200,000 rows', () => {
    expect(MAX_PREDICTIONS_BYTES).toBe(33_554_432);
    expect(MAX_PREDICTIONS_ROWS).toBe(200_000);
  });

  it('checkPredictionsBytes: the limit itself passes, one byte more is E_RANGE with the size', () => {
    expect(() => checkPredictionsBytes(MAX_PREDICTIONS_BYTES, 'p.csv')).not.toThrow();
    const e = thrown(() => checkPredictionsBytes(MAX_PREDICTIONS_BYTES + 1, 'p.csv'));
    expect(e.code).toBe('E_RANGE');
    expect(e.details).toEqual({ argument: 'p.csv', value: 33_554_433 });
    expect(e.message).toMatch(/is 33554433 bytes; the limit is 33554432 \(32 MiB\)/);
  });

  it('readPredictions refuses more bytes than the limit before decoding them', () => {
    // 0xff is not UTF-8: decoding first would give E_PARSE
    const bytes = new Uint8Array(MAX_PREDICTIONS_BYTES + 1).fill(0xff);
    expect(thrown(() => readPredictions(bytes, { name: 'big.csv' })).code).toBe('E_RANGE');
  });

  it('readPredictions refuses one row more than the limit before parsing (the broken last line is never reached)', () => {
    const text = `${HEADER}${rows(MAX_PREDICTIONS_ROWS + 1)}"unterminated\n`;
    const e = thrown(() => readPredictions(text, { name: 'many.csv' }));
    expect(e.code).toBe('E_RANGE');
    expect(e.message).toMatch(/many\.csv.*more than 200000 rows/);
    const json = `[${'{"label":0,"p_a":0.5,"p_b":0.5},'.repeat(MAX_PREDICTIONS_ROWS + 1)} oops`;
    expect(thrown(() => readPredictions(json, { name: 'many.json' })).code).toBe('E_RANGE');
  });

  it('exactly the limit of rows passes the check, in both formats', () => {
    expect(() =>
      checkPredictionsRows(`${HEADER}${rows(MAX_PREDICTIONS_ROWS)}`, 'csv', 'p.csv'),
    ).not.toThrow();
    const json = `[${Array(MAX_PREDICTIONS_ROWS).fill('{"label":0}').join(',')}]`;
    expect(() => checkPredictionsRows(json, 'json', 'p.json')).not.toThrow();
  });

  it('CSV: quoted line ends, CRLF, blank lines and a BOM do not count as rows', () => {
    const check = (text: string) => () => checkPredictionsRows(text, 'csv', 'p.csv', 3);
    expect(
      check('\ufefflabel,"p_a\nx\ny",p_b\r\n0,0.5,0.5\r\n\r\n\n0,"0.5\r\n",0.5\n0,0.5,0.5'),
    ).not.toThrow();
    expect(check(`label,p_a,p_b\r\n${rows(4, '\r\n')}`)).toThrow(/more than 3 rows/);
    expect(check(`label,p_a,p_b\r${rows(4, '\r')}`)).toThrow(/more than 3 rows/);
  });

  it('JSON: braces inside strings (escaped quotes too) and nested objects do not count', () => {
    const rec = '{"label":"a\\"{","p_a":{"x":{}},"p_b":"}{"}';
    expect(() => checkPredictionsRows(`[${rec},${rec}]`, 'json', 'p.json', 2)).not.toThrow();
    expect(() => checkPredictionsRows(`[${rec},${rec},${rec}]`, 'json', 'p.json', 2)).toThrow(
      /more than 2 rows/,
    );
  });

  it('property: the scan counts the rows parseCsv reads from any RFC 4180 table', () => {
    const field = fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', ' ', 'é') });
    const quote = (f: string) => (/[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(field, field), { minLength: 1, maxLength: 8 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        (table, eol) => {
          // a row of empty fields is a line of one comma, never blank
          const text = [['h1', 'h2'], ...table].map((r) => r.map(quote).join(',')).join(eol);
          const n = parseCsv(text).rows.length;
          expect(() => checkPredictionsRows(text, 'csv', 't', n)).not.toThrow();
          expect(() => checkPredictionsRows(text, 'csv', 't', n - 1)).toThrow(LslabError);
        },
      ),
      { seed: 3, numRuns: 500 },
    );
  });

  it('property: the scan counts the records JSON.parse reads', () => {
    const value = fc.jsonValue({ maxDepth: 3 });
    fc.assert(
      fc.property(fc.array(fc.dictionary(fc.string(), value), { maxLength: 6 }), (records) => {
        const text = JSON.stringify(records, null, records.length % 2 === 0 ? 0 : 1);
        const n = (JSON.parse(text) as unknown[]).length;
        expect(() => checkPredictionsRows(text, 'json', 't', n)).not.toThrow();
        if (n > 0) expect(() => checkPredictionsRows(text, 'json', 't', n - 1)).toThrow();
      }),
      { seed: 4, numRuns: 500 },
    );
  });

  it('lslab report --predictions refuses a file over the size limit from its size alone, and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lslab-limits-'));
    const file = join(dir, 'huge.csv');
    writeFileSync(file, '');
    truncateSync(file, MAX_PREDICTIONS_BYTES + 1); // sparse: no 32 MiB written
    const err: string[] = [];
    const status = await main(['report', '--out', join(dir, 'out'), '--predictions', file], {
      sources: [],
      threads: 1,
      stdout: () => {},
      stderr: (t) => err.push(t),
      progress: () => {},
    });
    expect(status).toBe(2);
    expect(err.join('\n')).toMatch(
      /huge\.csv.* is 33554433 bytes; the limit is 33554432 \(32 MiB\); nothing was written/,
    );
  });
});
