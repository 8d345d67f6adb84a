import { readJsonRecords } from './internal/readJsonRecords.js';

/**
 * Parses JSON text that must hold an array of objects (one record each), as
 * in vega-datasets' `*.json` files, with the engine's `JSON.parse`. Nesting
 * deeper than `MAX_JSON_DEPTH` (64) levels is refused before parsing.
 *
 * @param text - JSON text, at most `MAX_TEXT_LENGTH` characters
 * @returns the records
 * @throws LslabError `E_PARSE` for text that is not a string, invalid JSON
 *   (with the line and character of the first syntax error), nesting deeper
 *   than the limit (with its line), a top level that is not an array, or an
 *   element that is not an object (its index as `row`); `E_RANGE` for text
 *   longer than the limit
 * @example
 * parseJsonRecords('[{"a": 1}, {"a": null}]'); // [{ a: 1 }, { a: null }]
 */
export function parseJsonRecords(text: string): Record<string, unknown>[] {
  return readJsonRecords('parseJsonRecords', text);
}
