import { LslabError, type LslabErrorCode } from '../../src/index.ts';

/**
 * Runs `f`, expects it to throw an {@link LslabError} with `code`, and returns
 * the error so the test can check its message and details.
 */
export function thrownLslabError(f: () => unknown, code: LslabErrorCode): LslabError {
  try {
    f();
  } catch (e) {
    if (!(e instanceof LslabError)) throw e;
    if (e.code !== code) throw new Error(`expected ${code}, got ${e.code}: ${e.message}`);
    return e;
  }
  throw new Error(`expected an LslabError ${code}, nothing was thrown`);
}
