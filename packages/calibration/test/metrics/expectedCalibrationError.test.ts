import { fromRows } from '@lslab/core';
import { expectClose } from '@lslab/test-utils';
import { describe, expect, it } from 'vitest';
import { expectedCalibrationError } from '../../src/index.ts';

// Six rows, K = 3, worked by hand. Top label = argmax (ties → lowest index).
//   row  probs               y  argmax conf  correct
//   0    (0.7, 0.2, 0.1)     0  0      0.7   1
//   1    (0.3, 0.3, 0.4)     1  2      0.4   0
//   2    (0.5, 0.5, 0)       1  0      0.5   0   ← tie goes to class 0
//   3    (0.1, 0.85, 0.05)   1  1      0.85  1
//   4    (1, 0, 0)           0  0      1     1   ← confidence exactly 1
//   5    (0.2, 0.2, 0.6)     0  2      0.6   0   ← confidence exactly 3/5
const probs = fromRows([
  [0.7, 0.2, 0.1],
  [0.3, 0.3, 0.4],
  [0.5, 0.5, 0],
  [0.1, 0.85, 0.05],
  [1, 0, 0],
  [0.2, 0.2, 0.6],
]);
const labels = [0, 1, 1, 1, 0, 0];

/** The neighbouring double of x in direction dir (x > 0). */
function nextDouble(x: number, dir: 1 | -1): number {
  const f = new Float64Array([x]);
  const b = new BigInt64Array(f.buffer);
  b[0] += BigInt(dir);
  return f[0];
}

