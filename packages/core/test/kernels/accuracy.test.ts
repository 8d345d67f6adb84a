/**
 * The kernels' loss and gradient against a plain float64 computation with
 * Math.exp and Math.log (the stable formulas, written out here, summed in
 * plain row order): within 1e-14 relative. The loss is compared per row
 * ('none') and summed; each gradient entry against the larger of the two
 * terms it is the difference of.
 */
import { describe, expect, it } from 'vitest';
import {
  createRng,
  type Matrix,
  sigmoidCrossEntropy,
  softmaxCrossEntropy,
} from '../../src/index.ts';
import {
  randomDistributionRows,
  randomLabels,
  randomLogits,
  randomWeights,
} from '../helpers/index.ts';

const TOL = 1e-14;

/**
 * Per-row loss and gradient in float64 with Math.exp and Math.log, in the
 * stable form l = S·ln s − Σ_c a_c·(z_c − m), g_c = e_c·S/s − a_c (s = Σ e^{z−m},
 * a_c the weighted target mass, S = Σ a_c given exactly where it is known).
 */
function reference(z: Matrix, a: number[][], S: number[]) {
  const { rows: n, cols: k, data } = z;
  const loss: number[] = [];
  const grad: number[][] = [];
  const terms: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row = Array.from(data.subarray(i * k, (i + 1) * k));
    const m = Math.max(...row);
    const e = row.map((v) => Math.exp(v - m));
    const s = e.reduce((acc, v) => acc + v, 0);
    // ln s with s = 1 + rest for a single max: ln1p(rest) keeps the digits of a confident row
    const atMax = row.filter((v) => v === m).length;
    const rest = row.reduce((acc, v, c) => (v === m ? acc : acc + e[c]), 0);
    const lnS = atMax === 1 ? Math.log1p(rest) : Math.log(s);
    loss.push(S[i] * lnS - a[i].reduce((acc, ac, c) => acc + ac * (row[c] - m), 0));
    grad.push(e.map((ec, c) => (ec * S[i]) / s - a[i][c]));
    terms.push(e.map((ec, c) => Math.max((ec * S[i]) / s, Math.abs(a[i][c]))));
  }
  return { loss, grad, terms };
}

/**
 * g_c = p_c·S − a_c cancels where p ≈ q (any float64 computation of it loses
 * the digits its two terms share), so each entry is held to 1e-14 of the
 * larger of its two terms.
 */
function expectGradClose(
  label: string,
  got: Matrix,
  want: { grad: number[][]; terms: number[][] },
) {
  for (let i = 0; i < want.grad.length; i++) {
    for (let c = 0; c < want.grad[i].length; c++) {
      const d = Math.abs(got.data[i * got.cols + c] - want.grad[i][c]);
      const scale = want.terms[i][c];
      if (d > TOL * scale)
        expect.fail(`${label}: grad[${i}][${c}] off by ${d / scale} of its terms`);
    }
  }
}

function expectRel(label: string, got: number, want: number): void {
  expect(Math.abs(got - want), `${label}: ${got} vs ${want}`).toBeLessThanOrEqual(
    TOL * Math.abs(want),
  );
}

const rng = createRng(1201);

