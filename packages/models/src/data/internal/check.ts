import { LslabError } from '@lslab/core';

/** @internal Throws E_RANGE unless `n` is an integer ≥ `min`. */
export function checkInt(fn: string, name: string, n: number, min: number): void {
  if (!Number.isInteger(n) || n < min) {
    throw new LslabError('E_RANGE', fn, `must be an integer ≥ ${min}`, {
      argument: name,
      value: n,
    });
  }
}

/** @internal Throws E_NOT_FINITE / E_RANGE unless `v` is finite and within [lo, hi]. */
export function checkNumber(fn: string, name: string, v: number, lo: number, hi: number): void {
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw new LslabError('E_NOT_FINITE', fn, 'is not finite', { argument: name, value: v });
  }
  if (v < lo || v > hi) {
    throw new LslabError('E_RANGE', fn, `must lie in [${lo}, ${hi}]`, { argument: name, value: v });
  }
}

/** @internal Throws E_NOT_FINITE unless every entry of `a` is finite. */
export function checkFiniteArray(fn: string, name: string, a: ArrayLike<number>, cols = 0): void {
  for (let i = 0; i < a.length; i++) {
    if (!Number.isFinite(a[i])) {
      const where = cols > 0 ? { row: Math.floor(i / cols), column: i % cols } : { row: i };
      throw new LslabError('E_NOT_FINITE', fn, 'is not finite', {
        argument: name,
        ...where,
        value: a[i],
      });
    }
  }
}
