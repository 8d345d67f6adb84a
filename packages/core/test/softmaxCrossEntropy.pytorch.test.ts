/**
 * PyTorch semantics of `F.cross_entropy(input, target, weight, ignore_index,
 * reduction, label_smoothing=ε)`, written out here the way PyTorch composes
 * them and evaluated with 64-digit BigNumbers:
 *
 * Class-index targets y_i, log p = log_softmax(z), W = set of non-ignored rows:
 *   nll_i    = −w_{y_i}·log p_{i,y_i}
 *   smooth_i = −Σ_c w_c·log p_ic
 *   'none':  l_i = (1−ε)·nll_i + (ε/K)·smooth_i   (0 for ignored rows)
 *   'sum':   Σ_i l_i
 *   'mean':  (1−ε)·Σ nll_i / Σ_{i∈W} w_{y_i} + (ε/K)·Σ smooth_i / Σ_{i∈W} w_{y_i}
 *
 * Probability targets t_i: q_i = (1−ε)·t_i + ε/K, l_i = −Σ_c w_c·q_ic·log p_ic,
 * 'mean' divides by N (not by any weight).
 *
 * The gradient of the index-target formula, differentiated by hand:
 *   ∂l_i/∂z_ij = (1−ε)·w_{y_i}·(p_ij − [j = y_i]) + (ε/K)·(W_tot·p_ij − w_j),
 *   W_tot = Σ_c w_c; for probability targets ∂l_i/∂z_ij = (Σ_c w_c q_ic)·p_ij − w_j q_ij.
 */
import { EPS, expectArraysClose, expectClose } from '@lslab/test-utils';
import type { BigNumber } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { fromRows, type Reduction, softmaxCrossEntropy } from '../src/index.ts';
import { bigLogSoftmax, bigSoftmax, bn, num } from './helpers/index.ts';

const REL = { rtol: 1e-12 / EPS };
// gradient entries can cancel to near 0; 1e-12 of the gradient's scale (≈ max weight)
const GRAD = { rtol: 1e-12 / EPS, atol: 4e-12 / EPS };

const Z = [
  [1.2, -0.4, 0.3],
  [0.2, 1.9, -1.1],
  [-0.6, 0.5, 0.8],
];
const W = [0.5, 2, 1.5];
const EPSILON = 0.2;

interface Torch {
  loss: BigNumber[] | BigNumber;
  grad: BigNumber[][];
}

function torchIndex(
  z: number[][],
  y: number[],
  w: number[] | undefined,
  ignore: number | undefined,
  eps: number,
  reduction: Reduction,
): Torch {
  const k = z[0].length;
  const wc = (c: number) => bn(w === undefined ? 1 : w[c]);
  let wTot = bn(0);
  for (let c = 0; c < k; c++) wTot = wTot.plus(wc(c));
  const e = bn(eps);
  const eK = e.div(k);
  const per: BigNumber[] = [];
  const grad: BigNumber[][] = [];
  let nllSum = bn(0);
  let smoothSum = bn(0);
  let denom = bn(0);
  for (let i = 0; i < z.length; i++) {
    if (y[i] === ignore) {
      per.push(bn(0));
      grad.push(Array.from({ length: k }, () => bn(0)));
      continue;
    }
    const lp = bigLogSoftmax(z[i]);
    const p = bigSoftmax(z[i]);
    const nll = lp[y[i]].times(wc(y[i])).neg();
    let smooth = bn(0);
    for (let c = 0; c < k; c++) smooth = smooth.minus(lp[c].times(wc(c)));
    nllSum = nllSum.plus(nll);
    smoothSum = smoothSum.plus(smooth);
    denom = denom.plus(wc(y[i]));
    per.push(bn(1).minus(e).times(nll).plus(eK.times(smooth)));
    grad.push(
      p.map((pj, j) =>
        bn(1)
          .minus(e)
          .times(wc(y[i]))
          .times(pj.minus(j === y[i] ? 1 : 0))
          .plus(eK.times(wTot.times(pj).minus(wc(j)))),
      ),
    );
  }
  if (reduction === 'none') return { loss: per, grad };
  if (reduction === 'sum') {
    return { loss: bn(1).minus(e).times(nllSum).plus(eK.times(smoothSum)), grad };
  }
  const loss = bn(1)
    .minus(e)
    .times(nllSum.div(denom))
    .plus(eK.times(smoothSum.div(denom)));
  return { loss, grad: grad.map((r) => r.map((g) => g.div(denom))) };
}

