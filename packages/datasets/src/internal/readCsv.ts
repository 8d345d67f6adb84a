import { LslabError } from '@lslab/core';
import { CsvError, parse } from 'csv-parse/browser/esm/sync';
import type { CsvTable } from '../parseCsv.js';
import { checkText } from './checkText.js';

/** What csv-parse's error codes mean, in the words of this package. */
const PROBLEMS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'unterminated quoted field',
  INVALID_OPENING_QUOTE: 'quote inside an unquoted field',
  CSV_INVALID_CLOSING_QUOTE: 'unexpected text after a closing quote',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'unexpected text after a closing quote',
};

/** @internal `parseCsv` with `fn`, the function the user called, named in its errors. */
export function readCsv(fn: string, text: string, delimiter = ','): CsvTable {
  checkText(fn, text);
  if (
    typeof delimiter !== 'string' ||
    delimiter.length !== 1 ||
    delimiter === '"' ||
    delimiter === '\n' ||
    delimiter === '\r'
  ) {
    throw new LslabError('E_OPTION', fn, 'must be one character other than a quote or a line end', {
      argument: 'delimiter',
      value: delimiter,
    });
  }
  let parsed: { record: string[]; info: { lines: number; empty_lines: number } }[];
  try {
    parsed = parse(text, {
      bom: true,
      delimiter,
      record_delimiter: ['\r\n', '\n', '\r'],
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
    }) as unknown as typeof parsed;
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    const line = (e as CsvError & { lines: number }).lines;
    const column = (e as CsvError & { column?: number }).column ?? 0;
    fail(fn, line, column, PROBLEMS[e.code] ?? e.message);
  }
  if (parsed.length === 0) {
    throw new LslabError('E_EMPTY', fn, 'has no header line', { argument: 'text' });
  }
  // a row starts on the line after the previous row ends, past the blank lines skipped between
  const starts: number[] = [];
  let end = 0;
  let blanks = 0;
  for (const { info } of parsed) {
    const lines = info.lines;
    starts.push(end + 1 + (info.empty_lines - blanks));
    end = lines;
    blanks = info.empty_lines;
  }
  const columns = parsed[0].record;
  const seen = new Set<string>();
  for (let j = 0; j < columns.length; j++) {
    if (seen.has(columns[j]))
      fail(fn, starts[0], j, `repeats the column name ${JSON.stringify(columns[j])}`);
    seen.add(columns[j]);
  }
  for (let r = 1; r < parsed.length; r++) {
    const got = parsed[r].record.length;
    if (got !== columns.length) {
      fail(
        fn,
        starts[r],
        Math.min(got, columns.length),
        `has ${got} fields, expected ${columns.length} as in the header`,
      );
    }
  }
  return {
    columns,
    rows: parsed.slice(1).map((p) => p.record),
    lines: starts.slice(1),
  };
}

function fail(fn: string, line: number, field: number, problem: string): never {
  throw new LslabError('E_PARSE', fn, `${problem} (line ${line}, field ${field + 1})`, {
    argument: 'text',
    line,
    column: field,
  });
}
