import { LslabError } from '@lslab/core';

/**
 * The longest text the readers accept, in UTF-16 code units: 2^26 (64 Mi),
 * a bound on the memory one call may take (the text, its records and the data
 * set built from them). The bundled files are far smaller (the largest, a
 * SpamAssassin message list, is under 1 MB).
 */
export const MAX_TEXT_LENGTH = 2 ** 26;

/** @internal Checks that `text` is a string of at most {@link MAX_TEXT_LENGTH} code units. */
export function checkText(fn: string, text: unknown, name = 'text'): string {
  if (typeof text !== 'string') {
    const got = text === null ? 'null' : Array.isArray(text) ? 'an array' : typeof text;
    throw new LslabError('E_PARSE', fn, `is not a string (got ${got})`, { argument: name });
  }
  if (text.length > MAX_TEXT_LENGTH) {
    throw new LslabError(
      'E_RANGE',
      fn,
      `is ${text.length} characters long; the limit is ${MAX_TEXT_LENGTH} (2^26)`,
      { argument: name },
    );
  }
  return text;
}