function torchProb(
  z: number[][],
  t: number[][],
  w: number[] | undefined,
  eps: number,
  reduction: Reduction,
): Torch {
  const k = z[0].length;
  const wc = (c: number) => bn(w === undefined ? 1 : w[c]);
  const e = bn(eps);
  const per: BigNumber[] = [];
  const grad: BigNumber[][] = [];
  for (let i = 0; i < z.length; i++) {
    const lp = bigLogSoftmax(z[i]);
    const p = bigSoftmax(z[i]);
    const q = t[i].map((v) => bn(1).minus(e).times(bn(v)).plus(e.div(k)));
    let l = bn(0);
    let s = bn(0);
    for (let c = 0; c < k; c++) {
      l = l.minus(wc(c).times(q[c]).times(lp[c]));
      s = s.plus(wc(c).times(q[c]));
    }
    per.push(l);
    grad.push(p.map((pj, j) => s.times(pj).minus(wc(j).times(q[j]))));
  }
  if (reduction === 'none') return { loss: per, grad };
  const total = per.reduce((a, b) => a.plus(b), bn(0));
  if (reduction === 'sum') return { loss: total, grad };
  return { loss: total.div(z.length), grad: grad.map((r) => r.map((g) => g.div(z.length))) };
}

function compare(
  got: { loss: number | Float64Array; grad: { data: ArrayLike<number> } },
  want: Torch,
) {
  if (Array.isArray(want.loss)) {
    expectArraysClose(got.loss as Float64Array, want.loss.map(num), { ...REL, label: 'loss' });
  } else {
    expectClose(got.loss as number, num(want.loss as BigNumber), { ...REL, label: 'loss' });
  }
  expectArraysClose(got.grad.data, want.grad.flat().map(num), { ...GRAD, label: 'grad' });
}

const REDUCTIONS: Reduction[] = ['mean', 'sum', 'none'];

describe('softmaxCrossEntropy(logits, labels, { weight, ignoreIndex, labelSmoothing }) as PyTorch', () => {
  it.each(REDUCTIONS)("3×3, weights, ignoreIndex −100, ε = 0.2, reduction '%s'", (reduction) => {
    const y = [0, -100, 2];
    const got = softmaxCrossEntropy(fromRows(Z), y, {
      weight: W,
      ignoreIndex: -100,
      labelSmoothing: EPSILON,
      reduction,
    });
    compare(got, torchIndex(Z, y, W, -100, EPSILON, reduction));
  });

  it.each(REDUCTIONS)("ignoreIndex may be a class index (1), reduction '%s'", (reduction) => {
    const z = [...Z, [0.4, 0.4, -2]];
    const y = [0, 1, 2, 0];
    const got = softmaxCrossEntropy(fromRows(z), y, {
      weight: W,
      ignoreIndex: 1,
      labelSmoothing: EPSILON,
      reduction,
    });
    compare(got, torchIndex(z, y, W, 1, EPSILON, reduction));
  });

  it.each(REDUCTIONS)(
    "no weights, no smoothing: plain cross-entropy, reduction '%s'",
    (reduction) => {
      const y = [2, 1, 0];
      compare(
        softmaxCrossEntropy(fromRows(Z), y, { reduction }),
        torchIndex(Z, y, undefined, undefined, 0, reduction),
      );
    },
  );

  it.each([0, 0.2, 1])('ε = %s with weights, every row kept, reduction mean', (eps) => {
    const y = [1, 1, 0];
    compare(
      softmaxCrossEntropy(fromRows(Z), y, { weight: W, labelSmoothing: eps }),
      torchIndex(Z, y, W, undefined, eps, 'mean'),
    );
  });

  it('"mean" divides by Σ w_{y_i} over kept rows, not by their count', () => {
    const y = [0, -100, 2];
    const mean = softmaxCrossEntropy(fromRows(Z), y, {
      weight: W,
      ignoreIndex: -100,
      labelSmoothing: EPSILON,
    });
    const sum = softmaxCrossEntropy(fromRows(Z), y, {
      weight: W,
      ignoreIndex: -100,
      labelSmoothing: EPSILON,
      reduction: 'sum',
    });
    expectClose(mean.loss * (W[0] + W[2]), sum.loss, { rtol: 4 });
  });
});

