import { fromRows, matrix, toRows } from '@lslab/core';
import { expectArraysClose } from '@lslab/test-utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyTemperature } from '../../src/index.ts';
import { thrownCode } from './helpers.ts';

describe('applyTemperature(logits, T, options?)', () => {
  it('returns z/T as a new Float64 Matrix', () => {
    const z = fromRows([
      [2, 0, -1],
      [4, 6, 8],
    ]);
    const out = applyTemperature(z, 2);
    expect(out.data).toBeInstanceOf(Float64Array);
    expect(out.data).not.toBe(z.data);
    expect(toRows(out)).toEqual([
      [1, 0, -0.5],
      [2, 3, 4],
    ]);
  });

  it("with output 'probabilities': softmax([ln 9, 0]/2) = softmax([ln 3, 0]) = [3/4, 1/4]", () => {
    const p = applyTemperature(fromRows([[Math.log(9), 0]]), 2, { output: 'probabilities' });
    expectArraysClose(p.data, [0.75, 0.25], { rtol: 4 });
  });

  it('keeps every row argmax, and T > 1 lowers the top probability (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -20, max: 20, noNaN: true }), { minLength: 2, maxLength: 8 }),
        fc.double({ min: 1.01, max: 100, noNaN: true }),
        (z, t) => {
          const m = matrix(1, z.length, z);
          const p1 = applyTemperature(m, 1, { output: 'probabilities' }).data;
          const pt = applyTemperature(m, t, { output: 'probabilities' }).data;
          const argmax = (v: ArrayLike<number>) => {
            let b = 0;
            for (let j = 1; j < v.length; j++) if (v[j] > v[b]) b = j;
            return b;
          };
          const a = argmax(z);
          expect(pt[a]).toBe(Math.max(...pt));
          expect(pt[a]).toBeLessThanOrEqual(p1[a] + 1e-15);
        },
      ),
      { seed: 3 },
    );
  });

  it('rejects bad input with LslabError codes', () => {
    const z = fromRows([[1, 0]]);
    expect(thrownCode(() => applyTemperature(z, 0))).toBe('E_RANGE');
    expect(thrownCode(() => applyTemperature(z, -1))).toBe('E_RANGE');
    expect(thrownCode(() => applyTemperature(z, Number.NaN))).toBe('E_NOT_FINITE');
    expect(thrownCode(() => applyTemperature(z, Infinity))).toBe('E_NOT_FINITE');
    expect(thrownCode(() => applyTemperature(fromRows([[Number.NaN, 0]]), 1))).toBe('E_NOT_FINITE');
    expect(thrownCode(() => applyTemperature(matrix(0, 2), 1))).toBe('E_EMPTY');
    expect(
      thrownCode(() => applyTemperature({ rows: 2, cols: 2, data: new Float64Array(3) }, 1)),
    ).toBe('E_SHAPE');
    expect(
      // @ts-expect-error: an unknown output kind
      thrownCode(() => applyTemperature(z, 1, { output: 'probs' })),
    ).toBe('E_OPTION');
  });
});
