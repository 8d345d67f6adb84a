import { EPS, expectArraysClose, expectClose } from '@lslab/test-utils';
import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { all, create } from 'mathjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  fromRows,
  type Matrix,
  matrix,
  optimalSigmoidLogit,
  sigmoidCrossEntropy,
  smoothBinaryTargets,
  softmaxCrossEntropy,
} from '../src/index.ts';
import { thrown } from './helpers/index.ts';

const sigma = (x: number) => 1 / (1 + Math.exp(-x));

/** A 32-bit linear congruential generator (Numerical Recipes constants), uniform in [0, 1). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Central difference of f at x along coordinate e; h scaled to |x_e|. */
function centralDiff(f: (x: number[]) => number, x: number[], e: number): number {
  // h = EPS^(1/3)·max(1, |x|): truncation O(h²) and rounding O(EPS/h) balance at
  // ~EPS^(2/3) ≈ 4e-11 relative to the scale of f, which sets the tolerances below.
  const h = Math.cbrt(EPS) * Math.max(1, Math.abs(x[e]));
  const xp = x.slice();
  const xm = x.slice();
  xp[e] += h;
  xm[e] -= h;
  return (f(xp) - f(xm)) / (xp[e] - xm[e]);
}

describe('sigmoidCrossEntropy(logits, targets, options)', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('hand-computed values: x = 0 → ln 2; smoothing moves the target to t(1−α)+α/2', () => {
    expectClose(sigmoidCrossEntropy([0], [1]).loss, Math.LN2, { rtol: 1 });
    expectClose(sigmoidCrossEntropy([0, 0], [0, 1], { reduction: 'sum' }).loss, 2 * Math.LN2, {
      rtol: 1,
    });
    // x = 2, t = 1, α = 0.1 uniform: t' = 0.95; l = 0.05·softplus(2) + 0.95·softplus(−2)
    const sp = (v: number) => Math.log1p(Math.exp(v));
    const r = sigmoidCrossEntropy([2], [1], { labelSmoothing: 0.1 });
    expectClose(r.loss, 0.05 * sp(2) + 0.95 * sp(-2), { rtol: 4 });
    // σ(x) − t′ is a difference of O(1) numbers: its error is absolute, a few EPS
    expectClose(r.grad[0], sigma(2) - 0.95, { atol: 4 });
    // others: t' = 0.9
    const o = sigmoidCrossEntropy([2], [1], { labelSmoothing: 0.1, convention: 'others' });
    expectClose(o.loss, 0.1 * sp(2) + 0.9 * sp(-2), { rtol: 4 });
    expectClose(o.grad[0], sigma(2) - 0.9, { atol: 4 });
  });

  it('posWeight follows PyTorch BCEWithLogitsLoss: −[w·t·log σ(x) + (1−t)·log(1−σ(x))]', () => {
    // Written out from PyTorch's documented formula, element by element:
    //   x = 0.5, t = 1,   w = 3: −3·log σ(0.5)               = 3·log(1 + e^{−0.5})
    //   x = −1,  t = 0,   w = 3: −log(1 − σ(−1))             = log(1 + e^{−1})
    //   x = 2,   t = 0.3, w = 3: −[0.9·log σ(2) + 0.7·log(1−σ(2))]
    //                          = 0.9·log(1 + e^{−2}) + 0.7·log(1 + e^{2})
    const l = [
      3 * Math.log(1 + Math.exp(-0.5)),
      Math.log(1 + Math.exp(-1)),
      0.9 * Math.log(1 + Math.exp(-2)) + 0.7 * Math.log(1 + Math.exp(2)),
    ];
    const r = sigmoidCrossEntropy([0.5, -1, 2], [1, 0, 0.3], { posWeight: 3, reduction: 'none' });
    expectArraysClose(r.loss, l, { rtol: 8 });
    // d/dx of the same: −w·t·(1 − σ) + (1 − t)·σ
    expectArraysClose(
      r.grad,
      [-3 * (1 - sigma(0.5)), sigma(-1), -0.9 * (1 - sigma(2)) + 0.7 * sigma(2)],
      { rtol: 16 },
    );
    // per column (multi-label), 'mean' over the 2×2 = 4 elements
    const m = sigmoidCrossEntropy(
      fromRows([
        [0.5, 1],
        [-1, -2],
      ]),
      fromRows([
        [1, 1],
        [0, 1],
      ]),
      { posWeight: [3, 0.5] },
    );
    const expected =
      (3 * Math.log1p(Math.exp(-0.5)) +
        0.5 * Math.log1p(Math.exp(-1)) +
        Math.log1p(Math.exp(-1)) +
        0.5 * Math.log1p(Math.exp(2))) /
      4;
    expectClose(m.loss as number, expected, { rtol: 8 });
    expect(m.grad.rows).toBe(2);
    expect(m.grad.cols).toBe(2);
  });

  it('matches tf.losses.sigmoidCrossEntropy and tf.grad (float32, seeded inputs)', () => {
    const rand = lcg(12345);
    for (const [rows, cols] of [
      [1, 37],
      [8, 5],
    ]) {
      for (const alpha of [0, 0.1, 0.3]) {
        const n = rows * cols;
        // inputs rounded to float32 first, so both sides see the same numbers
        const x = Array.from({ length: n }, () => Math.fround((rand() - 0.5) * 16));
        const t = Array.from({ length: n }, (_, i) =>
          Math.fround(i % 3 === 0 ? rand() : rand() < 0.5 ? 0 : 1),
        );
        const tLabels = rows === 1 ? tf.tensor1d(t) : tf.tensor2d(t, [rows, cols]);
        const tLogits = rows === 1 ? tf.tensor1d(x) : tf.tensor2d(x, [rows, cols]);
        const f = (z: tf.Tensor) => tf.losses.sigmoidCrossEntropy(tLabels, z, undefined, alpha);
        const tfLoss = f(tLogits).dataSync()[0];
        const tfGrad = tf.grad(f)(tLogits).dataSync();
        const ours =
          rows === 1
            ? sigmoidCrossEntropy(x, t, { labelSmoothing: alpha })
            : sigmoidCrossEntropy(matrix(rows, cols, x), matrix(rows, cols, t), {
                labelSmoothing: alpha,
              });
        const g = rows === 1 ? (ours.grad as Float64Array) : (ours.grad as Matrix).data;
        // TF.js computes in float32 (unit roundoff 2^-24 ≈ 6e-8). The mean of n
        // per-element losses, each a few float32 roundings, stays within ~1e-6
        // relative; a gradient element (σ(x) − t')/n is within a few float32 ulps
        // of 1/n, so 1e-6/n absolute bounds it.
        expectClose(ours.loss as number, tfLoss, {
          rtol: 1e-6 / EPS,
          label: `loss ${rows}×${cols} α=${alpha}`,
        });
        expectArraysClose(g, tfGrad, {
          atol: 1e-6 / n / EPS,
          label: `grad ${rows}×${cols} α=${alpha}`,
        });
        tLabels.dispose();
        tLogits.dispose();
      }
    }
  });

  it('grad matches central differences of the loss (all reductions, posWeight, both conventions)', () => {
    const rand = lcg(777);
    const rows = 3;
    const cols = 4;
    const x = Array.from({ length: rows * cols }, () => (rand() - 0.5) * 12);
    const t = Array.from({ length: rows * cols }, () => rand());
    const posWeight = [0.5, 1, 2.5, 4];
    for (const convention of ['uniform', 'others'] as const) {
      for (const reduction of ['mean', 'sum'] as const) {
        const opts = { labelSmoothing: 0.2, convention, posWeight, reduction };
        const f = (z: number[]) =>
          sigmoidCrossEntropy(matrix(rows, cols, z), matrix(rows, cols, t), opts).loss as number;
        const g = sigmoidCrossEntropy(matrix(rows, cols, x), matrix(rows, cols, t), opts).grad;
        for (let e = 0; e < x.length; e++) {
          // error ≈ EPS^(2/3)·(|f| + |f'''|) ≲ 4e-11·10; 1e-8 leaves a wide margin
          expectClose(g.data[e], centralDiff(f, x, e), {
            atol: 1e-8 / EPS,
            label: `${convention} ${reduction} e=${e}`,
          });
        }
      }
      // 'none': element e's gradient is ∂l_e/∂x_e of its own loss
      const none = sigmoidCrossEntropy(x, t, {
        labelSmoothing: 0.2,
        convention,
        reduction: 'none',
      });
      for (let e = 0; e < x.length; e++) {
        const fe = (z: number[]) =>
          sigmoidCrossEntropy(z, t, { labelSmoothing: 0.2, convention, reduction: 'none' }).loss[e];
        expectClose(none.grad[e], centralDiff(fe, x, e), { atol: 1e-8 / EPS });
      }
    }
  });

  it('grad matches a mathjs symbolic derivative of the loss expression (3 elements)', () => {
    const x = [0.7, -1.3, 2.2];
    const t = [1, 0, 0.6];
    const w = 1.7;
    const alpha = 0.1;
    // the loss written from its definition, smoothing included, 'mean' over 3
    const term = (i: number) => {
      const ts = `(${t[i]} * (1 - ${alpha}) + ${alpha} / 2)`;
      const s = `(1 / (1 + exp(-x${i})))`;
      return `-(${w} * ${ts} * log(${s}) + (1 - ${ts}) * log(1 - ${s}))`;
    };
    const expr = `(${[0, 1, 2].map(term).join(' + ')}) / 3`;
    const scope = { x0: x[0], x1: x[1], x2: x[2] };
    const r = sigmoidCrossEntropy(x, t, { labelSmoothing: alpha, posWeight: w });
    expectClose(r.loss, create(all).evaluate(expr, scope), { rtol: 32 });
    for (let i = 0; i < 3; i++) {
      const d = create(all).derivative(expr, `x${i}`).evaluate(scope) as number;
      expectClose(r.grad[i], d, { rtol: 64, atol: 8, label: `∂/∂x${i}` });
    }
  });

  it('without posWeight the gradient is σ(x) − t′ and the loss is ≥ H(t′) (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            x: fc.double({ min: -1e4, max: 1e4, noNaN: true }),
            t: fc.double({ min: 0, max: 1, noNaN: true }),
          }),
          { minLength: 1, maxLength: 20 },
        ),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (pairs, alpha) => {
          const x = pairs.map((p) => p.x);
          const t = pairs.map((p) => p.t);
          const r = sigmoidCrossEntropy(x, t, { labelSmoothing: alpha, reduction: 'none' });
          for (let i = 0; i < x.length; i++) {
            const ts = t[i] * (1 - alpha) + alpha / 2;
            expectClose(r.grad[i], sigma(x[i]) - ts, { atol: 4, rtol: 4 });
            const h = (ts > 0 ? -ts * Math.log(ts) : 0) - (ts < 1 ? (1 - ts) * Math.log1p(-ts) : 0);
            expect(r.loss[i]).toBeGreaterThanOrEqual(h * (1 - 16 * EPS) - 16 * EPS);
          }
        },
      ),
      { seed: 2026, numRuns: 300 },
    );
  });

  it('uniform smoothing is the K = 2 softmax cross-entropy on logits (x, 0) (fast-check)', () => {
    // σ(x) = softmax((x, 0))_0 and t(1−α) + α/2 = q_0 of the uniform rule with K = 2,
    // so both losses and ∂/∂x = p_0 − q_0 agree (the softmax grad w.r.t. z_0).
    fc.assert(
      fc.property(
        fc.double({ min: -50, max: 50, noNaN: true }),
        fc.constantFrom(0, 1),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (x, t, alpha) => {
          const s = sigmoidCrossEntropy([x], [t], { labelSmoothing: alpha });
          const c = softmaxCrossEntropy(fromRows([[x, 0]]), [1 - t], { labelSmoothing: alpha });
          expectClose(s.loss, c.loss, { rtol: 16, atol: 16 });
          expectClose(s.grad[0], c.grad.data[0], { atol: 8 });
        },
      ),
      { seed: 314, numRuns: 300 },
    );
  });

  it('smoothing inside the loss equals smoothBinaryTargets then α = 0 (both conventions)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 10 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom('uniform' as const, 'others' as const),
        (t, alpha, convention) => {
          const x = t.map((v, i) => (v - 0.5) * 8 + i);
          const a = sigmoidCrossEntropy(x, t, {
            labelSmoothing: alpha,
            convention,
            reduction: 'none',
          });
          const st = smoothBinaryTargets(t, alpha, { convention });
          const b = sigmoidCrossEntropy(x, st, { reduction: 'none' });
          // the smoothed target is formed by a different expression on each side
          // (≤ 2 roundings apart); the loss moves by |x|·Δt at most
          expectArraysClose(a.loss, b.loss, { rtol: 8, atol: 8 * 12 });
          expectArraysClose(a.grad, b.grad, { atol: 8 });
        },
      ),
      { seed: 2718, numRuns: 200 },
    );
  });

  it('the gradient vanishes at optimalSigmoidLogit (C3: ln 9 for others α = 0.1)', () => {
    for (const convention of ['uniform', 'others'] as const) {
      const z = optimalSigmoidLogit(0.1, { convention });
      const r = sigmoidCrossEntropy([z, -z], [1, 0], { labelSmoothing: 0.1, convention });
      expect(Math.abs(r.grad[0])).toBeLessThanOrEqual(4 * EPS);
      expect(Math.abs(r.grad[1])).toBeLessThanOrEqual(4 * EPS);
    }
  });

  it('is finite for extreme logits (±1e4, ±1e300) and exact where closed forms exist', () => {
    const r = sigmoidCrossEntropy([1e300, -1e300, 1e4, -1e4], [0, 1, 1, 0], { reduction: 'none' });
    expectArraysClose(r.loss, [1e300, 1e300, 0, 0], { rtol: 1 });
    expectArraysClose(r.grad, [1, -1, 0, 0], { rtol: 1 });
  });

  it('accepts Float32 matrices and returns Float64', () => {
    const z: Matrix = { rows: 1, cols: 2, data: new Float32Array([0, 0]) };
    const t: Matrix = { rows: 1, cols: 2, data: new Float32Array([1, 0]) };
    const r = sigmoidCrossEntropy(z, t);
    expect(r.grad.data).toBeInstanceOf(Float64Array);
    expectClose(r.loss, Math.LN2, { rtol: 1 });
    expectArraysClose(r.grad.data, [-0.25, 0.25], { rtol: 1 });
  });

  it('throws LslabError naming the argument, row (and column) and value', () => {
    const cases: [() => unknown, string, string][] = [
      [() => sigmoidCrossEntropy([0, Number.NaN], [0, 1]), 'E_NOT_FINITE', 'logits[1] = NaN'],
      [() => sigmoidCrossEntropy([Infinity], [0]), 'E_NOT_FINITE', 'logits[0] = Infinity'],
      [() => sigmoidCrossEntropy([0, -Infinity], [0, 1]), 'E_NOT_FINITE', 'logits[1] = -Infinity'],
      [
        () => sigmoidCrossEntropy(fromRows([[0, 1]]), fromRows([[0, 1.5]])),
        'E_RANGE',
        'targets[0][1] = 1.5',
      ],
      [() => sigmoidCrossEntropy([0, 1], [-0.1, 0]), 'E_RANGE', 'targets[0] = -0.1'],
      [() => sigmoidCrossEntropy([0], [Number.NaN]), 'E_NOT_FINITE', 'targets[0] = NaN'],
      [
        () => sigmoidCrossEntropy([0], [1], { labelSmoothing: 1.5 }),
        'E_RANGE',
        'options.labelSmoothing = 1.5',
      ],
      [() => sigmoidCrossEntropy([0, 1], [1]), 'E_SHAPE', 'targets'],
      [
        () => sigmoidCrossEntropy(fromRows([[0, 1]]), [0, 1] as unknown as Matrix),
        'E_SHAPE',
        'targets',
      ],
      [() => sigmoidCrossEntropy(fromRows([[0, 1]]), fromRows([[0], [1]])), 'E_SHAPE', 'targets'],
      [() => sigmoidCrossEntropy([], []), 'E_EMPTY', 'logits'],
      [() => sigmoidCrossEntropy([0], [1], { posWeight: -1 }), 'E_RANGE', 'options.posWeight = -1'],
      [
        () => sigmoidCrossEntropy(fromRows([[0, 1]]), fromRows([[0, 1]]), { posWeight: [1, -2] }),
        'E_RANGE',
        'options.posWeight[1] = -2',
      ],
      [
        () => sigmoidCrossEntropy(fromRows([[0, 1]]), fromRows([[0, 1]]), { posWeight: [1] }),
        'E_SHAPE',
        'options.posWeight',
      ],
      [
        () => sigmoidCrossEntropy([0], [1], { posWeight: Number.NaN }),
        'E_NOT_FINITE',
        'options.posWeight = NaN',
      ],
      [
        () => sigmoidCrossEntropy([0], [1], { reduction: 'avg' as 'mean' }),
        'E_OPTION',
        'options.reduction',
      ],
      [
        () => sigmoidCrossEntropy([0], [1], { convention: 'x' as 'uniform' }),
        'E_OPTION',
        'options.convention',
      ],
    ];
    for (const [f, code, where] of cases) {
      const e = thrown(f);
      expect(e.code, e.message).toBe(code);
      expect(e.message).toContain('sigmoidCrossEntropy: ');
      expect(e.message).toContain(where);
    }
  });
});
