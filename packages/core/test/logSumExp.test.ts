import { EPS, expectArraysClose, expectClose } from '@lslab/test-utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng, fromRows, logSumExp, matrix } from '../src/index.ts';
import { bigLogSumExp, num, randomLogits, thrownLslabError } from './helpers/index.ts';

// log Σ exp(z) = m + log s with s ∈ [1, K]: the rounding error is a few EPS of
// |m| + log K (cancellation when m ≈ −log s leaves only that absolute error).
const atolFor = (z: ArrayLike<number>) => 4 * (Math.max(...Array.from(z, Math.abs)) + 4);

describe('logSumExp(z: ArrayLike<number>)', () => {
  it('equals log Σ exp computed with 64-digit BigNumbers', () => {
    const rng = createRng(11);
    for (const k of [1, 2, 3, 10, 100]) {
      for (const scale of [0.1, 3, 50, 700]) {
        const z = randomLogits(rng, 1, k, scale).data;
        expectClose(logSumExp(z), num(bigLogSumExp(z)), {
          rtol: 4,
          atol: atolFor(z),
          label: `K=${k} scale=${scale}`,
        });
      }
    }
  });

  it('logSumExp([0, ln 3]) = ln 4', () => {
    expectClose(logSumExp([0, Math.log(3)]), Math.log(4), { rtol: 2 });
  });

  it('is z for one element', () => {
    expect(logSumExp([-3.25])).toBe(-3.25);
  });

  it('stays finite and exact at ±1e4 and ±1e300', () => {
    // 1e4 + ln 2 and −1e4 + ln 2 are representable to a few EPS
    expectClose(logSumExp([1e4, 1e4]), 1e4 + Math.LN2, { rtol: 1 });
    expectClose(logSumExp([-1e4, -1e4]), -1e4 + Math.LN2, { rtol: 1 });
    expect(logSumExp([1e4, -1e4])).toBe(1e4); // + e^{-2e4}, far below an ulp
    // ln 2 is far below an ulp of 1e300 (about 1.5e284)
    expect(logSumExp([1e300, 1e300])).toBe(1e300);
    expect(logSumExp([-1e300, -1e300])).toBe(-1e300);
    expect(logSumExp([1e300, -1e300])).toBe(1e300);
    expect(logSumExp([-1e300, 0])).toBe(0);
    for (const z of [
      [1e300, 1e300],
      [-1e300, 1e300, 0],
      [1e4, 1e4 - 1, 1e4 - 2],
    ]) {
      expectClose(logSumExp(z), num(bigLogSumExp(z)), { rtol: 2, label: String(z) });
    }
  });

  it('satisfies logSumExp(z + c) = logSumExp(z) + c (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 1, maxLength: 12 }),
        fc.double({ min: -1000, max: 1000, noNaN: true }),
        (z, c) => {
          const shifted = z.map((v) => v + c);
          const scale = Math.max(...z.map(Math.abs), Math.abs(c)) + 4;
          expectClose(logSumExp(shifted), logSumExp(z) + c, { atol: 16 * scale });
        },
      ),
    );
  });

  it('is at least max z and at most max z + ln K (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e300, max: 1e300, noNaN: true }), {
          minLength: 1,
          maxLength: 12,
        }),
        (z) => {
          const m = Math.max(...z);
          const l = logSumExp(z);
          expect(Number.isFinite(l)).toBe(true);
          expect(l).toBeGreaterThanOrEqual(m);
          expect(l).toBeLessThanOrEqual(m + Math.log(z.length) + 4 * EPS * (Math.abs(m) + 4));
        },
      ),
    );
  });

  it('reads Float32Array input as its (rounded) values', () => {
    const z32 = new Float32Array([0.1, -2.3, 4.7]);
    expectClose(logSumExp(z32), num(bigLogSumExp(z32)), { rtol: 4, atol: atolFor(z32) });
  });

  it('throws E_EMPTY for an empty vector', () => {
    const e = thrownLslabError(() => logSumExp([]), 'E_EMPTY');
    expect(e.message).toBe('logSumExp: z: has no columns');
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    'throws E_NOT_FINITE for %s, naming the index',
    (bad) => {
      const e = thrownLslabError(() => logSumExp([0, bad]), 'E_NOT_FINITE');
      expect(e.message).toBe(`logSumExp: z[1] = ${bad}: is not finite`);
    },
  );
});

describe('logSumExp(z: Matrix)', () => {
  it('gives one value per row, equal to the vector overload', () => {
    const rng = createRng(12);
    const z = randomLogits(rng, 5, 7, 10);
    const out = logSumExp(z);
    expect(out).toBeInstanceOf(Float64Array);
    expect(out.length).toBe(5);
    for (let i = 0; i < 5; i++) {
      const row = z.data.subarray(i * 7, (i + 1) * 7);
      expectClose(out[i], num(bigLogSumExp(row)), { rtol: 4, atol: atolFor(row) });
      expect(out[i]).toBe(logSumExp(row));
    }
  });

  it('handles a 1e300 row next to an ordinary one', () => {
    expectArraysClose(
      logSumExp(
        fromRows([
          [1e300, -1e300],
          [0, 0],
        ]),
      ),
      [1e300, Math.LN2],
      { rtol: 1 },
    );
  });

  it('gives an empty result for 0 rows', () => {
    expect(logSumExp(matrix(0, 3)).length).toBe(0);
  });

  it('throws E_EMPTY for 0 columns and E_NOT_FINITE naming row and column', () => {
    thrownLslabError(() => logSumExp(matrix(2, 0)), 'E_EMPTY');
    const e = thrownLslabError(
      () =>
        logSumExp(
          fromRows([
            [0, 1],
            [2, Number.NaN],
          ]),
        ),
      'E_NOT_FINITE',
    );
    expect(e.message).toBe('logSumExp: z[1][1] = NaN: is not finite');
  });

  it('throws E_SHAPE for a Matrix whose data length disagrees with its shape', () => {
    thrownLslabError(() => logSumExp({ rows: 2, cols: 2, data: new Float64Array(3) }), 'E_SHAPE');
  });
});
