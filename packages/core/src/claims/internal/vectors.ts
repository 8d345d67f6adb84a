/** @internal Euclidean norm of a vector. */
export function norm(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  return Math.sqrt(s);
}

/** @internal max_i |a_i − b_i|. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    m = worse(m, Math.abs(a[i] - b[i]));
  }
  return m;
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

/** @internal The larger of two numbers, where NaN counts as the largest and sticks. */
export function worse(current: number, candidate: number): number {
  return Number.isNaN(current) || candidate <= current ? current : candidate;
}
