import { expectClose } from '@lslab/test-utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng, fromRows, meanDivisor, softmaxCrossEntropy } from '../src/index.ts';
import { randomLogits, thrownLslabError } from './helpers/index.ts';

describe('meanDivisor(target, { weight, ignoreIndex })', () => {
  it('index targets: the count of rows without weights, Σ w_{y_i} with them (PyTorch reduction="mean")', () => {
    expect(meanDivisor([0, 1, 1])).toBe(3);
    expect(meanDivisor([0, 1, 1], { weight: [2, 0.5] })).toBe(3);
    expect(meanDivisor(new Int32Array([1, 1]), { weight: [2, 0.25] })).toBe(0.5);
  });

  it('leaves out the ignored rows, and is 0 when every row is ignored', () => {
    expect(meanDivisor([0, -100, 1], { ignoreIndex: -100 })).toBe(2);
    expect(meanDivisor([0, -100, 1], { weight: [3, 1], ignoreIndex: -100 })).toBe(4);
    expect(meanDivisor([-100], { ignoreIndex: -100 })).toBe(0);
  });

  it('probability targets: N, whatever the weights', () => {
    expect(
      meanDivisor(
        fromRows([
          [0.5, 0.5],
          [1, 0],
        ]),
        { weight: [2, 1] },
      ),
    ).toBe(2);
  });

  it("is the ratio of softmaxCrossEntropy's 'sum' to its 'mean'", () => {
    fc.assert(
      fc.property(
        fc.nat(),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 2, max: 6 }),
        (seed, n, k) => {
          const rng = createRng(seed);
          const z = randomLogits(rng, n, k);
          const y = Array.from({ length: n }, () => (rng.uniform() < 0.2 ? -1 : rng.int(k)));
          const weight = Array.from({ length: k }, () => 0.25 + rng.uniform());
          const o = { weight, ignoreIndex: -1 };
          const d = meanDivisor(y, o);
          if (d === 0) return;
          const sum = softmaxCrossEntropy(z, y, { ...o, reduction: 'sum' }).loss;
          const mean = softmaxCrossEntropy(z, y, o).loss;
          expectClose(mean * d, sum, { rtol: 8 * n, atol: 8 * n });
        },
      ),
      { seed: 8, numRuns: 100 },
    );
  });

  it('names meanDivisor and the argument in its errors', () => {
    expect(thrownLslabError(() => meanDivisor([0, 2], { weight: [1, 1] }), 'E_LABEL').message).toBe(
      'meanDivisor: target[1] = 2: is not a class index in [0, 2)',
    );
    expect(thrownLslabError(() => meanDivisor([0.5]), 'E_LABEL').message).toBe(
      'meanDivisor: target[0] = 0.5: is not an integer ≥ 0',
    );
    thrownLslabError(() => meanDivisor([0], { weight: [-1] }), 'E_RANGE');
    thrownLslabError(() => meanDivisor(3 as unknown as number[]), 'E_SHAPE');
    expect(
      thrownLslabError(() => meanDivisor([0], { weights: [1] } as object), 'E_OPTION').message,
    ).toContain("did you mean 'weight'?");
  });
});