describe('kernels: loss and gradient within 1e-14 of a Math.exp float64 reference', () => {
  for (const [n, k] of [
    [2000, 10],
    [60, 1000],
    [500, 3],
  ] as const) {
    it(`softmaxCrossEntropy ${n}×${k}: smoothing, conventions, weights, index and probability targets`, () => {
      const z = randomLogits(rng, n, k, 4);
      const labels = randomLabels(rng, n, k);
      const t = randomDistributionRows(rng, n, k);
      const w = randomWeights(rng, k);
      for (const alpha of [0, 0.1])
        for (const convention of ['uniform', 'others'] as const)
          for (const weight of [undefined, w])
            for (const weightMode of ['target', 'sample'] as const) {
              const off = convention === 'uniform' ? alpha / k : alpha / (k - 1);
              const on = convention === 'uniform' ? 1 - alpha + alpha / k : 1 - alpha;
              // a_c = w_c·q_c ('target') or w_y·q_c ('sample'); S = Σ_c a_c exactly
              const wy = (y: number) => (weight ? weight[y] : 1);
              const mass = labels.map((y) =>
                Array.from({ length: k }, (_, c) => {
                  const q = c === y ? on : off;
                  return weight && weightMode === 'target' ? weight[c] * q : wy(y) * q;
                }),
              );
              const wSum = weight ? weight.reduce((acc, v) => acc + v, 0) : k;
              const S = labels.map((y) =>
                weight && weightMode === 'target' ? off * wSum + (on - off) * weight[y] : wy(y),
              );
              const opts = { labelSmoothing: alpha, convention, weight, weightMode };
              const tag = `${n}×${k} ${JSON.stringify({ alpha, convention, weighted: !!weight, weightMode })}`;
              const ref = reference(z, mass, S);
              const r = softmaxCrossEntropy(z, labels, { ...opts, reduction: 'none' });
              for (const [i, l] of ref.loss.entries()) expectRel(`${tag} loss[${i}]`, r.loss[i], l);
              expectGradClose(tag, r.grad, ref);
              const sum = softmaxCrossEntropy(z, labels, { ...opts, reduction: 'sum' }).loss;
              expectRel(
                `${tag} sum`,
                sum,
                ref.loss.reduce((s, v) => s + v, 0),
              );
              // probability targets: q = (1 − a)t + a/K with the uniform-equivalent a
              const a = convention === 'uniform' ? alpha : (alpha * k) / (k - 1);
              const aP = Array.from({ length: n }, (_, i) => {
                const rw = weight
                  ? weight.reduce((acc, wc, c) => acc + wc * t.data[i * k + c], 0)
                  : 1;
                return Array.from({ length: k }, (_, c) => {
                  const q = (1 - a) * t.data[i * k + c] + a / k;
                  return weight && weightMode === 'target' ? weight[c] * q : rw * q;
                });
              });
              const refP = reference(
                z,
                aP,
                aP.map((r) => r.reduce((acc, v) => acc + v, 0)),
              );
              const rp = softmaxCrossEntropy(z, t, { ...opts, reduction: 'none' });
              for (const [i, l] of refP.loss.entries())
                expectRel(`${tag} prob loss[${i}]`, rp.loss[i], l);
              expectGradClose(`${tag} prob`, rp.grad, refP);
            }
    });
  }

  it('sigmoidCrossEntropy: loss and gradient per element', () => {
    const x = Array.from({ length: 5000 }, () => 20 * (2 * rng.uniform() - 1));
    const t = x.map(() => rng.uniform());
    for (const alpha of [0, 0.1]) {
      const r = sigmoidCrossEntropy(x, t, {
        labelSmoothing: alpha,
        posWeight: 1.5,
        reduction: 'none',
      });
      for (let i = 0; i < x.length; i++) {
        const ts = t[i] * (1 - alpha) + alpha / 2;
        const sp = (v: number) => Math.max(v, 0) + Math.log1p(Math.exp(-Math.abs(v)));
        const l = (1 - ts) * sp(x[i]) + 1.5 * ts * sp(-x[i]);
        const sig = 1 / (1 + Math.exp(-x[i]));
        const sigNeg = 1 / (1 + Math.exp(x[i])); // σ(−x), not 1 − σ(x), which cancels
        const g = (1 - ts) * sig - 1.5 * ts * sigNeg;
        expectRel(`loss[${i}]`, r.loss[i], l);
        // σ(x) − t' cancels; measure against the larger of its two terms
        const scale = Math.max((1 - ts) * sig, 1.5 * ts * sigNeg);
        expect(Math.abs(r.grad[i] - g), `grad[${i}]`).toBeLessThanOrEqual(TOL * scale);
      }
    }
  });
});
