import { EPS, expectArraysClose } from '@lslab/test-utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertSmoothing, smoothBinaryTargets, smoothLabels } from '../src/index.ts';
import { thrownLslabError } from './helpers/index.ts';

const C1 = { atol: 1e-15 / EPS };

describe('smoothBinaryTargets(targets, alpha, options)', () => {
  it("'others', α=0.1: {0, 1} becomes {0.1, 0.9}", () => {
    expectArraysClose(smoothBinaryTargets([0, 1], 0.1, { convention: 'others' }), [0.1, 0.9], C1);
  });

  it("'uniform' (default) is the Keras/TF.js rule t(1−α) + α/2", () => {
    // hand values: α=0.1 → {0.05, 0.95}; α=0.2, t=0.3 → 0.3·0.8 + 0.1 = 0.34
    expectArraysClose(smoothBinaryTargets([0, 1], 0.1), [0.05, 0.95], C1);
    expectArraysClose(smoothBinaryTargets([0.3], 0.2, { convention: 'uniform' }), [0.34], C1);
  });

  it("the Keras/TF.js rule equals 'uniform' smoothing with K = 2 (fast-check)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 1), (alpha, t) => {
        const keras = t * (1 - alpha) + alpha / 2;
        const q = smoothLabels([t], 2, alpha);
        expectArraysClose(smoothBinaryTargets([t], alpha), [keras], C1);
        expectArraysClose([q.data[1]], [keras], C1); // p(class 1) of the K=2 rule
      }),
    );
  });

  it("'others' equals 'others' smoothLabels with K = 2 and 'uniform' with 2α (fast-check)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 0.5, noNaN: true }), fc.constantFrom(0, 1), (a, t) => {
        const others = smoothBinaryTargets([t], a, { convention: 'others' });
        expectArraysClose(others, [smoothLabels([t], 2, a, { convention: 'others' }).data[1]], C1);
        const u = convertSmoothing(a, 2, 'others', 'uniform');
        expectArraysClose(others, smoothBinaryTargets([t], u), C1);
      }),
    );
  });

  it('smooths soft targets linearly in t', () => {
    // 'others': t(1−2α) + α; t = 0.25, α = 0.1 → 0.2 + 0.1 = 0.3
    expectArraysClose(smoothBinaryTargets([0.25], 0.1, { convention: 'others' }), [0.3], C1);
    expectArraysClose(smoothBinaryTargets([0.5], 0.7), [0.5], C1);
  });

  it('returns a new Float64Array, empty for empty input', () => {
    const t = new Float32Array([0, 1]);
    const out = smoothBinaryTargets(t, 0);
    expect(out).toBeInstanceOf(Float64Array);
    expect(Array.from(out)).toEqual([0, 1]);
    expect(smoothBinaryTargets([], 0.1).length).toBe(0);
  });

  it('throws E_RANGE for a target outside [0, 1] or α outside [0, 1]', () => {
    let e = thrownLslabError(() => smoothBinaryTargets([0, 1.7], 0.1), 'E_RANGE');
    expect(e.message).toBe('smoothBinaryTargets: targets[1] = 1.7: must lie in [0, 1]');
    thrownLslabError(() => smoothBinaryTargets([-0.1], 0.1), 'E_RANGE');
    e = thrownLslabError(() => smoothBinaryTargets([0], -0.5), 'E_RANGE');
    expect(e.message).toBe('smoothBinaryTargets: alpha = -0.5: must lie in [0, 1]');
  });

  it('throws E_NOT_FINITE for a NaN or ±∞ target, E_OPTION for an unknown convention', () => {
    const e = thrownLslabError(() => smoothBinaryTargets([0, Number.NaN], 0.1), 'E_NOT_FINITE');
    expect(e.message).toBe('smoothBinaryTargets: targets[1] = NaN: is not finite');
    thrownLslabError(() => smoothBinaryTargets([Number.POSITIVE_INFINITY], 0.1), 'E_NOT_FINITE');
    thrownLslabError(
      () => smoothBinaryTargets([0], 0.1, { convention: 'both' as 'others' }),
      'E_OPTION',
    );
  });
});
