import { LslabError } from '@lslab/core';

/** The table read by {@link parseCsv}. */
export interface CsvTable {
  /** Column names from the header line. */
  readonly columns: readonly string[];
  /** Data rows; each has `columns.length` fields, as strings. */
  readonly rows: readonly (readonly string[])[];
  /** One-based line on which each data row starts. */
  readonly lines: readonly number[];
}

function fail(line: number, field: number, char: number, problem: string): never {
  const at = char > 0 ? `line ${line}, character ${char}` : `line ${line}`;
  throw new LslabError('E_PARSE', 'parseCsv', `${problem} (${at})`, {
    argument: 'text',
    line,
    column: field,
  });
}

/**
 * Parses comma-separated text with a header line (RFC 4180): fields may be
 * wrapped in double quotes, a quote inside a quoted field is written `""`, and
 * quoted fields may span lines. Lines end in LF, CRLF or CR; a leading BOM and
 * blank lines are skipped. Fields are not trimmed or converted.
 *
 * @param text - the whole file
 * @param delimiter - one character, default `','`
 * @returns header, rows and the line each row starts on
 * @throws LslabError `E_PARSE` with the one-based `line` and the zero-based
 *   field index as `column` (the message also gives the character position) for
 *   an unterminated quote, a stray quote, text after a closing quote, a row
 *   with the wrong number of fields or a repeated column name; `E_EMPTY` for
 *   text without a header line
 * @example
 * parseCsv('a,b\n1,"x,""y"""\n').rows; // [['1', 'x,"y"']]
 */
export function parseCsv(text: string, delimiter = ','): CsvTable {
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
    throw new LslabError(
      'E_OPTION',
      'parseCsv',
      'must be one character other than a quote or a line end',
      {
        argument: 'delimiter',
        value: delimiter,
      },
    );
  }
  const records: string[][] = [];
  const starts: number[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let lineStart = i;
  const n = text.length;
  while (i < n) {
    const c0 = text[i];
    if (c0 === '\n' || c0 === '\r') {
      // blank line
      i += c0 === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      lineStart = i;
      continue;
    }
    const fields: string[] = [];
    const startLine = line;
    for (;;) {
      let value = '';
      if (text[i] === '"') {
        const qLine = line;
        const qChar = i - lineStart + 1;
        i++;
        for (;;) {
          if (i >= n) fail(qLine, fields.length, qChar, 'unterminated quoted field');
          const c = text[i];
          if (c === '"') {
            if (text[i + 1] === '"') {
              value += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
            line++;
            lineStart = i + 1;
          }
          value += c;
          i++;
        }
        if (i < n && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') {
          fail(
            line,
            fields.length,
            i - lineStart + 1,
            `unexpected ${JSON.stringify(text[i])} after a closing quote`,
          );
        }
      } else {
        const s = i;
        while (i < n && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') {
          if (text[i] === '"')
            fail(line, fields.length, i - lineStart + 1, 'quote inside an unquoted field');
          i++;
        }
        value = text.slice(s, i);
      }
      fields.push(value);
      if (i < n && text[i] === delimiter) {
        i++;
        continue;
      }
      if (i < n) {
        i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
        line++;
        lineStart = i;
      }
      break;
    }
    records.push(fields);
    starts.push(startLine);
  }
  if (records.length === 0) {
    throw new LslabError('E_EMPTY', 'parseCsv', 'has no header line', { argument: 'text' });
  }
  const columns = records[0];
  const seen = new Set<string>();
  for (let j = 0; j < columns.length; j++) {
    if (seen.has(columns[j]))
      fail(starts[0], j, 0, `repeats the column name ${JSON.stringify(columns[j])}`);
    seen.add(columns[j]);
  }
  for (let r = 1; r < records.length; r++) {
    if (records[r].length !== columns.length) {
      fail(
        starts[r],
        Math.min(records[r].length, columns.length),
        0,
        `has ${records[r].length} fields, expected ${columns.length} as in the header`,
      );
    }
  }
  return { columns, rows: records.slice(1), lines: starts.slice(1) };
}