describe('softmaxCrossEntropy(logits, probabilities, { weight, labelSmoothing }) as PyTorch', () => {
  const T = [
    [0.7, 0.2, 0.1],
    [0, 1, 0],
    [0.25, 0.25, 0.5],
  ];

  it.each(REDUCTIONS)("q = (1−ε)·t + ε/K, weights, ε = 0.2, reduction '%s'", (reduction) => {
    const got = softmaxCrossEntropy(fromRows(Z), fromRows(T), {
      weight: W,
      labelSmoothing: EPSILON,
      reduction,
    });
    compare(got, torchProb(Z, T, W, EPSILON, reduction));
  });

  it.each(REDUCTIONS)("without weights, reduction '%s'", (reduction) => {
    compare(
      softmaxCrossEntropy(fromRows(Z), fromRows(T), { labelSmoothing: 0.1, reduction }),
      torchProb(Z, T, undefined, 0.1, reduction),
    );
  });

  it('"mean" divides by N: one-hot probability rows differ from the same labels by Σ w_{y_i}/N', () => {
    // labels (0, 2, 2) with w = (0.5, 2, 1.5): Σ w_y = 3.5, N = 3
    const y = [0, 2, 2];
    const rows = y.map((c) => [0, 1, 2].map((j) => (j === c ? 1 : 0)));
    const oneHot = fromRows(rows);
    const byIndex = softmaxCrossEntropy(fromRows(Z), y, { weight: W, labelSmoothing: EPSILON });
    const byProb = softmaxCrossEntropy(fromRows(Z), oneHot, { weight: W, labelSmoothing: EPSILON });
    compare(byProb, torchProb(Z, rows, W, EPSILON, 'mean'));
    compare(byIndex, torchIndex(Z, y, W, undefined, EPSILON, 'mean'));
    expectClose(byProb.loss / byIndex.loss, 3.5 / 3, { rtol: 8 });
  });

  it('smoothing probability targets mixes them with u: already-smoothed targets get smoothed twice', () => {
    // t = smoothed one-hot (0.9 + 0.1/3, …); passing it with ε again gives q = 0.9·t + 0.1/3,
    // PyTorch's behaviour, which differs from using t as is.
    const t = [[28 / 30, 1 / 30, 1 / 30]];
    const z = [Z[0]];
    const twice = softmaxCrossEntropy(fromRows(z), fromRows(t), { labelSmoothing: 0.1 });
    compare(twice, torchProb(z, t, undefined, 0.1, 'mean'));
    const once = softmaxCrossEntropy(fromRows(z), fromRows(t));
    compare(once, torchProb(z, t, undefined, 0, 'mean'));
    expect(Math.abs(twice.loss - once.loss)).toBeGreaterThan(1e-3);
  });
});