describe('expectedCalibrationError(probs, labels, { bins: 5 })', () => {
  it('left edges [lo, hi): bins {0.4, 0.5}, {0.7, 0.6}, {0.85, 1}', () => {
    // bin 2 = [0.4, 0.6): conf 0.45, acc 0   → gap 0.45
    // bin 3 = [0.6, 0.8): conf 0.65, acc 1/2 → gap 0.15
    // bin 4 = [0.8, 1]:   conf 0.925, acc 1  → gap 0.075 (1.0 lands here: no extra bin)
    // ECE = (2/6)(0.45 + 0.15 + 0.075) = 0.225
    const r = expectedCalibrationError(probs, labels, { bins: 5 });
    expect(r.bins.map((b) => b.count)).toEqual([0, 0, 2, 2, 2]);
    expect(r.bins.map((b) => b.lo)).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
    expect(r.bins.map((b) => b.hi)).toEqual([0.2, 0.4, 0.6, 0.8, 1]);
    expect(r.bins[0].confidence).toBeNull();
    expectClose(r.bins[2].confidence!, 0.45, { rtol: 2 });
    expectClose(r.bins[3].accuracy!, 0.5);
    expectClose(r.value, 0.225, { rtol: 8 });
  });

  it("norm 'max' and 'l2' on the same bins", () => {
    // MCE = max(0.45, 0.15, 0.075) = 0.45
    // RMSCE = sqrt((1/3)(0.45² + 0.15² + 0.075²)) = sqrt(0.230625 / 3) = sqrt(0.076875)
    expectClose(expectedCalibrationError(probs, labels, { bins: 5, norm: 'max' }).value, 0.45, {
      rtol: 4,
    });
    expectClose(
      expectedCalibrationError(probs, labels, { bins: 5, norm: 'l2' }).value,
      Math.sqrt(0.076875),
      { rtol: 8 },
    );
  });

  it('right edges (lo, hi]: 0.4 and 0.6 move down one bin', () => {
    // bin 1 = (0.2, 0.4]: {0.4 wrong}             gap 0.4,  n 1
    // bin 2 = (0.4, 0.6]: {0.5 wrong, 0.6 wrong}  gap 0.55, n 2
    // bin 3 = (0.6, 0.8]: {0.7 right}             gap 0.3,  n 1
    // bin 4 = (0.8, 1]:   {0.85, 1, both right}   gap 0.075, n 2
    // ECE = (0.4 + 2·0.55 + 0.3 + 2·0.075) / 6 = 1.95 / 6 = 0.325
    const r = expectedCalibrationError(probs, labels, { bins: 5, edges: 'right' });
    expect(r.bins.map((b) => b.count)).toEqual([0, 1, 2, 1, 2]);
    expectClose(r.value, 0.325, { rtol: 8 });
  });

  it("scope 'classwise' is the mean of per-class errors of p_c against 1[y = c]", () => {
    // class 0: p = .7 .3 .5 .1 1 .2, y=0? 1 0 0 0 1 1
    //   [0,.2): {.1→0} gap .1 | [.2,.4): {.3→0, .2→1} conf .25 acc .5 gap .25
    //   [.4,.6): {.5→0} gap .5 | [.6,.8): {.7→1} gap .3 | [.8,1]: {1→1} gap 0
    //   ECE0 = (.1 + 2·.25 + .5 + .3 + 0)/6 = 1.4/6
    // class 1: p = .2 .3 .5 .85 0 .2, y=1? 0 1 1 1 0 0
    //   [0,.2): {0→0} gap 0 | [.2,.4): {.2→0, .3→1, .2→0} conf 0.7/3 acc 1/3 gap 0.1
    //   [.4,.6): {.5→1} gap .5 | [.8,1]: {.85→1} gap .15
    //   ECE1 = (0 + 3·0.1 + .5 + .15)/6 = 0.95/6
    // class 2: p = .1 .4 0 .05 0 .6, never the label
    //   [0,.2): {.1, 0, .05, 0} conf .0375 gap .0375 | [.4,.6): {.4} gap .4 | [.6,.8): {.6} gap .6
    //   ECE2 = (4·.0375 + .4 + .6)/6 = 1.15/6
    // classwise = (1.4 + 0.95 + 1.15) / 18 = 3.5 / 18
    const r = expectedCalibrationError(probs, labels, { bins: 5, scope: 'classwise' });
    expect(r.classes?.length).toBe(3);
    expectClose(r.classes![0].value, 1.4 / 6, { rtol: 16 });
    expectClose(r.classes![1].value, 0.95 / 6, { rtol: 16 });
    expectClose(r.classes![2].value, 1.15 / 6, { rtol: 16 });
    expectClose(r.value, 3.5 / 18, { rtol: 16 });
    // pooled bins hold N·K = 18 events
    expect(r.bins.reduce((s, b) => s + b.count, 0)).toBe(18);
  });

  it('a vector of p(y=1) scores the positive class, not max(p, 1 − p)', () => {
    // p = 0.1 (y 0), 0.2 (y 1), 0.9 (y 1), 2 bins [0, .5), [.5, 1]
    // positive class: bin 0 conf .15 acc .5 gap .35 (n 2); bin 1 conf .9 acc 1 gap .1
    // ECE = (2·.35 + .1)/3 = 0.8/3
    const v = expectedCalibrationError([0.1, 0.2, 0.9], [0, 1, 1], { bins: 2 });
    expectClose(v.value, 0.8 / 3, { rtol: 8 });
    // the same rows as an N×2 matrix, top-label: conf .9 (right), .8 (wrong), .9 (right)
    // one bin [.5, 1]: conf 2.6/3, acc 2/3 → gap 0.6/3 = 0.2
    const m = fromRows([
      [0.9, 0.1],
      [0.8, 0.2],
      [0.1, 0.9],
    ]);
    expectClose(expectedCalibrationError(m, [0, 1, 1], { bins: 2 }).value, 0.2, { rtol: 8 });
  });

  it('bins: 1 is |mean confidence − accuracy|', () => {
    // conf .7 .4 .5 .85 1 .6 → mean 4.05/6 = .675; acc 3/6 → 0.175
    expectClose(expectedCalibrationError(probs, labels, { bins: 1 }).value, 0.175, { rtol: 8 });
  });
});

