import { describe, expect, it } from 'vitest';
import { Xoshiro128 } from '../../src/recalibration/internal/xoshiro128.ts';
import { thrownCode } from './helpers.ts';

/** xoshiro128** written with BigInt words, straight from the published recurrence. */
function referenceStream(state: readonly number[], count: number): number[] {
  const M = 0xffffffffn;
  const s = state.map((v) => BigInt(v >>> 0));
  const rotl = (x: bigint, k: bigint) => ((x << k) | (x >> (32n - k))) & M;
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    out.push(Number((rotl((s[1] * 5n) & M, 7n) * 9n) & M));
    const t = (s[1] << 9n) & M;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11n);
  }
  return out;
}

describe('Xoshiro128 (internal generator of the bootstrap)', () => {
  it('nextUint32() follows the xoshiro128** recurrence (BigInt reference)', () => {
    for (const seed of [0, 1, 42, -7, 2 ** 40 + 3]) {
      const g = new Xoshiro128(seed);
      const expected = referenceStream(Array.from(g.state), 1000);
      const got = Array.from({ length: 1000 }, () => g.nextUint32());
      expect(got).toEqual(expected);
    }
  });

  it('state [1, 2, 3, 4] starts 11520, 0, 5927040, 70819200 (hand-computed)', () => {
    // out₀ = rotl(2·5, 7)·9 = 1280·9 = 11520, then s = [7, 0, 1026, 12288];
    // out₁ = rotl(0, 7)·9 = 0, then s = [12295, 1029, 1029, 25165824];
    // out₂ = rotl(1029·5, 7)·9 = 658560·9 = 5927040, then s₁ = 1029 ⊕ (1029 ⊕ 12295) = 12295;
    // out₃ = rotl(12295·5, 7)·9 = 7868800·9 = 70819200.
    const g = new Xoshiro128(0);
    g.state.set([1, 2, 3, 4]);
    const got = [g.nextUint32(), g.nextUint32(), g.nextUint32(), g.nextUint32()];
    expect(got).toEqual([11520, 0, 5927040, 70819200]);
  });

  it('uniform() = (⌊a/32⌋·2^26 + ⌊b/64⌋)/2^53 of two outputs, in [0, 1)', () => {
    const g = new Xoshiro128(9);
    const h = new Xoshiro128(9);
    for (let i = 0; i < 1000; i++) {
      const a = h.nextUint32();
      const b = h.nextUint32();
      const u = g.uniform();
      expect(u).toBe((Math.floor(a / 32) * 2 ** 26 + Math.floor(b / 64)) / 2 ** 53);
      expect(u >= 0 && u < 1).toBe(true);
    }
  });

  it('is uniform: χ² over 20 cells of 100 000 draws below the 0.999 quantile of χ²(19) = 43.82', () => {
    const g = new Xoshiro128(2024);
    const n = 100_000;
    const cells = new Float64Array(20);
    for (let i = 0; i < n; i++) cells[Math.floor(g.uniform() * 20)]++;
    const e = n / 20;
    const chi2 = cells.reduce((s, c) => s + ((c - e) * (c - e)) / e, 0);
    expect(chi2).toBeLessThan(43.82);
  });

  it('nearby seeds give different streams; the same seed the same stream', () => {
    const first = (seed: number) =>
      Array.from(
        { length: 4 },
        (
          (g) => () =>
            g.nextUint32()
        )(new Xoshiro128(seed)),
      );
    expect(first(1)).not.toEqual(first(2));
    expect(first(2 ** 32)).not.toEqual(first(0));
    expect(first(5)).toEqual(first(5));
  });

  it('rejects a seed that is not a safe integer (E_RANGE)', () => {
    expect(thrownCode(() => new Xoshiro128(1.5))).toBe('E_RANGE');
    expect(thrownCode(() => new Xoshiro128(Number.NaN))).toBe('E_RANGE');
    expect(thrownCode(() => new Xoshiro128(2 ** 60))).toBe('E_RANGE');
  });
});