describe("weightMode: 'target' (PyTorch) moves the optimum to p* ∝ w∘q; 'sample' keeps q", () => {
  // K = 3, label 0, α = 0.3 ('uniform'): q = (0.8, 0.1, 0.1); w = (1, 1, 4):
  // w∘q = (0.8, 0.1, 0.4), p* = (0.8, 0.1, 0.4)/1.3 = (0.6154, 0.0769, 0.3077).
  const q = [0.8, 0.1, 0.1];
  const w = [1, 1, 4];
  const wq = [0.8, 0.1, 0.4];
  const opts = { weight: w, labelSmoothing: 0.3 } as const;
  const at = (z: number[], weightMode: 'target' | 'sample') =>
    softmaxCrossEntropy(fromRows([z]), [0], { ...opts, weightMode });
  const ABS = { atol: 8 }; // 8·EPS: the gradient is exactly 0 at the optimum

  it("'target': the gradient vanishes at z = log(w∘q), not at log q", () => {
    expectArraysClose(at(wq.map(Math.log), 'target').grad.data, [0, 0, 0], ABS);
    // at z = log q: grad = (Σ w_c q_c)·q − w∘q = 1.3·(0.8, 0.1, 0.1) − (0.8, 0.1, 0.4)
    expectArraysClose(
      at(q.map(Math.log), 'target').grad.data,
      [1.3 * 0.8 - 0.8, 1.3 * 0.1 - 0.1, 1.3 * 0.1 - 0.4],
      { rtol: 16, atol: 8 },
    );
    // and softmax(log(w∘q)) is p* = w∘q / 1.3
    expect(at(wq.map(Math.log), 'target').loss).toBeLessThan(at(q.map(Math.log), 'target').loss);
  });

  it("'sample': the gradient vanishes at z = log q, and equals w_y·(p − q) elsewhere", () => {
    expectArraysClose(at(q.map(Math.log), 'sample').grad.data, [0, 0, 0], ABS);
    // at z = log(w∘q): p = w∘q/1.3, grad = w_0·(p − q) with w_0 = 1
    expectArraysClose(
      at(wq.map(Math.log), 'sample').grad.data,
      wq.map((v, c) => v / 1.3 - q[c]),
      { rtol: 16, atol: 8 },
    );
  });

  it("'sample' with probability targets weights row i by ⟨w, t_i⟩ and keeps the optimum at q", () => {
    // t = (0.5, 0, 0.5), ε = 0.3: q = 0.7·t + 0.1 = (0.45, 0.1, 0.45); ⟨w, t⟩ = 0.5 + 2 = 2.5
    const t = fromRows([[0.5, 0, 0.5]]);
    const qq = [0.45, 0.1, 0.45];
    const zq = fromRows([qq.map(Math.log)]);
    const sample = softmaxCrossEntropy(zq, t, { ...opts, weightMode: 'sample' });
    expectArraysClose(sample.grad.data, [0, 0, 0], ABS);
    // loss = 2.5·H(q)
    const h = -qq.reduce((s, v) => s + v * Math.log(v), 0);
    expectClose(sample.loss, 2.5 * h, { rtol: 16 });
    // 'target' at the same point: (Σ w_c q_c)·q − w∘q, Σ w_c q_c = 0.45 + 0.1 + 1.8 = 2.35
    const target = softmaxCrossEntropy(zq, t, { ...opts, weightMode: 'target' });
    expectArraysClose(
      target.grad.data,
      qq.map((v, c) => 2.35 * v - w[c] * v),
      { rtol: 16, atol: 8 },
    );
  });
});

