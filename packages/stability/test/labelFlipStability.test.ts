import { createRng, fromRows } from '@lslab/core';
import {
  gradientDescent,
  logisticRegression,
  softmaxData,
  softmaxRegression,
  train,
} from '@lslab/models';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labelFlipStability } from '../src/index.ts';
import { thrown } from './helpers.ts';

const X = fromRows([
  [1, 0],
  [0, 1],
  [1, 1],
  [-1, 0.5],
  [0.3, -1.2],
  [-0.7, -0.4],
]);
const Y = [0, 1, 1, 0, 2, 2];

/** The minimiser by 20 000 plain gradient-descent steps: a second, independent solver. */
function byDescent(y: number[], k: number, alpha: number, lambda: number): Float64Array {
  const loss = { labelSmoothing: alpha };
  const m =
    k === 2
      ? logisticRegression({ inputDim: 2, l2: lambda, bias: false, loss })
      : softmaxRegression({ inputDim: 2, numClasses: k, l2: lambda, bias: false, loss });
  train(m, X, y, {
    optimizer: gradientDescent({ learningRate: 0.5 }),
    steps: 20_000,
    log: { steps: [] },
  });
  return Float64Array.from(m.params);
}

function dist(a: Float64Array, b: Float64Array): number {
  return Math.sqrt(a.reduce((s, v, j) => s + (v - b[j]) ** 2, 0));
}

describe('labelFlipStability({ x, y, alpha, lambda, index, convention, test })', () => {
  it('ΔW agrees with an independent gradient-descent solve (K = 3 and K = 2)', () => {
    const r = labelFlipStability({ x: X, y: Y, alpha: 0.1, lambda: 0.5, index: 2 });
    const flipped = [...Y];
    flipped[2] = 2;
    const expected = dist(byDescent(Y, 3, 0.1, 0.5), byDescent(flipped, 3, 0.1, 0.5));
    // gradient descent contracts by at least 1 − ηλ = 0.75 a step: converged far below 1e-12
    expect(Math.abs(r.deltaW - expected)).toBeLessThan(1e-10);
    // ‖Δq‖ = 0.9·√2, ‖x_2‖ = √2, λn = 3
    expect(r.bound).toBeCloseTo((0.9 * Math.SQRT2 * Math.SQRT2) / 3, 15);
    expect(r.deltaQ).toBeCloseTo(0.9 * Math.SQRT2, 15);
    expect(r.deltaW).toBeLessThanOrEqual(r.bound);
    const yb = [0, 1, 1, 0, 1, 0];
    const b = labelFlipStability({ x: X, y: yb, alpha: 0.2, lambda: 0.5, index: 0 });
    const fb = [...yb];
    fb[0] = 1;
    expect(
      Math.abs(b.deltaW - dist(byDescent(yb, 2, 0.2, 0.5), byDescent(fb, 2, 0.2, 0.5))),
    ).toBeLessThan(1e-10);
    // binary: |Δt| = 1 − α = 0.8, ‖x_0‖ = 1
    expect(b.bound).toBeCloseTo(0.8 / 3, 15);
  });

  it('the flip changes nothing at α = 1 (uniform): every target is u', () => {
    const r = labelFlipStability({ x: X, y: Y, alpha: 1, lambda: 0.3, index: 4 });
    expect([r.deltaW, r.bound, r.maxLogitChange, r.maxProbChange]).toEqual([0, 0, 0, 0]);
  });

  it('the largest logit and probability changes are measured on the test rows', () => {
    const test = fromRows([[10, -10]]);
    const r = labelFlipStability({ x: X, y: Y, alpha: 0.1, lambda: 0.5, index: 2, test });
    // one row: |Δz| ≤ ‖ΔW‖_F·‖x‖ (Cauchy–Schwarz per class), ‖x‖ = 10√2
    expect(r.maxLogitChange).toBeGreaterThan(0);
    expect(r.maxLogitChange).toBeLessThanOrEqual(r.deltaW * 10 * Math.SQRT2 * (1 + 1e-12));
    expect(r.maxProbChange).toBeLessThanOrEqual(1);
  });

  it('ΔW ≤ bound for random data, α, λ and flipped row (property)', () => {
    fc.assert(
      fc.property(
        fc.nat(10_000),
        fc.integer({ min: 2, max: 4 }),
        fc.integer({ min: 5, max: 60 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 1e-3, max: 10, noNaN: true }),
        fc.constantFrom('uniform', 'others' as const),
        (seed, k, n, alpha, lambda, convention) => {
          const ds = softmaxData(createRng(seed), { n, dim: 3, numClasses: k });
          const index = seed % n;
          const r = labelFlipStability({
            x: ds.x,
            y: ds.y,
            numClasses: k,
            alpha,
            lambda,
            index,
            convention,
          });
          expect(r.deltaW).toBeLessThanOrEqual(r.bound + r.solverError);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('rejects λ ≤ 0, an index out of range, mismatched shapes, α ∉ [0, 1] and unknown options', () => {
    const base = { x: X, y: Y, alpha: 0.1, lambda: 0.5, index: 0 };
    expect(thrown(() => labelFlipStability({ ...base, lambda: 0 })).message).toContain(
      'options.lambda',
    );
    expect(thrown(() => labelFlipStability({ ...base, lambda: -1 })).code).toBe('E_RANGE');
    expect(thrown(() => labelFlipStability({ ...base, index: 6 })).code).toBe('E_RANGE');
    expect(thrown(() => labelFlipStability({ ...base, index: -1 })).code).toBe('E_RANGE');
    expect(thrown(() => labelFlipStability({ ...base, y: [0, 1] })).code).toBe('E_SHAPE');
    expect(thrown(() => labelFlipStability({ ...base, test: fromRows([[1, 2, 3]]) })).code).toBe(
      'E_SHAPE',
    );
    expect(thrown(() => labelFlipStability({ ...base, alpha: 1.2 })).code).toBe('E_RANGE');
    expect(thrown(() => labelFlipStability({ ...base, flipTo: 0 })).code).toBe('E_RANGE');
    expect(
      thrown(() => labelFlipStability({ ...base, y: [0, 1, 1, 0, 2, 7], numClasses: 3 })).code,
    ).toBe('E_LABEL');
    expect(thrown(() => labelFlipStability({ ...base, lamda: 1 } as never)).code).toBe('E_OPTION');
    expect(thrown(() => labelFlipStability(undefined as never)).code).toBe('E_SHAPE');
  });
});
