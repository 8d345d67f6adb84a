import { LslabError } from '@lslab/core';
import { MAX_PREDICTIONS_BYTES, MAX_PREDICTIONS_ROWS } from '../predictions/readPredictions.js';

/** The limits of a predictions file opened in the page: the report's own. */
export const PAGE_PREDICTIONS_LIMITS = {
  bytes: MAX_PREDICTIONS_BYTES,
  rows: MAX_PREDICTIONS_ROWS,
} as const;

/**
 * Refuses a predictions file over the size or row limit before it is parsed:
 * the size as the browser reported it, then the count of line breaks (a cheap
 * upper bound of the rows plus the header).
 *
 * @param name - the file's name, for the message
 * @param bytes - its size in bytes
 * @param text - its text
 * @throws LslabError `E_RANGE` naming the file, its size or line count and the limit
 * @example
 * checkPredictionsSize('p.csv', 10, 'label,p_a,p_b\n0,1,0\n'); // passes
 */
export function checkPredictionsSize(name: string, bytes: number, text: string): void {
  const fn = 'the page’s predictions reader';
  if (!(bytes <= PAGE_PREDICTIONS_LIMITS.bytes)) {
    throw new LslabError(
      'E_RANGE',
      fn,
      `is ${bytes} bytes; the limit is ${PAGE_PREDICTIONS_LIMITS.bytes} bytes`,
      { argument: name, value: bytes },
    );
  }
  let breaks = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    breaks++;
    if (breaks > PAGE_PREDICTIONS_LIMITS.rows + 1) {
      throw new LslabError(
        'E_RANGE',
        fn,
        `has more than ${PAGE_PREDICTIONS_LIMITS.rows + 1} lines; the limit is ${PAGE_PREDICTIONS_LIMITS.rows} rows`,
        { argument: name },
      );
    }
  }
}
