import type { Rng } from '../random/rng.js';

/** @internal A uniform value in [lo, hi). */
export function between(rng: Rng, lo: number, hi: number): number {
  return lo + (hi - lo) * rng.uniform();
}

/** @internal Fills a Float64Array of length k with uniform values in [lo, hi). */
export function randomVector(rng: Rng, k: number, lo: number, hi: number): Float64Array {
  const out = new Float64Array(k);
  for (let i = 0; i < k; i++) out[i] = between(rng, lo, hi);
  return out;
}

/**
 * @internal A random distribution on k outcomes with every entry > 0:
 * normalised exponentials of uniform values in [−3, 3).
 */
export function randomDistribution(rng: Rng, k: number): Float64Array {
  const out = new Float64Array(k);
  let s = 0;
  for (let i = 0; i < k; i++) {
    out[i] = Math.exp(between(rng, -3, 3));
    s += out[i];
  }
  for (let i = 0; i < k; i++) out[i] /= s;
  return out;
}

/** @internal A random direction of length 1 (normal entries, normalised). */
export function randomDirection(rng: Rng, k: number): Float64Array {
  const d = new Float64Array(k);
  let s = 0;
  for (let i = 0; i < k; i++) {
    d[i] = rng.normal();
    s += d[i] * d[i];
  }
  const n = Math.sqrt(s);
  for (let i = 0; i < k; i++) d[i] /= n;
  return d;
}
