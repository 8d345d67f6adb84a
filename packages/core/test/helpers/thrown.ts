import { LslabError, type LslabErrorCode } from '../../src/index.ts';

/** Runs `f`, expects it to throw an {@link LslabError}, and returns it (any code). */
export function thrown(f: () => unknown): LslabError {
  try {
    f();
  } catch (e) {
    if (e instanceof LslabError) return e;
    throw e;
  }
  throw new Error('expected an LslabError, nothing was thrown');
}

/**
 * Runs `f`, expects it to throw an {@link LslabError} with `code`, and returns
 * the error so the test can check its message and details.
 */
export function thrownLslabError(f: () => unknown, code: LslabErrorCode): LslabError {
  const e = thrown(f);
  if (e.code !== code) throw new Error(`expected ${code}, got ${e.code}: ${e.message}`);
  return e;
}
