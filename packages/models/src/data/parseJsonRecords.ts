import { LslabError } from '@lslab/core';
import { jsonErrorOffset } from './internal/jsonErrorOffset.js';

function position(text: string): { line: number; char: number } {
  const at = jsonErrorOffset(text);
  let line = 1;
  let start = 0;
  for (let i = 0; i < at && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      start = i + 1;
    }
  }
  return { line, char: at - start + 1 };
}

/**
 * Parses JSON text that must hold an array of objects (one record each), as
 * in vega-datasets' `*.json` files.
 *
 * @param text - JSON text
 * @returns the records
 * @throws LslabError `E_PARSE` for invalid JSON (with the line and character
 *   of the first syntax error), a top level that is not an array, or an element that
 *   is not an object (its index as `row`)
 * @example
 * parseJsonRecords('[{"a": 1}, {"a": null}]'); // [{ a: 1 }, { a: null }]
 */
export function parseJsonRecords(text: string): Record<string, unknown>[] {
  const fn = 'parseJsonRecords';
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const at = position(text);
    throw new LslabError(
      'E_PARSE',
      fn,
      `is not valid JSON (line ${at.line}, character ${at.char}): ${msg}`,
      { argument: 'text', line: at.line },
    );
  }
  if (!Array.isArray(value)) {
    throw new LslabError('E_PARSE', fn, 'is not a JSON array of records', { argument: 'text' });
  }
  for (let i = 0; i < value.length; i++) {
    const r = value[i];
    if (r === null || typeof r !== 'object' || Array.isArray(r)) {
      throw new LslabError('E_PARSE', fn, 'is not an object', {
        argument: 'text',
        row: i,
        value: r,
      });
    }
  }
  return value as Record<string, unknown>[];
}
