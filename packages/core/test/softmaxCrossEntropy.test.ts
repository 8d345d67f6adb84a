import { EPS, expectArraysClose, expectClose } from '@lslab/test-utils';
import { describe, expect, it } from 'vitest';
import {
  createRng,
  fromRows,
  type Matrix,
  matrix,
  type Reduction,
  type SoftmaxCrossEntropyOptions,
  softmaxCrossEntropy,
} from '../src/index.ts';
import {
  bigCrossEntropy,
  centralDifference,
  num,
  randomDistributionRows,
  randomLogits,
  randomWeights,
} from './helpers/index.ts';

// the fourth-order stencil is accurate to ~1e-12 here (see centralDifference)
const FD = { atol: 1e-9 / EPS };

/** ∂loss/∂z by central differences, row-blocked for reduction 'none'. */
function numericGrad(
  z: Matrix,
  target: ArrayLike<number> | Matrix,
  options: SoftmaxCrossEntropyOptions,
): Float64Array {
  const { rows: n, cols: k } = z;
  const run = (x: Float64Array) => softmaxCrossEntropy(matrix(n, k, x), target, options).loss;
  if (options.reduction !== 'none') return centralDifference((x) => run(x) as number, z.data);
  const g = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    const gi = centralDifference((x) => (run(x) as Float64Array)[i], z.data);
    g.set(gi.subarray(i * k, (i + 1) * k), i * k);
  }
  return g;
}