describe('the worked example of docs/conventions.md', () => {
  // logits ((2, 0, 0), (0, 0, 1)), labels (0, 2), w = (1, 1, 4)
  const z = fromRows([
    [2, 0, 0],
    [0, 0, 1],
  ]);
  const w = [1, 1, 4];
  const lse0 = 2 + Math.log1p(2 * Math.exp(-2)); // log(e² + 2)
  const lse1 = Math.log(2 + Math.E);

  it("α = 0: 'mean' is 2.4453/5 for labels and 2.4453/2 for one-hot probability rows", () => {
    const rows = [lse0 - 2, 4 * (lse1 - 1)]; // 0.2395, 2.2058
    const sum = rows[0] + rows[1];
    const byIndex = softmaxCrossEntropy(z, [0, 2], { weight: w });
    const byProb = softmaxCrossEntropy(
      z,
      fromRows([
        [1, 0, 0],
        [0, 0, 1],
      ]),
      { weight: w },
    );
    expectClose(byIndex.loss, sum / 5, { rtol: 8 });
    expectClose(byProb.loss, sum / 2, { rtol: 8 });
    expect(+byIndex.loss.toFixed(4)).toBe(0.4891);
    expect(+byProb.loss.toFixed(4)).toBe(1.2227);
  });

  it("α = 0.3: 'target' rows (1.3114, 2.0749), 'sample' rows (0.6395, 3.0058)", () => {
    // q_0 = (0.8, 0.1, 0.1), q_1 = (0.1, 0.1, 0.8)
    // target: (Σ w_c q_c)·lse − Σ w_c q_c z_c = 1.3·lse0 − 0.8·2, 3.4·lse1 − 3.2·1
    // sample: w_y·(lse − Σ q_c z_c) = 1·(lse0 − 1.6), 4·(lse1 − 0.8)
    const target = softmaxCrossEntropy(z, [0, 2], {
      weight: w,
      labelSmoothing: 0.3,
      reduction: 'none',
    });
    const sample = softmaxCrossEntropy(z, [0, 2], {
      weight: w,
      labelSmoothing: 0.3,
      weightMode: 'sample',
      reduction: 'none',
    });
    expectArraysClose(target.loss, [1.3 * lse0 - 1.6, 3.4 * lse1 - 3.2], { rtol: 16 });
    expectArraysClose(sample.loss, [lse0 - 1.6, 4 * (lse1 - 0.8)], { rtol: 16 });
    expect(Array.from(target.loss, (v) => +v.toFixed(4))).toEqual([1.3114, 2.0749]);
    expect(Array.from(sample.loss, (v) => +v.toFixed(4))).toEqual([0.6395, 3.0058]);
  });

  it("K = 3, label 0, α = 0.3, w = (1, 1, 4): 'target' loss 1.3298 at log q, 1.1164 at log p*", () => {
    const q = [0.8, 0.1, 0.1];
    const pStar = [0.8 / 1.3, 0.1 / 1.3, 0.4 / 1.3];
    const at = (p: number[]) =>
      softmaxCrossEntropy(fromRows([p.map(Math.log)]), [0], {
        weight: w,
        labelSmoothing: 0.3,
        reduction: 'sum',
      }).loss;
    // −Σ_c w_c q_c log p_c
    const hand = (p: number[]) => -q.reduce((s, v, c) => s + w[c] * v * Math.log(p[c]), 0);
    expectClose(at(q), hand(q), { rtol: 16 });
    expectClose(at(pStar), hand(pStar), { rtol: 16 });
    expect(+at(q).toFixed(4)).toBe(1.3298);
    expect(+at(pStar).toFixed(4)).toBe(1.1164);
  });

  it('smoothing t = (0.9333, 0.0333, 0.0333) again with 0.1 is one smoothing with 0.19', () => {
    const t = fromRows([[0.9 + 0.1 / 3, 0.1 / 3, 0.1 / 3]]);
    const z0 = fromRows([[2, 0, 0]]);
    const twice = softmaxCrossEntropy(z0, t, { labelSmoothing: 0.1 });
    // q = 0.9·t + 0.1/3 = (0.81 + 0.19/3, 0.19/3, 0.19/3): loss = lse0 − 2·(0.81 + 0.19/3)
    expectClose(twice.loss, lse0 - 2 * (0.81 + 0.19 / 3), { rtol: 16 });
    const once = softmaxCrossEntropy(z0, t);
    expectClose(once.loss, lse0 - 2 * (0.9 + 0.1 / 3), { rtol: 16 });
    expect([+once.loss.toFixed(4), +twice.loss.toFixed(4)]).toEqual([0.3729, 0.4929]);
  });
});
