import { fromRows, LslabError, type Matrix } from '@lslab/core';
import { EPS, expectClose } from '@lslab/test-utils';
import { describe, expect, it } from 'vitest';
import {
  gradientDescent,
  logisticRegression,
  mlp,
  newton,
  softmaxRegression,
  train,
} from '../../src/training/index.ts';
import { norm2, randomData } from './helpers.ts';

/** Entropy of the smoothed target, written out: H(q) = −Σ q_c ln q_c. */
function entropyUniform(alpha: number, k: number): number {
  const on = 1 - alpha + alpha / k;
  const off = alpha / k;
  return -on * Math.log(on) - (k - 1) * off * Math.log(off);
}

/** K clusters around the corners of a simplex; `sep` large makes them separable. */
function clusters(seed: number, nPer: number, k: number, sep: number, noise: number) {
  const { x: z } = randomData(seed, nPer * k, k, k, noise);
  const y = new Int32Array(nPer * k);
  for (let i = 0; i < nPer * k; i++) {
    y[i] = i % k;
    z.data[i * k + y[i]] += sep;
  }
  return { x: z, y };
}

describe('newton(model, x, y)', () => {
  it('reaches ‖∇‖ ≤ 1e-12 on softmax regression with L2 and reports the iterations', () => {
    const { x, y } = randomData(21, 400, 5, 4);
    const m = softmaxRegression({
      inputDim: 5,
      numClasses: 4,
      l2: 1e-2,
      loss: { labelSmoothing: 0.1 },
    });
    const r = newton(m, x, y);
    expect(r.gradientNorm).toBeLessThanOrEqual(1e-12);
    m.lossAndGradient(x, y);
    expect(norm2(m.grad)).toBeLessThanOrEqual(1e-12);
    expect(r.iterations).toBe(r.history.length - 1);
    // quadratic convergence: a strongly convex smooth problem needs few steps
    expect(r.iterations).toBeLessThanOrEqual(15);
    for (let i = 1; i < r.history.length; i++) {
      expect(r.history[i].loss).toBeLessThanOrEqual(
        r.history[i - 1].loss + 16 * EPS * r.history[i - 1].loss,
      );
    }
  });

  it('agrees with long gradient descent on the same strongly convex problem, within ‖∇f(θ_GD)‖/λ', () => {
    // No bias, λ = 0.5: f is λ-strongly convex, so for any θ, ‖θ − θ*‖ ≤ ‖∇f(θ)‖/λ and
    // 0 ≤ f(θ) − f* ≤ ‖∇f(θ)‖²/(2λ). These bounds are the tolerances.
    const { x, y } = randomData(22, 120, 3, 3);
    const opts = {
      inputDim: 3,
      numClasses: 3,
      bias: false,
      l2: 0.5,
      loss: { labelSmoothing: 0.1, weight: [1, 2, 0.5] },
    };
    const exact = softmaxRegression(opts);
    newton(exact, x, y);
    const fStar = exact.lossAndGradient(x, y);
    const gd = softmaxRegression(opts);
    // step 1/L with L = λ + (1/2)·max_i ‖x_i‖²·(max w / min w): each row's share of the weighted
    // mean is at most max w/(N·min w), and ‖diag(p) − ppᵀ‖ ≤ 1/2
    let maxSq = 0;
    for (let i = 0; i < x.rows; i++)
      maxSq = Math.max(maxSq, norm2(x.data.subarray(i * 3, i * 3 + 3)) ** 2);
    const L = 0.5 + 0.5 * maxSq * (2 / 0.5);
    train(gd, x, y, {
      optimizer: gradientDescent({ learningRate: 1 / L }),
      steps: 20000,
      log: { steps: [] },
    });
    const fGd = gd.lossAndGradient(x, y);
    const g = norm2(gd.grad);
    expect(g).toBeLessThan(1e-9);
    let dist = 0;
    for (let j = 0; j < exact.params.length; j++) dist += (exact.params[j] - gd.params[j]) ** 2;
    expect(Math.sqrt(dist)).toBeLessThanOrEqual(g / 0.5 + 1e-12 / 0.5);
    expect(fGd - fStar).toBeLessThanOrEqual((g * g) / (2 * 0.5) + 4 * EPS * fStar);
    expect(fGd - fStar).toBeGreaterThanOrEqual(-4 * EPS * fStar);
  });

  it('with smoothed targets and no L2 on separable data: ‖∇‖ ≤ 1e-12 and loss ≥ H(q)', () => {
    const { x, y } = clusters(23, 30, 3, 8, 0.5); // separable: margins of ~8 against noise 0.5
    const alpha = 0.1;
    const m = softmaxRegression({ inputDim: 3, numClasses: 3, loss: { labelSmoothing: alpha } });
    const r = newton(m, x, y);
    expect(r.gradientNorm).toBeLessThanOrEqual(1e-12);
    expect(r.loss).toBeGreaterThanOrEqual(entropyUniform(alpha, 3));
    expect(Number.isFinite(m.weightNorm())).toBe(true);
  });

  it('with smoothed targets and no L2 on overlapping data: ‖∇‖ ≤ 1e-12 and loss ≥ H(q)', () => {
    const { x, y } = clusters(24, 40, 4, 0.7, 1);
    for (const convention of ['uniform', 'others'] as const) {
      const m = softmaxRegression({
        inputDim: 4,
        numClasses: 4,
        loss: { labelSmoothing: 0.2, convention },
      });
      const r = newton(m, x, y);
      expect(r.gradientNorm).toBeLessThanOrEqual(1e-12);
      expect(r.loss).toBeGreaterThanOrEqual(
        entropyUniform(convention === 'uniform' ? 0.2 : (0.2 * 4) / 3, 4),
      );
    }
  });

  it('reaches the finite optimum p = q when each class is one point: loss = H(q), gap = ln(1 + K(1−α)/α)', () => {
    // three distinct points (plus bias) can be given any logits, so the minimiser has p_i = q_i exactly
    const x = fromRows([
      [1, 0],
      [0, 1],
      [-1, -1],
      [1, 0],
      [0, 1],
      [-1, -1],
    ]);
    const y = [0, 1, 2, 0, 1, 2];
    const alpha = 0.1;
    const m = softmaxRegression({ inputDim: 2, numClasses: 3, loss: { labelSmoothing: alpha } });
    const r = newton(m, x, y);
    expect(r.gradientNorm).toBeLessThanOrEqual(1e-12);
    // H(q) with q = (0.9333…, 0.0333…, 0.0333…); the loss is H(q) + KL(q‖p) and KL = O(‖∇‖²)
    expectClose(r.loss, entropyUniform(alpha, 3), { rtol: 1e-12 / EPS, label: 'loss = H(q)' });
    const z = m.forward(x).data;
    const gap = Math.log(1 + (3 * (1 - alpha)) / alpha); // ln 28
    expectClose(z[0] - z[1], gap, { rtol: 1e-10 / EPS, label: 'z_y − z_k' });
    expectClose(z[0] - z[2], gap, { rtol: 1e-10 / EPS, label: 'z_y − z_k′' });
  });

  it('solves logistic regression with smoothed targets, no bias and no L2 on separable data (claim C5 setting)', () => {
    const x = fromRows([
      [2, 1],
      [1, 2],
      [-1, -2],
      [-2, -1],
      [1.5, 0.2],
    ]);
    const y = [1, 1, 0, 0, 1];
    const m = logisticRegression({ inputDim: 2, bias: false, loss: { labelSmoothing: 0.2 } });
    const r = newton(m, x, y);
    expect(r.gradientNorm).toBeLessThanOrEqual(1e-12);
    // every gradient-descent iterate lies above the minimum found by Newton
    const gd = logisticRegression({ inputDim: 2, bias: false, loss: { labelSmoothing: 0.2 } });
    const { records } = train(gd, x, y, {
      optimizer: gradientDescent({ learningRate: 0.5 }),
      steps: 3000,
      log: { perDecade: 4 },
    });
    for (const rec of records) {
      if (rec.metric === 'loss')
        expect(rec.value).toBeGreaterThanOrEqual(r.loss - 4 * EPS * r.loss);
    }
    const last = records.filter((rec) => rec.metric === 'weightNorm').at(-1);
    expectClose(last?.value ?? 0, m.weightNorm(), { rtol: 1e-6 / EPS, label: '‖w_GD‖ → ‖w*‖' });
  });

  it('reaches ‖∇‖ ≤ 1e-12 on sparse (CSR) logistic regression', () => {
    const x = {
      rows: 4,
      cols: 3,
      indptr: Int32Array.of(0, 2, 3, 5, 6),
      indices: Int32Array.of(0, 2, 1, 0, 1, 2),
      values: Float64Array.of(1, -1, 2, -0.5, 1, 3),
    };
    const m = logisticRegression({ inputDim: 3, l2: 0.1 });
    const r = newton(m, x, [1, 0, 1, 0]);
    expect(r.gradientNorm).toBeLessThanOrEqual(1e-12);
  });

  it('accepts a data set { x, y } in place of x and y', () => {
    const data = randomData(25, 50, 2, 3);
    const m = softmaxRegression({ inputDim: 2, numClasses: 3, l2: 0.1 });
    expect(newton(m, data).gradientNorm).toBeLessThanOrEqual(1e-12);
  });

  it('finds w* = ln 19 for x = ±1 with smoothed targets 0.95/0.05 (σ(w*) = 0.95)', () => {
    const m = logisticRegression({ inputDim: 1, bias: false, loss: { labelSmoothing: 0.1 } });
    const r = newton(m, fromRows([[1], [-1]]), [1, 0]);
    expect(r.gradientNorm).toBeLessThanOrEqual(1e-12);
    expectClose(m.params[0], Math.log(19), { rtol: 1e-11 / EPS });
  });

  it('with hard labels on separable data finds no minimiser: ‖w‖ grows about 1 per full step', () => {
    // No minimiser exists; the gradient vanishes only as w → ∞ (loss ~ e^{−w}), so Newton
    // takes unit steps that each add ≈ 1 to w, and the tolerance is met only far out.
    const x = fromRows([[1], [2], [-1], [-2]]);
    const m = logisticRegression({ inputDim: 1, bias: false });
    expect(() => newton(m, x, [1, 1, 0, 0], { maxIterations: 10 })).toThrow(
      expect.objectContaining({ code: 'E_CONVERGENCE' }),
    );
    const m2 = logisticRegression({ inputDim: 1, bias: false });
    const r = newton(m2, x, [1, 1, 0, 0]);
    // ‖∇‖ ≈ e^{−w}·(scale of order 1) ≤ 1e-12 needs w ≳ ln 1e12 ≈ 27.6
    expect(m2.params[0]).toBeGreaterThan(20);
    expect(r.iterations).toBeGreaterThan(20);
    expect(r.history.slice(1).every((h) => h.stepSize === 1)).toBe(true);
  });

  it('throws E_RANGE for a model with more than 4096 parameters (the dense Hessian would be too large)', () => {
    const m = logisticRegression({ inputDim: 5000 });
    const x = {
      rows: 1,
      cols: 5000,
      indptr: Int32Array.of(0, 1),
      indices: Int32Array.of(3),
      values: Float64Array.of(1),
    };
    expect(() => newton(m, x, [1])).toThrow(expect.objectContaining({ code: 'E_RANGE' }));
  });

  it('throws E_OPTION for a model without a Hessian and validates its input', () => {
    const net = mlp({ inputDim: 2, hidden: [3], numClasses: 2 });
    const x = fromRows([[1, 2]]);
    expect(() => newton(net, x, [0])).toThrow(expect.objectContaining({ code: 'E_OPTION' }));
    const m = softmaxRegression({ inputDim: 2, numClasses: 2 });
    const empty: Matrix = { rows: 0, cols: 2, data: new Float64Array(0) };
    expect(() => newton(m, empty, [])).toThrow(expect.objectContaining({ code: 'E_EMPTY' }));
    expect(() => newton(m, x, [0, 1])).toThrow(expect.objectContaining({ code: 'E_SHAPE' }));
    expect(() => newton(m, x, [0], { tolerance: 0 })).toThrow(
      expect.objectContaining({ code: 'E_RANGE' }),
    );
    expect(() => newton(m, fromRows([[1, Number.NaN]]), [0])).toThrow(LslabError);
  });
});
