import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  equalMassBinning,
  equalWidthBinning,
  equalWidthIndex,
} from '../../src/internal/binning.ts';

const SEED = { seed: 4242 };

describe('equalWidthIndex(x, B, side) (internal)', () => {
  it('puts i/B at the start of bin i (left) or the end of bin i − 1 (right), for B ≤ 1000', () => {
    for (let B = 1; B <= 1000; B++) {
      for (let i = 0; i <= B; i++) {
        const x = i / B;
        expect(equalWidthIndex(x, B, 'left')).toBe(Math.min(i, B - 1));
        expect(equalWidthIndex(x, B, 'right')).toBe(Math.max(i - 1, 0));
      }
    }
  });

  it('agrees with the edges i/B for every double in [0, 1] (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 500 }),
        (x, B) => {
          const l = equalWidthIndex(x, B, 'left');
          expect(l / B <= x && (x < (l + 1) / B || l === B - 1)).toBe(true);
          const r = equalWidthIndex(x, B, 'right');
          expect((r / B < x || r === 0) && x <= (r + 1) / B).toBe(true);
        },
      ),
      SEED,
    );
  });

  it('reports edges computed as i/B, never accumulated', () => {
    const b = equalWidthBinning(10);
    expect(Array.from(b.edges)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
    expect(b.edges[3]).toBe(0.3); // 0.1 + 0.1 + 0.1 would be 0.30000000000000004
  });
});

describe('equalMassBinning(scores, B, side) (internal)', () => {
  it('every score lands in a bin whose edges contain it, and tied scores share a bin', () => {
    const score = fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 0.5, 1));
    fc.assert(
      fc.property(
        fc.array(score, { minLength: 1, maxLength: 80 }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom('left' as const, 'right' as const),
        (s, B, side) => {
          const bin = equalMassBinning(s, B, side);
          expect(bin.count).toBeLessThanOrEqual(B);
          expect(bin.edges[0]).toBe(0);
          expect(bin.edges[bin.count]).toBe(1);
          const seen = new Map<number, number>();
          for (const x of s) {
            const b = bin.index(x);
            const lo = bin.edges[b];
            const hi = bin.edges[b + 1];
            if (side === 'left') expect(lo <= x && (x < hi || b === bin.count - 1)).toBe(true);
            else expect((lo < x || b === 0) && x <= hi).toBe(true);
            if (seen.has(x)) expect(seen.get(x)).toBe(b);
            seen.set(x, b);
          }
        },
      ),
      SEED,
    );
  });

  it('splits distinct scores into bins of N/B', () => {
    const s = Array.from({ length: 12 }, (_, i) => (i + 0.5) / 12);
    const bin = equalMassBinning(s, 4);
    const counts = new Array(bin.count).fill(0);
    for (const x of s) counts[bin.index(x)]++;
    expect(counts).toEqual([3, 3, 3, 3]);
  });
});
