import { thrown } from '@lslab/test-utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ClaimProgress, claimProgress } from '../src/index.ts';

describe('claimProgress(fn, listener, total)', () => {
  it('counts the units 1 … total, hands over the stage and the non-empty tables', () => {
    const seen: ClaimProgress[] = [];
    const step = claimProgress('C10.stability', (p) => seen.push(p), 3);
    step('first', { a: [], b: [{ x: 1 }] });
    step('second', { a: [{ y: 2 }], b: [{ x: 1 }, { x: 3 }] });
    step('third', {});
    expect(seen).toEqual([
      { done: 1, total: 3, stage: 'first', series: { b: [{ x: 1 }] } },
      { done: 2, total: 3, stage: 'second', series: { a: [{ y: 2 }], b: [{ x: 1 }, { x: 3 }] } },
      { done: 3, total: 3, stage: 'third', series: {} },
    ]);
  });

  it('hands over copies of the tables: the run may go on appending to its own', () => {
    const rows: object[] = [{ n: 1 }];
    let given: object[] = [];
    const step = claimProgress(
      'C6.optimal-margin',
      (p) => {
        given = p.series.rows;
      },
      2,
    );
    step('one', { rows });
    rows.push({ n: 2 });
    expect(given).toEqual([{ n: 1 }]);
    expect(given).not.toBe(rows);
  });

  it('does nothing without a listener, but still refuses a step past the total', () => {
    const step = claimProgress('C8.smoothing-calibration', undefined, 1);
    step('only', { rows: [{}] });
    const e = thrown(() => step('extra', {}));
    expect([e.code, e.details.argument, e.details.value]).toEqual(['E_RANGE', 'stage', 'extra']);
    expect(e.message).toContain('past its total of 1 units');
  });

  it('refuses an id that is not a non-empty string, naming itself', () => {
    for (const bad of ['', 7, undefined]) {
      const e = thrown(() => claimProgress(bad as never, undefined, 1));
      expect([e.code, e.details.argument, e.fn]).toEqual(['E_RANGE', 'fn', 'claimProgress']);
    }
  });

  it('refuses a listener that is not a function and a total that is not a positive integer', () => {
    for (const bad of [5, 'f', {}, null, [() => 0]]) {
      const e = thrown(() => claimProgress('C4.saturation', bad as never, 2));
      expect([e.code, e.details.argument]).toEqual(['E_OPTION', 'onProgress']);
      expect(e.message).toContain('C4.saturation');
    }
    for (const [total, code] of [
      [0, 'E_RANGE'],
      [1.5, 'E_RANGE'],
      [-3, 'E_RANGE'],
      [2 ** 31, 'E_RANGE'],
      [Number.NaN, 'E_NOT_FINITE'],
      [Number.POSITIVE_INFINITY, 'E_NOT_FINITE'],
    ] as const) {
      const e = thrown(() => claimProgress('C4.saturation', undefined, total));
      expect([e.code, e.details.argument]).toEqual([code, 'total']);
    }
  });

  it('property: for any total and tables, done runs 1 … total and every table is non-empty', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.dictionary(
          fc.string({ minLength: 1, maxLength: 4 }),
          fc.array(fc.record({ v: fc.double() }), { maxLength: 3 }),
        ),
        (total, tables) => {
          const done: number[] = [];
          let nonEmpty = true;
          const step = claimProgress(
            'C1',
            (p) => {
              done.push(p.done);
              nonEmpty &&= Object.values(p.series).every((r) => r.length > 0) && p.total === total;
            },
            total,
          );
          for (let i = 0; i < total; i++) step(`unit ${i}`, tables);
          expect(done).toEqual(Array.from({ length: total }, (_, i) => i + 1));
          expect(nonEmpty).toBe(true);
          expect(() => step('one more', tables)).toThrow();
        },
      ),
    );
  });
});
