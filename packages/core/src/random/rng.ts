import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';
import { LslabError } from '../errors.js';
import { checkSeed } from '../validate/checkSeed.js';
import { deriveState, fmix32 } from './derive.js';
import { portableLog, portableSinCos2Pi } from './portableMath.js';

/**
 * The seeded random generator every lslab function takes. Built on
 * pure-rand's xoroshiro128+ (53-bit uniforms); nothing in lslab uses
 * `Math.random`. Same seed, same sequence, bit for bit, in every engine:
 * uniforms come from integer arithmetic, and normals use a logarithm and
 * sine/cosine built from basic IEEE operations (not `Math.log`/`Math.cos`,
 * whose last bit ECMAScript leaves to the engine) plus `Math.sqrt`, which is
 * correctly rounded everywhere.
 *
 * The generator is mutable: each draw advances it. {@link Rng.split} hands out
 * an independent stream (2^64 draws apart) and {@link Rng.derive} a named one,
 * so that parallel cells of an experiment stay reproducible whatever order
 * they run in. Sub-streams come from these two, never from seed arithmetic
 * (`seed + 1`).
 *
 * @example
 * const rng = createRng(42);
 * rng.uniform();      // 0.21629894688206985
 * rng.int(6);         // an integer in [0, 6)
 * const child = rng.split();          // independent stream
 * const noise = rng.derive('noise');  // named stream; rng does not move
 */
export class Rng {
  #g: JumpableRandomGenerator;
  #spare = Number.NaN;

  /** @internal Use {@link createRng}. */
  constructor(g: JumpableRandomGenerator) {
    this.#g = g;
  }

