import { Worst } from './worst.js';

/** @internal Euclidean norm of a vector. */
export function norm(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  return Math.sqrt(s);
}

/** @internal max_i |a_i − b_i|; NaN for empty vectors or when any difference is NaN. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const w = new Worst();
  for (let i = 0; i < a.length; i++) w.add(Math.abs(a[i] - b[i]));
  return w.value;
}

/** @internal The one-hot vector e_y of length k. */
export function oneHot(k: number, y: number): Float64Array {
  const e = new Float64Array(k);
  e[y] = 1;
  return e;
}

/** @internal Natural log of every entry (logits that reproduce a distribution). */
export function logOf(p: ArrayLike<number>): Float64Array {
  const z = new Float64Array(p.length);
  for (let i = 0; i < p.length; i++) z[i] = Math.log(p[i]);
  return z;
}
