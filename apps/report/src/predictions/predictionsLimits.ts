import { LslabError } from '@lslab/core';

/** The largest predictions file the report reads, in bytes (32 MiB). */
export const MAX_PREDICTIONS_BYTES = 32 * 1024 * 1024;
/** The most data rows (CSV lines after the header, or JSON records) the report reads. */
export const MAX_PREDICTIONS_ROWS = 200_000;

const FN = 'lslab report --predictions';

/**
 * Refuses a predictions file larger than {@link MAX_PREDICTIONS_BYTES}, before
 * it is read: the CLI passes the size from `stat`, a page the size of a
 * dropped file.
 *
 * @param bytes - the file's size in bytes, ≥ 0
 * @param name - the file as the user named it, for the message
 * @throws LslabError `E_RANGE` when `bytes` > {@link MAX_PREDICTIONS_BYTES}
 * @example
 * checkPredictionsBytes(40 * 2 ** 20, 'p.csv'); // throws: is 41943040 bytes; the limit is 33554432 (32 MiB)
 */
export function checkPredictionsBytes(bytes: number, name: string): void {
  if (bytes > MAX_PREDICTIONS_BYTES) {
    throw new LslabError(
      'E_RANGE',
      FN,
      `is ${bytes} bytes; the limit is ${MAX_PREDICTIONS_BYTES} (32 MiB)`,
      { argument: name, value: bytes },
    );
  }
}

/**
 * Counts the records of CSV text (header included) without building them: a
 * line end outside double quotes ends a record, empty lines are skipped, a
 * quoted field may span lines (RFC 4180). Stops once the count passes `stop`.
 */
function csvRecordsUpTo(text: string, stop: number): number {
  let records = 0;
  let quoted = false;
  let filled = false;
  for (let i = 0; i < text.length && records <= stop; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted; // '"'; a doubled quote toggles twice
    if (!quoted && (c === 10 || c === 13)) {
      if (filled) records++;
      filled = false;
    } else if (c !== 0xfeff) filled = true;
  }
  return filled ? records + 1 : records;
}

/**
 * Counts the objects directly inside the top-level JSON array without parsing
 * them: an `{` at depth 1, outside strings. Stops once the count passes `stop`.
 */
function jsonRecordsUpTo(text: string, stop: number): number {
  let records = 0;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length && records <= stop; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      if (c === '{' && depth === 1) records++;
      depth++;
    } else if (c === ']' || c === '}') depth--;
  }
  return records;
}

/**
 * Refuses predictions text with more than `limit` data rows before it is
 * parsed: the records are counted by a scan that builds nothing (CSV: line
 * ends outside quotes, blank lines skipped, minus the header; JSON: objects
 * in the top-level array) and stops at the limit.
 *
 * @param text - the whole file as text
 * @param format - `'csv'` or `'json'`
 * @param name - the file as the user named it, for the message
 * @param limit - the most data rows, default {@link MAX_PREDICTIONS_ROWS}
 * @throws LslabError `E_RANGE` when the file has more rows than `limit`
 * @example
 * checkPredictionsRows('label,p_a,p_b\n0,0.5,0.5\n', 'csv', 'p.csv'); // passes: 1 row
 * checkPredictionsRows('label,p_a,p_b\n0,0.5,0.5\n', 'csv', 'p.csv', 0); // throws E_RANGE
 */
export function checkPredictionsRows(
  text: string,
  format: 'csv' | 'json',
  name: string,
  limit = MAX_PREDICTIONS_ROWS,
): void {
  const rows =
    format === 'json' ? jsonRecordsUpTo(text, limit) : csvRecordsUpTo(text, limit + 1) - 1;
  if (rows > limit) {
    throw new LslabError(
      'E_RANGE',
      FN,
      `has more than ${limit} rows (the limit), counted before parsing`,
      { argument: name },
    );
  }
}