  /** Uniform in [0, 1), a multiple of 2^-53. */
  uniform(): number {
    return uniformFloat64(this.#g);
  }

  /** Uniform integer in [0, n), n an integer ≥ 1. */
  int(n: number): number {
    if (!Number.isInteger(n) || n < 1) {
      throw new LslabError('E_RANGE', 'Rng.int', 'must be an integer ≥ 1', {
        argument: 'n',
        value: n,
      });
    }
    return uniformInt(this.#g, 0, n - 1);
  }

  /** Standard normal N(0, 1) by the Box–Muller transform (pairs are cached). */
  normal(): number {
    if (!Number.isNaN(this.#spare)) {
      const s = this.#spare;
      this.#spare = Number.NaN;
      return s;
    }
    const u1 = 1 - this.uniform(); // (0, 1]
    const u2 = this.uniform();
    const r = Math.sqrt(-2 * portableLog(u1));
    const [sin, cos] = portableSinCos2Pi(u2);
    this.#spare = r * sin;
    return r * cos;
  }

  /** Bernoulli(p) as 0 or 1, p ∈ [0, 1]: 1 when a uniform draw is < p. */
  bernoulli(p: number): 0 | 1 {
    if (!(p >= 0 && p <= 1)) {
      throw new LslabError('E_RANGE', 'Rng.bernoulli', 'must lie in [0, 1]', {
        argument: 'p',
        value: p,
      });
    }
    return this.uniform() < p ? 1 : 0;
  }

  /**
   * Index drawn from the categorical distribution with the given weights
   * (non-negative, not all zero; need not sum to 1).
   */
  categorical(weights: ArrayLike<number>): number {
    let total = 0;
    for (let i = 0; i < weights.length; i++) {
      const w = weights[i];
      if (!(w >= 0) || !Number.isFinite(w)) {
        throw new LslabError('E_RANGE', 'Rng.categorical', 'must be finite and ≥ 0', {
          argument: 'weights',
          row: i,
          value: w,
        });
      }
      total += w;
    }
    if (!(total > 0))
      throw new LslabError('E_RANGE', 'Rng.categorical', 'sum to 0', { argument: 'weights' });
    const u = this.uniform() * total;
    let acc = 0;
    for (let i = 0; i < weights.length; i++) {
      acc += weights[i];
      if (u < acc) return i;
    }
    // rounding: return the last index with positive weight
    for (let i = weights.length - 1; i >= 0; i--) if (weights[i] > 0) return i;
    return weights.length - 1;
  }

  /** A uniformly random permutation of 0..n−1 (Fisher–Yates), n an integer ≥ 0. */
  permutation(n: number): Uint32Array {
    if (!Number.isInteger(n) || n < 0 || n > 2 ** 32) {
      throw new LslabError('E_RANGE', 'Rng.permutation', 'must be an integer in [0, 2^32]', {
        argument: 'n',
        value: n,
      });
    }
    const p = new Uint32Array(n);
    for (let i = 0; i < n; i++) p[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const j = uniformInt(this.#g, 0, i);
      const t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  /**
   * Returns a new generator on an independent stream: the child continues from
   * this generator's current state and this generator jumps 2^64 draws ahead.
   * Splitting in the same order always yields the same streams.
   */
  split(): Rng {
    const child = new Rng(this.#g.clone());
    this.#g.jump();
    this.#spare = Number.NaN;
    return child;
  }

  /**
   * Returns a generator on a named sub-stream. It depends only on this
   * generator's current state and `key`: this generator does not advance,
   * the same key gives the same stream, and different keys give unrelated
   * streams (the state and the key are hashed together, murmur3-style, into a
   * fresh 128-bit state, then warmed up). A cached normal is not carried over.
   *
   * @param key - any string naming the stream, e.g. `'bootstrap'`
   * @throws LslabError `E_OPTION` when `key` is not a string
   * @example
   * const rng = createRng(1);
   * rng.derive('init').uniform() === createRng(1).derive('init').uniform(); // true
   * rng.derive('init').uniform() === rng.derive('data').uniform();         // false
   */
  derive(key: string): Rng {
    if (typeof key !== 'string') {
      throw new LslabError('E_OPTION', 'Rng.derive', 'must be a string', {
        argument: 'key',
        value: key,
      });
    }
    return warmedUp(deriveState(this.#g.getState(), key));
  }

  /** An independent copy with the same state: both produce the same sequence. */
  clone(): Rng {
    const r = new Rng(this.#g.clone());
    r.#spare = this.#spare;
    return r;
  }
}

/** A generator at the given xoroshiro128+ state after 16 warm-up draws. */
function warmedUp(state: readonly number[]): Rng {
  const g = xoroshiro128plusFromState(state);
  for (let i = 0; i < 16; i++) g.next();
  return new Rng(g);
}

/**
 * Creates a generator from an integer seed in [0, 2^53); every seed names its
 * own stream (2^32 and 0 differ). The low 32 bits are scrambled (murmur3
 * finaliser) into the state xoroshiro128+ takes from one word, the high 21
 * bits (scrambled the same way, 0 for 0) into its last state word, and the
 * generator is warmed up by 16 draws, so that nearby seeds give unrelated
 * streams. Seeds below 2^32 give the same streams as lslab has always given.
 *
 * @param seed - an integer in [0, 2^53)
 * @returns a new generator
 * @throws LslabError `E_NOT_FINITE` for NaN or ±∞; `E_RANGE` for a fraction, a
 *   negative number, 2^53 or more, or a non-number
 * @example
 * createRng(7).uniform() === createRng(7).uniform(); // true
 * createRng(0).uniform();                           // 0.2057643415931245
 * createRng(2 ** 32).uniform() === createRng(0).uniform(); // false
 */
export function createRng(seed: number): Rng {
  checkSeed('createRng', 'seed', seed);
  // xoroshiro128+ seeded from one 32-bit word starts in a low-entropy state
  // (nearby seeds give nearby first draws): scramble the seed and warm up.
  const lo = fmix32((seed % 2 ** 32) | 0);
  const hi = fmix32(Math.floor(seed / 2 ** 32));
  return warmedUp([-1, ~lo, lo, hi]);
}
