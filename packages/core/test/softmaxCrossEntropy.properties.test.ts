import { EPS, expectArraysClose, expectClose } from '@lslab/test-utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromRows, matrix, softmaxCrossEntropy } from '../src/index.ts';

const logit = fc.double({ min: -30, max: 30, noNaN: true });
const alphaArb = fc.double({ min: 0, max: 1, noNaN: true });
const conventionArb = fc.constantFrom('uniform' as const, 'others' as const);
const reductionArb = fc.constantFrom('mean' as const, 'sum' as const, 'none' as const);

/** A batch: K ∈ [2, 6], N ∈ [1, 5], logits, labels and positive probability rows. */
const batch = fc
  .record({ k: fc.integer({ min: 2, max: 6 }), n: fc.integer({ min: 1, max: 5 }) })
  .chain(({ k, n }) =>
    fc.record({
      k: fc.constant(k),
      n: fc.constant(n),
      z: fc.array(logit, { minLength: n * k, maxLength: n * k }),
      labels: fc.array(fc.integer({ min: 0, max: k - 1 }), { minLength: n, maxLength: n }),
      raw: fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), {
        minLength: n * k,
        maxLength: n * k,
      }),
    }),
  );

/** Rows of `raw` normalised to sum to 1. */
function normalise(raw: number[], n: number, k: number): number[][] {
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) {
    const r = raw.slice(i * k, (i + 1) * k);
    const s = r.reduce((a, b) => a + b, 0);
    rows.push(r.map((v) => v / s));
  }
  return rows;
}

/** The smoothed one-hot target, written out by hand. */
function smoothedOneHot(
  y: number,
  k: number,
  alpha: number,
  convention: 'uniform' | 'others',
): number[] {
  const on = convention === 'uniform' ? 1 - alpha + alpha / k : 1 - alpha;
  const off = convention === 'uniform' ? alpha / k : alpha / (k - 1);
  return Array.from({ length: k }, (_, c) => (c === y ? on : off));
}

const entropy = (q: number[]) => -q.reduce((s, v) => (v > 0 ? s + v * Math.log(v) : s), 0);