describe('softmaxCrossEntropy(logits, target, options)', () => {
  it('[[2, 0, 0]], label 0: log(1 + 2e^{−2}); with α = 0.3 add 0.2·2 (q = (0.8, 0.1, 0.1))', () => {
    const z = fromRows([[2, 0, 0]]);
    const base = Math.log1p(2 * Math.exp(-2));
    expectClose(softmaxCrossEntropy(z, [0]).loss, base, { rtol: 4 });
    // loss = lse − Σ q z = (2 + base) − 0.8·2
    expectClose(softmaxCrossEntropy(z, [0], { labelSmoothing: 0.3 }).loss, base + 0.4, { rtol: 4 });
    // grad = p − q: p = (e², 1, 1)/(e² + 2)
    const s = Math.exp(2) + 2;
    expectArraysClose(
      softmaxCrossEntropy(z, [0], { labelSmoothing: 0.3 }).grad.data,
      [Math.exp(2) / s - 0.8, 1 / s - 0.1, 1 / s - 0.1],
      { rtol: 8, atol: 2 },
    );
  });

  describe('gradient = central finite differences of the loss, every option combination', () => {
    const rng = createRng(101);
    const n = 4;
    const k = 3;
    const z = randomLogits(rng, n, k, 2);
    const w = randomWeights(rng, k);
    const probs = randomDistributionRows(rng, n, k);
    const targets: [string, ArrayLike<number> | Matrix, number | undefined][] = [
      ['labels', [0, 2, 1, 2], undefined],
      ['labels with ignoreIndex', [0, -1, 1, 2], -1],
      ['probabilities', probs, undefined],
    ];
    const cases: [string, SoftmaxCrossEntropyOptions][] = [];
    for (const [tName, , ignoreIndex] of targets)
      for (const weight of [undefined, w])
        for (const weightMode of ['target', 'sample'] as const)
          for (const reduction of ['mean', 'sum', 'none'] as Reduction[])
            for (const convention of ['uniform', 'others'] as const)
              for (const labelSmoothing of [0, 0.15]) {
                const options = {
                  weight,
                  weightMode,
                  reduction,
                  convention,
                  labelSmoothing,
                  ignoreIndex,
                };
                const name = `${tName}, ${weight ? 'weights' : 'no weights'}, ${weightMode}, ${reduction}, ${convention}, α=${labelSmoothing}`;
                cases.push([name, options]);
              }
    it.each(cases)('%s', (name, options) => {
      const target = targets.find(([t]) => name.startsWith(`${t},`))?.[1] as
        | ArrayLike<number>
        | Matrix;
      const { grad } = softmaxCrossEntropy(z, target, options);
      expect(grad.rows).toBe(n);
      expect(grad.cols).toBe(k);
      expectArraysClose(grad.data, numericGrad(z, target, options), FD);
    });
  });

  it('ignored rows have loss 0 and a zero gradient row', () => {
    const z = randomLogits(createRng(102), 3, 4);
    const r = softmaxCrossEntropy(z, [1, -100, 3], {
      ignoreIndex: -100,
      reduction: 'none',
      labelSmoothing: 0.1,
    });
    expect(r.loss[1]).toBe(0);
    expect(Array.from(r.grad.data.subarray(4, 8))).toEqual([0, 0, 0, 0]);
    const all = softmaxCrossEntropy(z, [-100, -100, -100], { ignoreIndex: -100, reduction: 'sum' });
    expect(all.loss).toBe(0);
    expect(Array.from(all.grad.data)).toEqual(new Array(12).fill(0));
  });

  it("'sample' mode: loss_i = w_{y_i}·CE(q_i, p_i) in 64-digit BigNumbers, 'mean' divides by Σ w_{y_i}", () => {
    const rng = createRng(103);
    const z = randomLogits(rng, 5, 4);
    const w = randomWeights(rng, 4);
    const y = [3, 0, 0, 2, 1];
    const alpha = 0.2;
    const r = softmaxCrossEntropy(z, y, {
      weight: w,
      weightMode: 'sample',
      labelSmoothing: alpha,
      reduction: 'none',
    });
    let total = 0;
    let denom = 0;
    for (let i = 0; i < 5; i++) {
      const q = [0, 1, 2, 3].map((c) => (c === y[i] ? 1 - alpha + alpha / 4 : alpha / 4));
      const expected = num(bigCrossEntropy(z.data.subarray(i * 4, i * 4 + 4), q).times(w[y[i]]));
      expectClose(r.loss[i], expected, { rtol: 1e-12 / EPS });
      total += expected;
      denom += w[y[i]];
    }
    const mean = softmaxCrossEntropy(z, y, {
      weight: w,
      weightMode: 'sample',
      labelSmoothing: alpha,
    });
    expectClose(mean.loss, total / denom, { rtol: 1e-12 / EPS });
  });

  it("'others': q_y = 1 − α, q_k = α/(K−1), in 64-digit BigNumbers", () => {
    const z = randomLogits(createRng(104), 3, 5);
    const y = [4, 1, 0];
    const r = softmaxCrossEntropy(z, y, {
      convention: 'others',
      labelSmoothing: 0.1,
      reduction: 'none',
    });
    for (let i = 0; i < 3; i++) {
      const q = [0, 1, 2, 3, 4].map((c) => (c === y[i] ? 0.9 : 0.025));
      expectClose(r.loss[i], num(bigCrossEntropy(z.data.subarray(i * 5, i * 5 + 5), q)), {
        rtol: 1e-12 / EPS,
      });
    }
  });

  it('Float32 logits give the Float64 result of the rounded values', () => {
    const z64 = randomLogits(createRng(105), 4, 6);
    const z32 = matrix(4, 6, Float32Array.from(z64.data));
    const rounded = Float64Array.from(z32.data);
    const y = [5, 0, 2, 2];
    const r = softmaxCrossEntropy(z32, y, { labelSmoothing: 0.1, reduction: 'none' });
    expect(r.grad.data).toBeInstanceOf(Float64Array);
    for (let i = 0; i < 4; i++) {
      const q = [0, 1, 2, 3, 4, 5].map((c) => (c === y[i] ? 0.9 + 0.1 / 6 : 0.1 / 6));
      expectClose(r.loss[i], num(bigCrossEntropy(rounded.subarray(i * 6, i * 6 + 6), q)), {
        rtol: 1e-12 / EPS,
      });
    }
    // and the same numbers as Float64 logits holding those values
    const r64 = softmaxCrossEntropy(matrix(4, 6, rounded), y, {
      labelSmoothing: 0.1,
      reduction: 'none',
    });
    expect(Array.from(r.loss)).toEqual(Array.from(r64.loss));
    expect(Array.from(r.grad.data)).toEqual(Array.from(r64.grad.data));
  });

  it("dtype 'float32' returns the gradient rounded to Float32", () => {
    const z = fromRows([[2, 0, 0]]);
    const r = softmaxCrossEntropy(z, [0], { labelSmoothing: 0.3, dtype: 'float32' });
    expect(r.grad.data).toBeInstanceOf(Float32Array);
    const s = Math.exp(2) + 2;
    expectArraysClose(r.grad.data, [Math.exp(2) / s - 0.8, 1 / s - 0.1, 1 / s - 0.1], {
      rtol: 2 ** -24 / EPS,
      atol: 2 ** -24 / EPS,
    });
    expectClose(r.loss, Math.log1p(2 * Math.exp(-2)) + 0.4, { rtol: 4 });
  });

  it('is finite for logits at ±1e4 and ±1e300', () => {
    // label on the large logit: loss = log(1 + e^{−2e300}) = 0 (and + α·… for smoothing)
    const big = fromRows([
      [1e300, -1e300],
      [1e4, -1e4],
    ]);
    const r = softmaxCrossEntropy(big, [0, 0], { reduction: 'none' });
    expect(Array.from(r.loss)).toEqual([0, 0]);
    expect(Array.from(r.grad.data)).toEqual([0, 0, 0, 0]);
    // label on the small logit: loss = 2e300 (resp. 2e4), grad = (1, −1)
    const wrong = softmaxCrossEntropy(big, [1, 1], { reduction: 'none' });
    expect(Array.from(wrong.loss)).toEqual([2e300, 2e4]);
    expect(Array.from(wrong.grad.data)).toEqual([1, -1, 1, -1]);
    // α = 0.1, K = 2: q = (0.95, 0.05) → loss = 0.05·2e4 for the second row
    const smooth = softmaxCrossEntropy(big, [0, 0], { labelSmoothing: 0.1, reduction: 'none' });
    expectClose(smooth.loss[1], 0.05 * 2e4, { rtol: 2 });
    expectClose(smooth.loss[0], 0.05 * 2e300, { rtol: 2 });
  });

  it('writes the gradient into options.out and returns it as grad.data', () => {
    const z = randomLogits(createRng(106), 3, 4);
    const y = [1, -1, 3];
    const opts = { ignoreIndex: -1, labelSmoothing: 0.1, weight: [1, 2, 0.5, 3] } as const;
    const fresh = softmaxCrossEntropy(z, y, opts);
    // old values in the buffer, ignored row included, must all be overwritten
    const out = new Float64Array(12).fill(Number.NaN);
    const reused = softmaxCrossEntropy(z, y, { ...opts, out });
    expect(reused.grad.data).toBe(out);
    expect(Array.from(out)).toEqual(Array.from(fresh.grad.data));
    expectArraysClose(out, numericGrad(z, y, opts), FD);
    const out32 = new Float32Array(12).fill(7);
    const r32 = softmaxCrossEntropy(z, y, { ...opts, out: out32 });
    expect(r32.grad.data).toBe(out32);
    expectArraysClose(out32, Array.from(fresh.grad.data, Math.fround), { rtol: 0 });
  });

  it('a Float32 gradient keeps p_y − q_y when p_y ≈ 1 (rounded once, relative 2^-24)', () => {
    // z = (20, 0, 0), label 0, α = 0: p_0 − 1 = −2e^{−20}/(1 + 2e^{−20}) ≈ −4.1e−9
    const r = softmaxCrossEntropy(fromRows([[20, 0, 0]]), [0], { dtype: 'float32' });
    const t = 2 * Math.exp(-20);
    const expected = [-t / (1 + t), Math.exp(-20) / (1 + t), Math.exp(-20) / (1 + t)];
    expectArraysClose(r.grad.data, expected, { rtol: 2 ** -24 / EPS });
  });

  it('the README example, derived by hand', () => {
    const z = fromRows([
      [2, 0, 0],
      [0.5, 1.5, -1],
    ]);
    const lse = (r: number[]) => Math.log(r.reduce((s, v) => s + Math.exp(v), 0));
    const on = 0.9 + 0.1 / 3;
    const off = 0.1 / 3;
    // row 0: lse − 2·on; row 1: lse − (0.5·off + 1.5·on − off)
    const l0 = lse([2, 0, 0]) - 2 * on;
    const l1 = lse([0.5, 1.5, -1]) - (0.5 * off + 1.5 * on - off);
    const { loss } = softmaxCrossEntropy(z, [0, 1], { labelSmoothing: 0.1 });
    expectClose(loss, (l0 + l1) / 2, { rtol: 16 });
    // weights (1, 2, 4), row 1 ignored: (Σ w_c q_c)·lse − Σ w_c q_c z_c over w_0 = 1
    const weighted = softmaxCrossEntropy(z, [0, -100], {
      weight: [1, 2, 4],
      ignoreIndex: -100,
      labelSmoothing: 0.1,
    });
    expectClose(weighted.loss, (on + 2 * off + 4 * off) * lse([2, 0, 0]) - 2 * on, { rtol: 16 });
  });
});
