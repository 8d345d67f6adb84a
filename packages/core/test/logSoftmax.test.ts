import { EPS, expectArraysClose } from '@lslab/test-utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng, fromRows, logSoftmax, type Matrix, matrix } from '../src/index.ts';
import { bigLogSoftmax, num, randomLogits, thrownLslabError } from './helpers/index.ts';

function bigRows(z: Matrix): number[] {
  const out: number[] = [];
  for (let i = 0; i < z.rows; i++)
    for (const l of bigLogSoftmax(z.data.subarray(i * z.cols, (i + 1) * z.cols))) out.push(num(l));
  return out;
}

// z_j − lse: both terms carry a few EPS of max|z| + log K, so the error is absolute.
const atolFor = (z: ArrayLike<number>) => 4 * (Math.max(...Array.from(z, Math.abs)) + 4);

describe('logSoftmax(z: ArrayLike<number>, options?)', () => {
  it('equals z − log Σ exp z computed with 64-digit BigNumbers', () => {
    const rng = createRng(31);
    for (const k of [1, 2, 7, 64]) {
      for (const scale of [0.5, 5, 300]) {
        const z = randomLogits(rng, 1, k, scale).data;
        expectArraysClose(logSoftmax(z), bigRows(matrix(1, k, z)), {
          rtol: 4,
          atol: atolFor(z),
          label: `K=${k} scale=${scale}`,
        });
      }
    }
  });

  it('logSoftmax([0, ln 3]) = [−ln 4, ln 3 − ln 4]', () => {
    expectArraysClose(logSoftmax([0, Math.log(3)]), [-Math.log(4), Math.log(0.75)], {
      rtol: 4,
      atol: 4,
    });
  });

  it('keeps very negative log-probabilities instead of −∞', () => {
    expect(Array.from(logSoftmax([0, -1000]))).toEqual([0, -1000]);
    expect(Array.from(logSoftmax([1e300, -1e300]))).toEqual([0, -2e300]);
    expect(Array.from(logSoftmax([1e4, -1e4]))).toEqual([0, -2e4]);
    expect(Array.from(logSoftmax([1e300, 1e300]))).toEqual([0, 0]); // −ln 2 is below an ulp of 1e300
    expectArraysClose(logSoftmax([-1e4, -1e4]), [-Math.LN2, -Math.LN2], { atol: 1e4 * 2 });
  });

  it('exp(logSoftmax(z)) sums to 1 (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -700, max: 700, noNaN: true }), { minLength: 1, maxLength: 20 }),
        (z) => {
          let s = 0;
          for (const l of logSoftmax(z)) {
            expect(l).toBeLessThanOrEqual(0);
            s += Math.exp(l);
          }
          const scale = Math.max(...z.map(Math.abs)) + 4;
          expect(Math.abs(s - 1)).toBeLessThanOrEqual(4 * z.length * EPS * scale);
        },
      ),
    );
  });

  it('is invariant to adding a constant, logSoftmax(z + c) = logSoftmax(z) (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 1, maxLength: 12 }),
        fc.double({ min: -1e3, max: 1e3, noNaN: true }),
        (z, c) => {
          const scale = Math.max(...z.map(Math.abs)) + Math.abs(c) + 4;
          expectArraysClose(
            logSoftmax(z.map((v) => v + c)),
            logSoftmax(z),
            // z_j + c and the log-sum-exp each round at EPS·scale
            { atol: 16 * scale },
          );
        },
      ),
    );
  });

  it('with Float32Array input and dtype float32', () => {
    const z32 = new Float32Array([1.1, -0.7, 3.3]);
    const exact = bigRows(matrix(1, 3, Float64Array.from(z32)));
    const l64 = logSoftmax(z32);
    expect(l64).toBeInstanceOf(Float64Array);
    expectArraysClose(l64, exact, { rtol: 4, atol: atolFor(z32) });
    const l32 = logSoftmax(z32, { dtype: 'float32' });
    expect(l32).toBeInstanceOf(Float32Array);
    expectArraysClose(l32, exact, { rtol: 2 ** -24 / EPS, atol: atolFor(z32) });
  });

  it('throws E_EMPTY, E_NOT_FINITE and E_OPTION', () => {
    thrownLslabError(() => logSoftmax([]), 'E_EMPTY');
    const e = thrownLslabError(() => logSoftmax([0, Number.NaN]), 'E_NOT_FINITE');
    expect(e.message).toBe('logSoftmax: z[1] = NaN: is not finite');
    thrownLslabError(() => logSoftmax([0], { dtype: 'int8' as 'float64' }), 'E_OPTION');
  });
});

describe('logSoftmax(z: Matrix, options?)', () => {
  it('works row by row and keeps the shape', () => {
    const z = randomLogits(createRng(32), 4, 5, 8);
    const l = logSoftmax(z);
    expect([l.rows, l.cols]).toEqual([4, 5]);
    expectArraysClose(l.data, bigRows(z), { rtol: 4, atol: atolFor(z.data) });
  });

  it('names row and column of a non-finite logit', () => {
    const e = thrownLslabError(
      () =>
        logSoftmax(
          fromRows([
            [0, 1, 2],
            [3, Number.POSITIVE_INFINITY, 5],
          ]),
        ),
      'E_NOT_FINITE',
    );
    expect(e.message).toBe('logSoftmax: z[1][1] = Infinity: is not finite');
  });
});
