import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDataset, createRng, splitDataset } from '../../src/index.ts';

describe('splitDataset(ds, rng, options) properties', () => {
  it('partitions the rows and follows the per-class rounding rule for any sizes and fractions', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.integer({ min: 0, max: 40 }), { minLength: 2, maxLength: 5 })
          .filter((c) => c.some((v) => v > 0)),
        fc.integer({ min: 1, max: 98 }),
        fc.integer({ min: 0, max: 99 }),
        fc.nat(),
        (sizes, a, b, seed) => {
          const f0 = a / 100;
          const f1 = (Math.min(b, 100 - a) / 100) * 1;
          const fractions: [number, number, number] = [f0, f1, 1 - f0 - f1];
          const y = sizes.flatMap((m, c) => new Array<number>(m).fill(c));
          const x = { rows: y.length, cols: 1, data: Float64Array.from(y, (_, i) => i) };
          const ds = createDataset(x, y, { numClasses: sizes.length });
          const s = splitDataset(ds, createRng(seed), { fractions, standardize: false });
          const idx = [s.train, s.validation, s.test].flatMap((p) => p.meta.indices as number[]);
          expect(idx.sort((p, q) => p - q)).toEqual(y.map((_, i) => i));
          const train = sizes.map((m) => Math.round(f0 * m));
          expect(s.train.meta.classCounts).toEqual(train);
          expect(s.validation.meta.classCounts).toEqual(
            sizes.map((m, c) => Math.min(Math.round(f1 * m), m - train[c])),
          );
          // features follow their rows
          for (const p of [s.train, s.validation, s.test]) {
            (p.meta.indices as number[]).forEach((i, r) => {
              expect(p.x.data[r]).toBe(i);
              expect(p.y[r]).toBe(y[i]);
            });
          }
        },
      ),
      { seed: 4, numRuns: 200 },
    );
  });
});
