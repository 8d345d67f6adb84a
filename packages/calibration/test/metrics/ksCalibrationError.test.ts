import { fromRows } from '@lslab/core';
import { expectClose } from '@lslab/test-utils';
import { describe, expect, it } from 'vitest';
import { ksCalibrationError } from '../../src/index.ts';

describe('ksCalibrationError(probs, labels)', () => {
  it('is the largest gap between cumulative scores and outcomes (by hand)', () => {
    // sorted by score: (0.2, 0), (0.6, 1), (0.9, 0)
    // cumulative score 0.2, 0.8, 1.7; cumulative outcome 0, 1, 1
    // |differences| / N = 0.2/3, 0.2/3, 0.7/3 → 0.7/3
    expectClose(ksCalibrationError([0.9, 0.2, 0.6], [0, 0, 1]), 0.7 / 3, { rtol: 4 });
  });

  it('uses the top label of a matrix', () => {
    // confidences 0.8 (wrong), 0.7 (right), 0.6 (right); sorted .6 .7 .8 with outcomes 1 1 0
    // cum score .6 1.3 2.1, cum outcome 1 2 2 → |Δ| .4 .7 .1 → 0.7/3
    const m = fromRows([
      [0.8, 0.2],
      [0.3, 0.7],
      [0.6, 0.4],
    ]);
    expectClose(ksCalibrationError(m, [1, 1, 0]), 0.7 / 3, { rtol: 4 });
  });

  it('evaluates ties only at the end of their block, so row order cannot matter', () => {
    // two rows at 0.5 with outcomes 1 and 0: inside the block the running gap would be
    // 0.5/2 or 0.5/2 depending on order; at the block end it is |1 − 1|/2 = 0
    expect(ksCalibrationError([0.5, 0.5], [1, 0])).toBe(0);
    expect(ksCalibrationError([0.5, 0.5], [0, 1])).toBe(0);
  });

  it('is 0 for exact predictions and 1 for confidently wrong ones', () => {
    expect(ksCalibrationError([0, 1], [0, 1])).toBe(0);
    expect(ksCalibrationError([1, 1], [0, 0])).toBe(1);
  });
});
