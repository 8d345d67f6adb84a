import { readCsv } from './internal/readCsv.js';

/** The table read by {@link parseCsv}. */
export interface CsvTable {
  /** Column names from the header line. */
  readonly columns: readonly string[];
  /** Data rows; each has `columns.length` fields, as strings. */
  readonly rows: readonly (readonly string[])[];
  /** One-based line on which each data row starts. */
  readonly lines: readonly number[];
}

/**
 * Parses comma-separated text with a header line (RFC 4180), with the sync
 * API of csv-parse: fields may be wrapped in double quotes, a quote inside a
 * quoted field is written `""`, and quoted fields may span lines. Lines end in
 * LF, CRLF or CR (mixed ends are accepted); a leading BOM and blank lines are
 * skipped. Fields are not trimmed or converted.
 *
 * @param text - the whole file, at most {@link MAX_TEXT_LENGTH} characters
 * @param delimiter - one character other than a quote or a line end, default `','`
 * @returns header, rows and the line each row starts on
 * @throws LslabError `E_PARSE` with the one-based `line` and the zero-based
 *   field index as `column` for an unterminated quote, a stray quote, text
 *   after a closing quote, a row with the wrong number of fields or a repeated
 *   column name, and for text that is not a string; `E_RANGE` for text longer
 *   than the limit; `E_EMPTY` for text without a header line; `E_OPTION` for a
 *   bad delimiter
 * @example
 * parseCsv('a,b\n1,"x,""y"""\n').rows; // [['1', 'x,"y"']]
 */
export function parseCsv(text: string, delimiter = ','): CsvTable {
  return readCsv('parseCsv', text, delimiter);
}
