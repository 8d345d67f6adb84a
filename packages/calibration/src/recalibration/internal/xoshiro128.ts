import { LslabError } from '@lslab/core';

/** A source of uniform numbers in [0, 1); `createRng` of `@lslab/models` fits. */
export interface UniformSource {
  /** Uniform in [0, 1). */
  uniform(): number;
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** The 32-bit finaliser of MurmurHash3: a bijection that spreads every input bit. */
function mix32(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/**
 * @internal The xoshiro128** generator of Blackman & Vigna (2018): 128 bits of
 * state, period 2^128 − 1, 32-bit outputs. `uniform()` joins the top 27 bits of
 * one output and the top 26 bits of the next into a multiple of 2^-53 in [0, 1).
 *
 * Seeding: the seed (a safe integer) is split into its low and high 32-bit
 * words; state word i is `mix32(lo + (i + 1)·0x9E3779B9) ^ mix32(hi + i)`, and
 * an all-zero state (which the generator cannot leave) is replaced by 1.
 * Same seed, same stream on every platform: only 32-bit integer arithmetic is used.
 */
export class Xoshiro128 implements UniformSource {
  /** The four state words, as signed 32-bit integers. */
  readonly state: Int32Array;

  constructor(seed: number) {
    if (typeof seed !== 'number' || !Number.isSafeInteger(seed)) {
      throw new LslabError('E_RANGE', 'Xoshiro128', 'must be a safe integer', {
        argument: 'seed',
        value: seed,
      });
    }
    const lo = (seed % 0x100000000) | 0;
    const hi = Math.floor(seed / 0x100000000) | 0;
    const s = new Int32Array(4);
    for (let i = 0; i < 4; i++)
      s[i] = mix32((lo + Math.imul(i + 1, 0x9e3779b9)) | 0) ^ mix32(hi + i);
    if ((s[0] | s[1] | s[2] | s[3]) === 0) s[0] = 1;
    this.state = s;
  }

  /** The next 32-bit output, as an unsigned integer. */
  nextUint32(): number {
    const s = this.state;
    const s0 = s[0];
    const s1 = s[1];
    const s2 = s[2];
    const s3 = s[3];
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    const n2 = s2 ^ s0;
    const n3 = s3 ^ s1;
    s[1] = s1 ^ n2;
    s[0] = s0 ^ n3;
    s[2] = n2 ^ t;
    s[3] = rotl(n3, 11);
    return result;
  }

  /** Uniform in [0, 1), a multiple of 2^-53. */
  uniform(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }
}
