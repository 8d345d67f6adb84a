import { fromRows, matrix } from '@lslab/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logitGaps } from '../src/index.ts';
import { thrown } from './helpers.ts';

describe('logitGaps(logits, labels)', () => {
  it('gives z_y − z_k for every wrong class, in class order', () => {
    const g = logitGaps(
      fromRows([
        [2, 0, -1],
        [0, 3, 1],
        [5, 5, 5],
      ]),
      [0, 1, 2],
    );
    expect([g.rows, g.cols]).toEqual([3, 2]);
    expect(Array.from(g.data)).toEqual([2, 3, 3, 2, 0, 0]);
    expect(Array.from(logitGaps(fromRows([[1, 4]]), [1]).data)).toEqual([3]);
  });

  it('is invariant to adding a constant to a row of logits (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }),
        fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 6, maxLength: 6 }),
        fc.double({ min: -1e3, max: 1e3, noNaN: true }),
        fc.nat(),
        (k, z, shift, yy) => {
          const row = z.slice(0, k);
          const y = yy % k;
          const a = logitGaps(matrix(1, k, row), [y]).data;
          const b = logitGaps(
            matrix(
              1,
              k,
              row.map((v) => v + shift),
            ),
            [y],
          ).data;
          // each gap is one subtraction of shifted values: the shift adds one rounding of
          // size ≤ ulp(|z| + |shift|) to each operand, hence 2·ε·(50 + 1e3)
          for (let j = 0; j < a.length; j++)
            expect(Math.abs(a[j] - b[j])).toBeLessThanOrEqual(2 * Number.EPSILON * 1050 * 2);
        },
      ),
    );
  });

  it('accepts Float32 logits and returns Float64', () => {
    const g = logitGaps({ rows: 1, cols: 3, data: Float32Array.of(1.5, 0.25, -1) }, [0]);
    expect(g.data).toBeInstanceOf(Float64Array);
    expect(Array.from(g.data)).toEqual([1.25, 2.5]);
  });

  it('rejects bad input with typed errors', () => {
    expect(thrown(() => logitGaps(fromRows([[1, 2]]), [2])).code).toBe('E_LABEL');
    expect(thrown(() => logitGaps(fromRows([[1, 2]]), [0, 1])).code).toBe('E_SHAPE');
    expect(thrown(() => logitGaps(fromRows([[1]]), [0])).code).toBe('E_SHAPE');
    expect(thrown(() => logitGaps(matrix(0, 3), [])).code).toBe('E_EMPTY');
    const e = thrown(() => logitGaps(fromRows([[1, Number.NaN]]), [0]));
    expect([e.code, e.message]).toEqual(['E_NOT_FINITE', expect.stringContaining('logits[0][1]')]);
  });
});
