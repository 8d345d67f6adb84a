import { fromRows } from '@lslab/core';
import { describe, expect, it } from 'vitest';
import { scatterRatio } from '../src/index.ts';
import { thrown } from './helpers.ts';

describe('scatterRatio(points, labels)', () => {
  it('traces of the within- and between-class scatter', () => {
    // class means (0, 1) and (4, 1), overall mean (2, 1): between = 4, within = 1
    expect(
      scatterRatio(
        fromRows([
          [0, 0],
          [0, 2],
          [4, 0],
          [4, 2],
        ]),
        [0, 0, 1, 1],
      ),
    ).toEqual({
      within: 1,
      between: 4,
      ratio: 0.25,
    });
  });

  it('within + between = total scatter, with unequal class sizes and an absent class', () => {
    const pts = [
      [1, 2],
      [2, 0],
      [0, 1],
      [5, 5],
      [6, 4],
      [-3, 2],
    ];
    const y = [0, 0, 0, 2, 2, 3];
    const r = scatterRatio(fromRows(pts), y);
    const mu = [0, 1].map((j) => pts.reduce((s, p) => s + p[j], 0) / pts.length);
    const total =
      pts.reduce((s, p) => s + (p[0] - mu[0]) ** 2 + (p[1] - mu[1]) ** 2, 0) / pts.length;
    expect(r.within + r.between).toBeCloseTo(total, 13);
    expect(r.ratio).toBeCloseTo(r.within / r.between, 15);
  });

  it('rejects one class, coincident means and bad labels', () => {
    expect(thrown(() => scatterRatio(fromRows([[0], [1]]), [0, 0])).code).toBe('E_RANGE');
    expect(
      thrown(() => scatterRatio(fromRows([[0], [1], [0], [1]]), [0, 0, 1, 1])).message,
    ).toContain('same point');
    expect(thrown(() => scatterRatio(fromRows([[0], [1]]), [0, 1.5])).code).toBe('E_LABEL');
    expect(thrown(() => scatterRatio(fromRows([[0], [1]]), [0])).code).toBe('E_SHAPE');
  });
});