describe('expectedCalibrationError boundary values', () => {
  const B = 10;
  const grid = Array.from({ length: B + 1 }, (_, i) => i / B); // 0, 0.1, …, 1 computed as i/B
  const y = grid.map(() => 1);

  it("edges 'left': i/B opens bin i, 1 closes the last bin, 0 is in bin 0", () => {
    const r = expectedCalibrationError(grid, y, { bins: B });
    expect(r.bins.length).toBe(B);
    // bins 0..8 hold exactly one point (i/B); bin 9 holds 0.9 and 1.0
    expect(r.bins.map((b) => b.count)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 2]);
    for (let i = 0; i < B; i++) expect(r.bins[i].lo).toBe(i / B);
    expect(r.bins[B - 1].hi).toBe(1);
  });

  it("edges 'right': i/B closes bin i − 1, 0 is in the first bin", () => {
    const r = expectedCalibrationError(grid, y, { bins: B, edges: 'right' });
    expect(r.bins.map((b) => b.count)).toEqual([2, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
  });

  it('the doubles next to an edge i/B stay on their side', () => {
    const below = nextDouble(0.3, -1);
    const above = nextDouble(0.3, 1);
    // left: below ∈ [0.2, 0.3); 0.3 and above ∈ [0.3, 0.4)
    const left = expectedCalibrationError([below, 0.3, above], [1, 1, 1], { bins: 10 });
    expect([left.bins[2].count, left.bins[3].count]).toEqual([1, 2]);
    // right: below and 0.3 ∈ (0.2, 0.3]; above ∈ (0.3, 0.4]
    const right = expectedCalibrationError([below, 0.3, above], [1, 1, 1], {
      bins: 10,
      edges: 'right',
    });
    expect([right.bins[2].count, right.bins[3].count]).toEqual([2, 1]);
  });

  it('confidence 0 with label 0 and confidence 1 with label 1 are perfectly calibrated', () => {
    for (const edges of ['left', 'right'] as const) {
      expect(expectedCalibrationError([0, 1, 0, 1], [0, 1, 0, 1], { bins: 3, edges }).value).toBe(
        0,
      );
    }
  });
});

describe('expectedCalibrationError equal-mass bins', () => {
  it('never splits tied confidences', () => {
    // p = .1, .2 ×4, .5, .6, .9 with B = 4 (target 2 per bin). The cut after
    // position 2 falls inside the block of 0.2s and moves to its nearer end (1);
    // the cut after position 4 moves to 5. Bins: {.1}, {.2 ×4}, {.5}, {.6, .9}.
    const p = [0.1, 0.2, 0.2, 0.2, 0.2, 0.5, 0.6, 0.9];
    const y = [0, 0, 1, 0, 0, 1, 1, 1];
    const r = expectedCalibrationError(p, y, { bins: 4, binning: 'equal-mass' });
    expect(r.bins.map((b) => b.count)).toEqual([1, 4, 1, 2]);
    // gaps: .1, |.25 − .2| = .05, .5, |1 − .75| = .25 → (.1 + 4·.05 + .5 + 2·.25)/8 = 1.3/8
    expectClose(r.value, 1.3 / 8, { rtol: 8 });
  });

  it('all-equal confidences collapse to one bin', () => {
    const r = expectedCalibrationError([0.7, 0.7, 0.7], [1, 0, 1], {
      bins: 3,
      binning: 'equal-mass',
    });
    expect(r.bins.length).toBe(1);
    // a difference of two numbers near 0.7: absolute error of a few EPS
    expectClose(r.value, Math.abs(2 / 3 - 0.7), { atol: 4 });
  });
});

describe('expectedCalibrationError debiased (Kumar et al. 2019)', () => {
  it('removes the sampling variance of a bin: acc(1 − acc)/(n − 1)', () => {
    // one bin: conf .5, acc 3/4, gap² = 1/16; variance term (3/4·1/4)/3 = 1/16 → 0
    const p = [0.5, 0.5, 0.5, 0.5];
    const y = [1, 1, 1, 0];
    for (const norm of ['l1', 'l2', 'max'] as const) {
      expect(expectedCalibrationError(p, y, { bins: 1, norm, debias: true }).value).toBe(0);
    }
    // plug-in: 0.25 for every norm
    expectClose(expectedCalibrationError(p, y, { bins: 1, norm: 'l2' }).value, 0.25);
  });

  it('leaves a bin with acc ∈ {0, 1} unchanged and drops one-sample bins', () => {
    // bin [0, .5): {0.2 → 0, 0.4 → 0}: acc 0, gap .3, no variance
    // bin [.5, 1]: {0.9 → 0}: a single sample → contributes 0 when debiased
    // l2 = sqrt((2/3)·0.09) ; l1 = (2/3)·0.3 = 0.2 ; max = 0.3
    const p = [0.2, 0.4, 0.9];
    const y = [0, 0, 0];
    const o = { bins: 2, debias: true } as const;
    expectClose(expectedCalibrationError(p, y, { ...o, norm: 'l2' }).value, Math.sqrt(0.06), {
      rtol: 4,
    });
    expectClose(expectedCalibrationError(p, y, { ...o, norm: 'l1' }).value, 0.2, { rtol: 4 });
    expectClose(expectedCalibrationError(p, y, { ...o, norm: 'max' }).value, 0.3, { rtol: 4 });
  });

  it("l2 matches Kumar et al.'s unbiased squared error with the root of its positive part", () => {
    // bin [0, .5): p .2 .3 .4 y 1 0 0: conf .3, acc 1/3, gap² = 1/900, var (1/3·2/3)/2 = 1/9
    // bin [.5, 1]: p .6 .8 .9 .9 y 1 1 1 0: conf .8, acc .75, gap² = .0025, var (.75·.25)/3 = .0625
    // Σ (n_b/N)(gap² − var) = (3/7)(1/900 − 1/9) + (4/7)(.0025 − .0625) < 0 → clipped → 0
    const p = [0.2, 0.3, 0.4, 0.6, 0.8, 0.9, 0.9];
    const y = [1, 0, 0, 1, 1, 1, 0];
    expect(expectedCalibrationError(p, y, { bins: 2, norm: 'l2', debias: true }).value).toBe(0);
  });
});

describe('expectedCalibrationError input forms', () => {
  it('a Float32 matrix is read as given (its row sums are within 1e-6 of 1)', () => {
    // float32 rows sum to 1 within 1e-7. Row 0: conf fround(0.7), argmax 0 = y (right),
    // bin [0.5, 1]; row 1: conf fround(0.4), argmax 2 ≠ y = 1 (wrong), bin [0, 0.5).
    // ECE = (|0 − fround(0.4)| + |1 − fround(0.7)|)/2
    const f32 = { rows: 2, cols: 3, data: new Float32Array([0.7, 0.2, 0.1, 0.3, 0.3, 0.4]) };
    const want = (Math.fround(0.4) + 1 - Math.fround(0.7)) / 2;
    expectClose(expectedCalibrationError(f32, [0, 1], { bins: 2 }).value, want, { rtol: 4 });
  });

  it('classwise on a vector equals classwise on the N×2 matrix [1 − p, p]', () => {
    const p = [0.05, 0.3, 0.5, 0.65, 0.99, 1];
    const y = [0, 1, 0, 1, 1, 1];
    const m = fromRows(p.map((q) => [1 - q, q]));
    for (const edges of ['left', 'right'] as const) {
      expect(expectedCalibrationError(p, y, { bins: 4, scope: 'classwise', edges }).value).toBe(
        expectedCalibrationError(m, y, { bins: 4, scope: 'classwise', edges }).value,
      );
    }
  });

  it('classwise with equal-mass bins reports bins per class only', () => {
    const r = expectedCalibrationError(probs, labels, {
      bins: 3,
      scope: 'classwise',
      binning: 'equal-mass',
    });
    expect(r.bins).toEqual([]);
    expect(r.classes?.map((c) => c.bins.reduce((s, b) => s + b.count, 0))).toEqual([6, 6, 6]);
  });
});
