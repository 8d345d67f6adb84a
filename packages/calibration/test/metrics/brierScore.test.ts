import { fromRows } from '@lslab/core';
import { expectClose } from '@lslab/test-utils';
import { describe, expect, it } from 'vitest';
import { brierScore } from '../../src/index.ts';

describe('brierScore(probs, labels)', () => {
  it('multiclass: mean of Σ_c (y_c − p_c)² (by hand)', () => {
    // row 0: y=0, (0.7, 0.2, 0.1) → 0.09 + 0.04 + 0.01 = 0.14
    // row 1: y=2, (0.3, 0.3, 0.4) → 0.09 + 0.09 + 0.36 = 0.54
    const m = fromRows([
      [0.7, 0.2, 0.1],
      [0.3, 0.3, 0.4],
    ]);
    expectClose(brierScore(m, [0, 2]), 0.34, { rtol: 4 });
  });

  it('reaches 2 for a confident wrong class and 0 for a confident right one', () => {
    const m = fromRows([
      [1, 0, 0],
      [0, 1, 0],
    ]);
    expect(brierScore(m, [1, 1])).toBe(1); // (2 + 0) / 2
    expect(brierScore(m, [1, 0])).toBe(2);
    expect(brierScore(m, [0, 1])).toBe(0);
  });

  it('binary vector is on [0, 1]: half of the N×2 matrix value', () => {
    const p = [0.1, 0.9, 0.8, 0.3];
    const y = [0, 1, 1, 0];
    const m = fromRows(p.map((q) => [1 - q, q]));
    expectClose(brierScore(p, y), 0.0375, { rtol: 4 });
    expectClose(brierScore(m, y), 2 * brierScore(p, y), { rtol: 4 });
  });
});
