import { LslabError } from '../errors.js';
import { checkFiniteVector } from '../validate/index.js';

/** @internal Applies a scalar function to a number or to every element of an array-like. */
export function elementwise(
  fn: string,
  z: number | ArrayLike<number>,
  f: (x: number) => number,
): number | Float64Array {
  if (typeof z === 'number') {
    if (!Number.isFinite(z))
      throw new LslabError('E_NOT_FINITE', fn, 'is not finite', { argument: 'z', value: z });
    return f(z);
  }
  checkFiniteVector(fn, 'z', z);
  const out = new Float64Array(z.length);
  for (let i = 0; i < z.length; i++) out[i] = f(z[i]);
  return out;
}
