import { expectClose } from '@lslab/test-utils';
import { describe, expect, it } from 'vitest';
import {
  fromRows,
  optimalLogitGap,
  optimalSigmoidLogit,
  smoothingDecomposition,
  softmaxCrossEntropy,
} from '../src/index.ts';
import { big, bigCrossEntropy, bigLogSoftmax, bn, num, thrownLslabError } from './helpers/index.ts';

// Valid inputs at the ends of the double range whose answers are finite. Every
// expected value is computed in 64-digit BigNumbers from the definition, with
// each double converted exactly (bn), never from the code under test.

/** The smoothed one-hot target of label y ('uniform'): (1 − α)·e_y + α/K. */
function uniformTarget(alpha: number, k: number, y: number): number[] {
  return Array.from({ length: k }, (_, c) => (c === y ? 1 - alpha : 0) + alpha / k);
}

describe('softmaxCrossEntropy at logits whose spread overflows the sums', () => {
  it('[1e308, 0, 0] with label 0: loss exactly 0, gradient 0', () => {
    const r = softmaxCrossEntropy(fromRows([[1e308, 0, 0]]), [0]);
    // −log softmax(z)_0 = log(1 + 2e^{−1e308}) = 0 in any precision
    expect(num(bigCrossEntropy([1e308, 0, 0], [1, 0, 0]))).toBe(0);
    expect(r.loss).toBe(0);
    expect(Array.from(r.grad.data)).toEqual([0, 0, 0]);
  });

  it('[1e308, 0, 0] with label 1, with and without smoothing', () => {
    const z = [1e308, 0, 0];
    expectClose(softmaxCrossEntropy(fromRows([z]), [1]).loss, num(bigCrossEntropy(z, [0, 1, 0])));
    const q = uniformTarget(0.1, 3, 0);
    const r = softmaxCrossEntropy(fromRows([z]), [0], { labelSmoothing: 0.1 });
    // the loss is Σ q_c (z_0 − z_c) = 2·(0.1/3)·1e308; the factors round a few times
    expectClose(r.loss, num(bigCrossEntropy(z, q)), { rtol: 4 });
    // ∂l/∂z = p − q with p = e_0
    expectClose(r.grad.data[0], 1 - q[0], { rtol: 2 });
    expect(r.grad.data[1]).toBe(-q[1]);
  });

  it('a row spanning more than the double range: finite loss where the math is finite', () => {
    // 1.7e308 − (−1.7e308) overflows; label 0 still has loss 0, its row gradient 0
    const z = fromRows([
      [0, 1],
      [1.7e308, -1.7e308],
    ]);
    const r = softmaxCrossEntropy(z, [0, 0], { reduction: 'none' });
    const row0 = num(bigCrossEntropy([0, 1], [1, 0]));
    expectClose((r.loss as Float64Array)[0], row0, { rtol: 2 });
    expect((r.loss as Float64Array)[1]).toBe(0);
    expect(Array.from(r.grad.data.subarray(2))).toEqual([0, 0]);
    // probability targets and class weights take the same path
    const p = softmaxCrossEntropy(
      z,
      fromRows([
        [1, 0],
        [1, 0],
      ]),
      { weight: [2, 0] },
    );
    expectClose(p.loss, (2 * row0) / 2, { rtol: 2 });
  });

  it('E_RANGE only when the loss itself is beyond the double range', () => {
    const z = fromRows([
      [0, 1],
      [1.7e308, -1.7e308],
    ]);
    // label 1: the loss is 3.4e308 > Number.MAX_VALUE
    expect(bigCrossEntropy([1.7e308, -1.7e308], [0, 1]).gt(bn(Number.MAX_VALUE))).toBe(true);
    const e = thrownLslabError(() => softmaxCrossEntropy(z, [0, 1]), 'E_RANGE');
    expect(e.details).toMatchObject({ argument: 'logits', row: 1 });
    expect(e.message).toContain('beyond the double range');
  });

  it("'mean' of finite row losses whose sum overflows is their finite mean; 'sum' is E_RANGE", () => {
    // each row: ln(1 + e^{−1.2e308}) + 1.2e308 = 1.2e308 exactly in doubles; two rows sum to 2.4e308
    const z = fromRows([
      [-1.2e308, 0],
      [0, -1.2e308],
    ]);
    const row = bigCrossEntropy([-1.2e308, 0], [1, 0]);
    expect(row.times(2).gt(bn(Number.MAX_VALUE))).toBe(true);
    expect(softmaxCrossEntropy(z, [0, 1]).loss).toBe(num(row));
    const none = softmaxCrossEntropy(z, [0, 1], { reduction: 'none' }).loss as Float64Array;
    expect(Array.from(none)).toEqual([num(row), num(row)]);
    // class weights (PyTorch: Σ w_y·l / Σ w_y): 1.2e308 + 0.9·1.2e308 overflows, the mean is 1.2e308
    const weighted = row
      .times(bn(1))
      .plus(row.times(bn(0.9)))
      .div(bn(1).plus(bn(0.9)));
    expectClose(softmaxCrossEntropy(z, [0, 1], { weight: [1, 0.9] }).loss, num(weighted), {
      rtol: 4,
    });
    // probability targets take the same path
    const t = fromRows([
      [1, 0],
      [0, 1],
    ]);
    expect(softmaxCrossEntropy(z, t).loss).toBe(num(row));
    const e = thrownLslabError(
      () => softmaxCrossEntropy(z, [0, 1], { reduction: 'sum' }),
      'E_RANGE',
    );
    expect(e.details).toMatchObject({ argument: 'logits' });
  });
});

