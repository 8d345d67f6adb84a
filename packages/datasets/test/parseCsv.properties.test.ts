import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../src/index.ts';

/** RFC 4180 writer: quote a field when it holds a comma, quote or line break. */
function writeCsv(rows: string[][], eol: string): string {
  const field = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  return rows.map((r) => r.map(field).join(',')).join(eol) + eol;
}

describe('parseCsv(text) properties', () => {
  it('reads back any table written with RFC 4180 quoting', () => {
    const cell = fc.string({
      unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r\n', ' ', '1', 'é'),
      maxLength: 6,
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((k) =>
          fc.tuple(
            fc.uniqueArray(
              fc.string({ unit: fc.constantFrom('x', 'y', 'z'), minLength: 1, maxLength: 3 }),
              {
                minLength: k,
                maxLength: k,
              },
            ),
            // a row made only of one empty field would be a blank line, which is skipped
            fc.array(
              fc.array(cell, { minLength: k, maxLength: k }).filter((r) => k > 1 || r[0] !== ''),
              {
                maxLength: 8,
              },
            ),
          ),
        ),
        fc.constantFrom('\n', '\r\n'),
        ([header, rows], eol) => {
          const t = parseCsv(writeCsv([header, ...rows], eol));
          expect(t.columns).toEqual(header);
          expect(t.rows).toEqual(rows);
        },
      ),
      { seed: 3, numRuns: 300 },
    );
  });
});
