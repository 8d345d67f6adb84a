import { LslabError } from '@lslab/core';
import { expect } from 'vitest';

/** The LslabError that `fn` throws (fails the test if it throws nothing or something else). */
export function thrown(fn: () => unknown): LslabError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(LslabError);
    return e as LslabError;
  }
  throw new Error('expected an LslabError, nothing was thrown');
}
