import { fromRows } from '@lslab/core';
import { expectClose } from '@lslab/test-utils';
import { describe, expect, it } from 'vitest';
import { expectedCalibrationError, overUnderConfidence } from '../../src/index.ts';

describe('overUnderConfidence(probs, labels, options)', () => {
  it('splits ECE by the sign of conf − acc (by hand)', () => {
    // bin [0, .5): conf 0.2, acc 1 → under 0.8 ; bin [.5, 1]: conf 0.9, acc 0 → over 0.9
    // each bin holds half the rows: over 0.45, under 0.4, ECE 0.85
    const r = overUnderConfidence([0.2, 0.9], [1, 0], { bins: 2 });
    expectClose(r.overconfidence, 0.45, { rtol: 4 });
    expectClose(r.underconfidence, 0.4, { rtol: 4 });
    expectClose(r.overconfidence + r.underconfidence, 0.85, { rtol: 4 });
  });

  it('sums to the l1 ECE, top-label and classwise', () => {
    const m = fromRows([
      [0.7, 0.2, 0.1],
      [0.3, 0.3, 0.4],
      [0.1, 0.8, 0.1],
      [0.6, 0.3, 0.1],
      [0.05, 0.05, 0.9],
    ]);
    const y = [0, 2, 1, 1, 2];
    for (const scope of ['top-label', 'classwise'] as const) {
      const r = overUnderConfidence(m, y, { bins: 4, scope });
      const e = expectedCalibrationError(m, y, { bins: 4, scope }).value;
      expectClose(r.overconfidence + r.underconfidence, e, { atol: 8, label: scope });
    }
  });

  it('an always-right model can only be under-confident', () => {
    const r = overUnderConfidence([0.6, 0.7, 0.8], [1, 1, 1], { bins: 5 });
    expect(r.overconfidence).toBe(0);
    expect(r.underconfidence).toBeGreaterThan(0);
  });
});