describe('smoothingDecomposition at [1e308, 0, 0]', () => {
  it('klFromUniform ≈ 6.7e307, total = (1 − α)·CE + α·(KL + H)', () => {
    const z = [1e308, 0, 0];
    const d = smoothingDecomposition(fromRows([z]), [0], 0.1);
    // KL(u‖p) = −ln K − (1/K)·Σ_c log p_c
    const lp = bigLogSoftmax(z);
    let s = big.bignumber(0);
    for (const l of lp) s = s.plus(l);
    const kl = num(s.div(-3).minus(big.log(big.bignumber(3))));
    expectClose(d.mean.klFromUniform, kl, { rtol: 4 });
    expect(d.mean.crossEntropy).toBe(0);
    expectClose(d.mean.total, num(bigCrossEntropy(z, uniformTarget(0.1, 3, 0))), { rtol: 4 });
  });

  it("'others' puts no mass on the label in the reference term", () => {
    const z = [1e308, 0, 0];
    const d = smoothingDecomposition(fromRows([z]), [1], 0.1, { convention: 'others' });
    // q = (0.05, 0.9, 0.05); u = (1/2, 0, 1/2)
    const lp = bigLogSoftmax(z);
    const kl = num(
      lp[0]
        .plus(lp[2])
        .div(-2)
        .minus(big.log(big.bignumber(2))),
    );
    expectClose(d.mean.klFromUniform, kl, { rtol: 4 });
    expectClose(d.mean.total, num(bigCrossEntropy(z, [0.05, 0.9, 0.05])), { rtol: 4 });
  });

  it('E_RANGE for a term beyond the double range', () => {
    const e = thrownLslabError(
      () => smoothingDecomposition(fromRows([[1.7e308, -1.7e308]]), [1], 0.1),
      'E_RANGE',
    );
    expect(e.details).toMatchObject({ argument: 'logits', row: 0 });
  });
});

describe('closed forms at α near and at 0', () => {
  it('optimalLogitGap(1e-320, 10) ≈ 739.13, not Infinity', () => {
    const a = bn(1e-320); // the subnormal double nearest 1e-320, exactly
    const k = big.bignumber(10);
    const one = big.bignumber(1);
    // ln((1 − α + α/K)/(α/K))
    const uniform = num(big.log(one.minus(a).plus(a.div(k)).div(a.div(k))));
    expectClose(optimalLogitGap(1e-320, 10), uniform, { rtol: 2 });
    expect(uniform).toBeCloseTo(739.13, 2);
    // 'others': ln((1 − α)(K − 1)/α)
    const others = num(big.log(one.minus(a).times(9).div(a)));
    expectClose(optimalLogitGap(1e-320, 10, { convention: 'others' }), others, { rtol: 2 });
    // the smallest subnormal
    const tiny = num(big.log(one.minus(bn(5e-324)).plus(bn(5e-324).div(k)).div(bn(5e-324).div(k))));
    expectClose(optimalLogitGap(5e-324, 10), tiny, { rtol: 2 });
  });

  it('optimalSigmoidLogit(1e-320): K = 2', () => {
    const a = bn(1e-320);
    const one = big.bignumber(1);
    expectClose(optimalSigmoidLogit(1e-320), num(big.log(one.minus(a.div(2)).div(a.div(2)))), {
      rtol: 2,
    });
  });

  it('α = −0 is α = 0: +Infinity, as for +0, never NaN', () => {
    for (const convention of ['uniform', 'others'] as const) {
      expect(optimalLogitGap(-0, 10, { convention })).toBe(Infinity);
      expect(optimalLogitGap(0, 10, { convention })).toBe(Infinity);
      expect(optimalSigmoidLogit(-0, { convention })).toBe(Infinity);
    }
  });
});
