import { MAX_PREDICTIONS_BYTES, MAX_PREDICTIONS_ROWS } from '../predictions/predictionsLimits.js';

/**
 * The limits of a predictions file opened in the page: the report's own. The
 * page refuses a larger file before reading it; the worker's reader (the
 * report's, `readPredictions`) checks both limits again before parsing.
 *
 * @example
 * PAGE_PREDICTIONS_LIMITS.rows; // 200000
 */
export const PAGE_PREDICTIONS_LIMITS = {
  bytes: MAX_PREDICTIONS_BYTES,
  rows: MAX_PREDICTIONS_ROWS,
} as const;
