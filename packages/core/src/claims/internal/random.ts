/**
 * @internal A small seeded generator for the claims (xorshift32 with a
 * Weyl-sequence seed scramble). Core has no runtime dependencies, so the
 * claims cannot use `@lslab/models`; this is enough for test inputs.
 */
export interface ClaimRandom {
  /** Uniform in [0, 1). */
  uniform(): number;
  /** Uniform in [lo, hi). */
  between(lo: number, hi: number): number;
}

/** @internal Creates a deterministic generator from an integer seed. */
export function claimRandom(seed: number): ClaimRandom {
  let s = (Math.imul((seed | 0) ^ 0x5bd1e995, 0x9e3779b1) >>> 0) | 1;
  const next = (): number => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s;
  };
  for (let i = 0; i < 8; i++) next();
  const uniform = (): number => next() / 4294967296;
  return { uniform, between: (lo, hi) => lo + (hi - lo) * uniform() };
}

/** @internal Fills a Float64Array of length k with uniform values in [lo, hi). */
export function randomVector(rng: ClaimRandom, k: number, lo: number, hi: number): Float64Array {
  const out = new Float64Array(k);
  for (let i = 0; i < k; i++) out[i] = rng.between(lo, hi);
  return out;
}

/**
 * @internal A random distribution on k outcomes with every entry > 0:
 * normalised exponentials of uniform values in [−3, 3).
 */
export function randomDistribution(rng: ClaimRandom, k: number): Float64Array {
  const out = new Float64Array(k);
  let s = 0;
  for (let i = 0; i < k; i++) {
    out[i] = Math.exp(rng.between(-3, 3));
    s += out[i];
  }
  for (let i = 0; i < k; i++) out[i] /= s;
  return out;
}
