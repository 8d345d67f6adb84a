import { createRng } from '@lslab/core';
import { softmaxData } from '@lslab/models';
import { describe, expect, it } from 'vitest';
import { labelFlipStability, stabilitySweep } from '../src/index.ts';
import { thrown } from './helpers.ts';

describe('stabilitySweep({ ns, alphas, ... })', () => {
  const s = stabilitySweep({ ns: [100, 200, 400, 800], alphas: [0, 0.5, 1], flips: 2 });

  it('has one cell per (n, α, flipped row), and ΔW = 0 at α = 1', () => {
    expect(s.cells.length).toBe(4 * 3 * 2);
    for (const c of s.cells.filter((c) => c.alpha === 1)) expect(c.deltaW).toBe(0);
    for (const c of s.cells.filter((c) => c.alpha < 1)) {
      expect(c.deltaW).toBeLessThanOrEqual(c.bound + c.solverError);
      expect(c.deltaW).toBeGreaterThanOrEqual(c.lowerBound - c.solverError);
    }
  });

  it('ΔW falls like 1/n: slope −1 ± 0.1', () => {
    expect(s.slopes.map((x) => x.alpha)).toEqual([0, 0.5]);
    for (const { slope } of s.slopes) expect(Math.abs(slope + 1)).toBeLessThan(0.1);
  });

  it('a cell is labelFlipStability on the first n rows of the same draw', () => {
    const c = s.cells.find((x) => x.n === 200 && x.alpha === 0.5 && x.index === 1)!;
    const ds = softmaxData(createRng(0).derive('data'), { n: 800, dim: 4, numClasses: 3 });
    const x = { rows: 200, cols: 4, data: ds.x.data.subarray(0, 800) };
    const r = labelFlipStability({
      x,
      y: ds.y.subarray(0, 200),
      alpha: 0.5,
      lambda: 0.5,
      index: 1,
    });
    expect(c.deltaW).toBe(r.deltaW);
    expect(c.bound).toBeCloseTo(r.bound, 15);
    expect(stabilitySweep({ ns: [100, 200, 400, 800], alphas: [0, 0.5, 1], flips: 2 })).toEqual(s);
  });

  it('rejects bad grids and options', () => {
    expect(thrown(() => stabilitySweep({ ns: [] })).code).toBe('E_RANGE');
    expect(thrown(() => stabilitySweep({ ns: [1] })).code).toBe('E_RANGE');
    expect(thrown(() => stabilitySweep({ alphas: [1.5] })).message).toContain('options.alphas[0]');
    expect(thrown(() => stabilitySweep({ lambda: 0 })).code).toBe('E_RANGE');
    expect(thrown(() => stabilitySweep({ ns: [10], flips: 11 })).code).toBe('E_RANGE');
    expect(thrown(() => stabilitySweep({ numClasses: 1000 })).code).toBe('E_RANGE');
    expect(thrown(() => stabilitySweep({ n: [10] } as never)).code).toBe('E_OPTION');
  });
});
