import { EPS, expectArraysClose } from '@lslab/test-utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng, fromRows, type Matrix, matrix, softmax } from '../src/index.ts';
import { bigSoftmax, num, randomLogits, thrownLslabError } from './helpers/index.ts';

// p_j = exp(z_j − m)/s: the rounding of z_j − m (at most EPS·|z_j − m|) is
// amplified by exp into a relative error of the same size, plus a few EPS
// for exp, the sum and the division.
const rtolFor = (z: ArrayLike<number>) => 8 + 2 * Math.max(...Array.from(z, Math.abs));

function bigRows(z: Matrix): number[] {
  const out: number[] = [];
  for (let i = 0; i < z.rows; i++)
    for (const p of bigSoftmax(z.data.subarray(i * z.cols, (i + 1) * z.cols))) out.push(num(p));
  return out;
}

describe('softmax(z: ArrayLike<number>, options?)', () => {
  it('equals exp(z − logΣexp z) computed with 64-digit BigNumbers', () => {
    const rng = createRng(21);
    for (const k of [1, 2, 5, 50]) {
      for (const scale of [0.5, 4, 30]) {
        const z = randomLogits(rng, 1, k, scale).data;
        expectArraysClose(softmax(z), bigRows(matrix(1, k, z)), {
          rtol: rtolFor(z),
          label: `K=${k} scale=${scale}`,
        });
      }
    }
  });

  it('softmax([0, ln 3]) = [0.25, 0.75]', () => {
    expectArraysClose(softmax([0, Math.log(3)]), [0.25, 0.75], { rtol: 2 });
  });

  it('is exact and finite at ±1e4 and ±1e300', () => {
    expect(Array.from(softmax([1e300, -1e300]))).toEqual([1, 0]);
    expect(Array.from(softmax([-1e300, 1e300]))).toEqual([0, 1]);
    expect(Array.from(softmax([1e300, 1e300]))).toEqual([0.5, 0.5]);
    expect(Array.from(softmax([-1e300, -1e300, -1e300, -1e300]))).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(Array.from(softmax([1e4, 0]))).toEqual([1, 0]); // e^{−1e4} underflows to 0
    expect(Array.from(softmax([-1e4, -1e4]))).toEqual([0.5, 0.5]);
    // 1e4 and 1e4 − ln 3 differ by a representable ln 3 (to one ulp of 1e4)
    const z = [1e4, 1e4 - Math.log(3)];
    expectArraysClose(softmax(z), bigRows(matrix(1, 2, z)), { rtol: 1e4 * 4 });
  });

  it('rows sum to 1 and entries lie in [0, 1] (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e300, max: 1e300, noNaN: true }), {
          minLength: 1,
          maxLength: 20,
        }),
        (z) => {
          const p = softmax(z);
          let s = 0;
          for (const v of p) {
            expect(v).toBeGreaterThanOrEqual(0);
            expect(v).toBeLessThanOrEqual(1);
            s += v;
          }
          expect(Math.abs(s - 1)).toBeLessThanOrEqual(2 * z.length * EPS);
        },
      ),
    );
  });

  it('is invariant to adding a constant, softmax(z + c) = softmax(z) (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 1, maxLength: 10 }),
        fc.double({ min: -1e3, max: 1e3, noNaN: true }),
        (z, c) => {
          const scale = Math.max(...z.map(Math.abs)) + Math.abs(c);
          expectArraysClose(
            softmax(z.map((v) => v + c)),
            softmax(z),
            // each shifted difference is off by up to 2 EPS·scale; exp turns that into a relative error
            { rtol: 8 + 8 * scale, atol: 1 },
          );
        },
      ),
    );
  });

  it("returns Float32Array with dtype 'float32', the rounded Float64 values", () => {
    const z = [0.3, -1.2, 2.5, 0];
    const p32 = softmax(z, { dtype: 'float32' });
    expect(p32).toBeInstanceOf(Float32Array);
    const exact = bigRows(matrix(1, 4, z));
    // float32 rounding: half an ulp of 2^-24 relative, plus the Float64 error before it
    expectArraysClose(p32, exact, { rtol: 2 ** -24 / EPS + rtolFor(z) });
    expect(softmax(z)).toBeInstanceOf(Float64Array);
  });

  it('reads Float32Array logits as their rounded values (Float64 result)', () => {
    const z32 = new Float32Array([0.1, -2.3, 4.7, 1e-3]);
    const p = softmax(z32);
    expect(p).toBeInstanceOf(Float64Array);
    expectArraysClose(p, bigRows(matrix(1, 4, Float64Array.from(z32))), { rtol: rtolFor(z32) });
  });

  it('throws E_EMPTY for [], E_NOT_FINITE for NaN/±∞, E_OPTION for an unknown dtype', () => {
    thrownLslabError(() => softmax([]), 'E_EMPTY');
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      const e = thrownLslabError(() => softmax([1, 2, bad]), 'E_NOT_FINITE');
      expect(e.message).toBe(`softmax: z[2] = ${bad}: is not finite`);
    }
    const e = thrownLslabError(
      () => softmax([1, 2], { dtype: 'float16' as 'float32' }),
      'E_OPTION',
    );
    expect(e.message).toBe(
      `softmax: options.dtype = "float16": must be one of 'float64', 'float32'`,
    );
  });
});

describe('softmax(z: Matrix, options?)', () => {
  it('works row by row and keeps the shape', () => {
    const rng = createRng(22);
    const z = randomLogits(rng, 6, 4, 5);
    const p = softmax(z);
    expect([p.rows, p.cols]).toEqual([6, 4]);
    expect(p.data).toBeInstanceOf(Float64Array);
    expectArraysClose(p.data, bigRows(z), { rtol: rtolFor(z.data) });
    for (let i = 0; i < 6; i++) {
      expect(Array.from(p.data.subarray(i * 4, i * 4 + 4))).toEqual(
        Array.from(softmax(z.data.subarray(i * 4, i * 4 + 4))),
      );
    }
  });

  it('handles rows at ±1e300 and ordinary rows together', () => {
    const p = softmax(
      fromRows([
        [1e300, -1e300, 0],
        [0, Math.log(3), -1e300],
      ]),
    );
    expectArraysClose(p.data, [1, 0, 0, 0.25, 0.75, 0], { rtol: 2 });
  });

  it("keeps Float32 in and out with dtype 'float32'", () => {
    const z = matrix(2, 3, new Float32Array([0.5, -1, 2, 3, 3, 3]));
    const p = softmax(z, { dtype: 'float32' });
    expect(p.data).toBeInstanceOf(Float32Array);
    expectArraysClose(p.data.subarray(3), [1 / 3, 1 / 3, 1 / 3], { rtol: 2 ** -24 / EPS });
  });

  it('names row and column of a non-finite logit', () => {
    const e = thrownLslabError(
      () =>
        softmax(
          fromRows([
            [0, 1],
            [Number.NEGATIVE_INFINITY, 0],
          ]),
        ),
      'E_NOT_FINITE',
    );
    expect(e.message).toBe('softmax: z[1][0] = -Infinity: is not finite');
    expect(e.details).toMatchObject({ row: 1, column: 0 });
  });

  it('throws E_EMPTY for 0 columns', () => {
    thrownLslabError(() => softmax(matrix(3, 0)), 'E_EMPTY');
  });
});
