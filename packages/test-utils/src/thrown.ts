// The one helper that runs a call expected to fail and hands back its error.
// It recognises lslab's error by name, not by class, so that this package
// does not depend on @lslab/core (whose own tests use it).

/** What a test reads of an `LslabError` (core's class has these fields). */
export interface ThrownLslabError extends Error {
  readonly name: 'LslabError';
  readonly code: string;
  readonly fn: string;
  readonly details: {
    argument?: string;
    row?: number;
    column?: number;
    value?: unknown;
    line?: number;
  };
}

function describe(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  return String(e);
}

/**
 * Runs `f`, expects it to throw an `LslabError` (any code) and returns it, so
 * that the test can check its code, message and details. Fails with a message
 * that says what happened instead: nothing thrown, or another error (named,
 * with its message).
 *
 * @example
 * const e = thrown(() => softmax(fromRows([[0, Number.NaN]])));
 * e.code; // 'E_NOT_FINITE'
 */
export function thrown(f: () => unknown): ThrownLslabError {
  let error: unknown;
  try {
    f();
  } catch (e) {
    error = e;
    if (e !== null && typeof e === 'object' && (e as { name?: unknown }).name === 'LslabError') {
      return e as ThrownLslabError;
    }
  }
  if (error === undefined) throw new Error('expected an LslabError, but nothing was thrown');
  throw new Error(`expected an LslabError, but got ${describe(error)}`, { cause: error });
}

/**
 * Runs `f`, expects it to throw an `LslabError` with `code`, and returns the
 * error; fails naming the code it got otherwise.
 *
 * @example
 * thrownLslabError(() => softmax(fromRows([[0, Number.NaN]])), 'E_NOT_FINITE').details.row; // 0
 */
export function thrownLslabError(f: () => unknown, code: string): ThrownLslabError {
  const e = thrown(f);
  if (e.code !== code) throw new Error(`expected ${code}, got ${e.code}: ${e.message}`);
  return e;
}