describe('softmaxCrossEntropy properties (fast-check)', () => {
  it('rows of grad sum to 0 without weights (index and probability targets)', () => {
    fc.assert(
      fc.property(
        batch,
        alphaArb,
        conventionArb,
        reductionArb,
        fc.boolean(),
        (b, alpha, convention, reduction, useProb) => {
          const target = useProb ? fromRows(normalise(b.raw, b.n, b.k)) : b.labels;
          const { grad } = softmaxCrossEntropy(matrix(b.n, b.k, b.z), target, {
            labelSmoothing: alpha,
            convention,
            reduction,
          });
          for (let i = 0; i < b.n; i++) {
            let s = 0;
            let scale = 0;
            for (let j = 0; j < b.k; j++) {
              s += grad.data[i * b.k + j];
              scale += Math.abs(grad.data[i * b.k + j]);
            }
            // p sums to 1 and q to 1 (probability rows within the 1e-6 check, here a few EPS)
            expect(Math.abs(s)).toBeLessThanOrEqual(8 * b.k * EPS * (scale + 1));
          }
        },
      ),
    );
  });

  it('adding a constant to a row of logits changes neither loss nor grad', () => {
    fc.assert(
      fc.property(
        batch,
        alphaArb,
        conventionArb,
        reductionArb,
        fc.double({ min: -100, max: 100, noNaN: true }),
        fc.nat(),
        fc.boolean(),
        (b, alpha, convention, reduction, c, rowSeed, weighted) => {
          const row = rowSeed % b.n;
          const shifted = b.z.slice();
          for (let j = 0; j < b.k; j++) shifted[row * b.k + j] += c;
          const weight = weighted ? Array.from({ length: b.k }, (_, j) => 0.5 + j) : undefined;
          const opts = { labelSmoothing: alpha, convention, reduction, weight };
          const a = softmaxCrossEntropy(matrix(b.n, b.k, b.z), b.labels, opts);
          const s = softmaxCrossEntropy(matrix(b.n, b.k, shifted), b.labels, opts);
          // z_j + c − (m + c) differs from z_j − m by rounding of size EPS·(|z| + |c|)
          const tol = { atol: 64 * (30 + Math.abs(c)) * b.k * b.k };
          if (typeof a.loss === 'number') expectClose(s.loss as number, a.loss, tol);
          else expectArraysClose(s.loss as Float64Array, a.loss, tol);
          expectArraysClose(s.grad.data, a.grad.data, tol);
        },
      ),
    );
  });

  it('loss_i ≥ H(q_i) without weights, with equality at z = log q', () => {
    fc.assert(
      fc.property(
        batch,
        fc.double({ min: 1e-3, max: 1, noNaN: true }),
        conventionArb,
        fc.boolean(),
        (b, alpha, convention, useProb) => {
          const probs = normalise(b.raw, b.n, b.k);
          const q = useProb
            ? probs.map((t) => {
                const a = convention === 'uniform' ? alpha : (alpha * b.k) / (b.k - 1);
                return t.map((v) => (1 - a) * v + a / b.k);
              })
            : b.labels.map((y) => smoothedOneHot(y, b.k, alpha, convention));
          const target = useProb ? fromRows(probs) : b.labels;
          const opts = { labelSmoothing: alpha, convention, reduction: 'none' as const };
          const r = softmaxCrossEntropy(matrix(b.n, b.k, b.z), target, opts);
          for (let i = 0; i < b.n; i++) {
            const h = entropy(q[i]);
            expect(r.loss[i]).toBeGreaterThanOrEqual(h - 16 * EPS * (Math.abs(h) + 30));
          }
          const atOptimum = softmaxCrossEntropy(
            fromRows(q.map((row) => row.map((v) => (v > 0 ? Math.log(v) : -800)))),
            target,
            opts,
          );
          for (let i = 0; i < b.n; i++) {
            const h = entropy(q[i]);
            expectClose(atOptimum.loss[i], h, { atol: 64 * b.k * (h + 8) });
            // and the gradient p − q vanishes there
            for (let j = 0; j < b.k; j++)
              expect(Math.abs(atOptimum.grad.data[i * b.k + j])).toBeLessThanOrEqual(
                64 * b.k * EPS,
              );
          }
        },
      ),
    );
  });

  it("'others'(α) equals 'uniform'(α·K/(K−1)) for loss and grad", () => {
    fc.assert(
      fc.property(
        batch,
        fc.double({ min: 0, max: 1, noNaN: true }),
        reductionArb,
        (b, t, reduction) => {
          const alpha = (t * (b.k - 1)) / b.k;
          const o = softmaxCrossEntropy(matrix(b.n, b.k, b.z), b.labels, {
            labelSmoothing: alpha,
            convention: 'others',
            reduction,
          });
          const u = softmaxCrossEntropy(matrix(b.n, b.k, b.z), b.labels, {
            labelSmoothing: Math.min(1, (alpha * b.k) / (b.k - 1)),
            reduction,
          });
          const tol = { atol: 64 * 60 * b.n, rtol: 64 };
          if (typeof o.loss === 'number') expectClose(o.loss, u.loss as number, tol);
          else expectArraysClose(o.loss, u.loss as Float64Array, tol);
          expectArraysClose(o.grad.data, u.grad.data, tol);
        },
      ),
    );
  });

  it("'sum' = Σ 'none' and, without weights, 'mean' = 'sum'/N", () => {
    fc.assert(
      fc.property(batch, alphaArb, (b, alpha) => {
        const z = matrix(b.n, b.k, b.z);
        const none = softmaxCrossEntropy(z, b.labels, { labelSmoothing: alpha, reduction: 'none' });
        const sum = softmaxCrossEntropy(z, b.labels, { labelSmoothing: alpha, reduction: 'sum' });
        const mean = softmaxCrossEntropy(z, b.labels, { labelSmoothing: alpha });
        const total = none.loss.reduce((s, v) => s + v, 0);
        expectClose(sum.loss, total, { rtol: 4 * b.n, atol: 4 * b.n });
        expectClose(mean.loss, sum.loss / b.n, { rtol: 4, atol: 4 });
        expectArraysClose(sum.grad.data, none.grad.data, { rtol: 1 });
      }),
    );
  });
});
