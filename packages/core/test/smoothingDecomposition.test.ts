import { EPS, expectArraysClose, expectClose } from '@lslab/test-utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fromRows,
  type Matrix,
  matrix,
  smoothingDecomposition,
  softmax,
  softmaxCrossEntropy,
} from '../src/index.ts';
import { big, thrown } from './helpers/index.ts';

const CONVENTIONS = ['uniform', 'others'] as const;

/** Random batches: N×K logits with magnitudes up to `scale`, labels in range. */
const batch = (scale: number) =>
  fc
    .record({ n: fc.integer({ min: 1, max: 5 }), k: fc.integer({ min: 2, max: 7 }) })
    .chain(({ n, k }) =>
      fc.record({
        n: fc.constant(n),
        k: fc.constant(k),
        z: fc.array(fc.double({ min: -scale, max: scale, noNaN: true }), {
          minLength: n * k,
          maxLength: n * k,
        }),
        y: fc.array(fc.integer({ min: 0, max: k - 1 }), { minLength: n, maxLength: n }),
      }),
    );

/** Largest |z_ic − z_i,max| over the batch: the scale of every rounding error. */
function spread(z: ArrayLike<number>, n: number, k: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) {
    let lo = Infinity;
    let hi = -Infinity;
    for (let j = 0; j < k; j++) {
      lo = Math.min(lo, z[i * k + j]);
      hi = Math.max(hi, z[i * k + j]);
    }
    s = Math.max(s, hi - lo);
  }
  return s;
}

describe('smoothingDecomposition(logits, labels, alpha, { convention })', () => {
  it('hand-computed: p = (1/8, 2/8, 5/8), y = 2, α = 0.3', () => {
    const z = fromRows([[0, Math.log(2), Math.log(5)]]);
    const u = smoothingDecomposition(z, [2], 0.3);
    // CE = −ln(5/8); KL(u‖p) = (1/3)[ln((1/3)/(1/8)) + ln((1/3)/(2/8)) + ln((1/3)/(5/8))]
    //    = (1/3) ln(8·8·8 / (3·6·15)) = (1/3) ln(256/135); H(u) = ln 3
    const ce = Math.log(1.6);
    const kl = Math.log(256 / 135) / 3;
    expectClose(u.mean.crossEntropy, ce, { rtol: 8 });
    expectClose(u.mean.klFromUniform, kl, { rtol: 16 });
    expectClose(u.mean.entropyOfUniform, Math.log(3), { rtol: 1 });
    expectClose(u.mean.total, 0.7 * ce + 0.3 * (kl + Math.log(3)), { rtol: 8 });
    // others: u' = (1/2, 1/2, 0): KL = (1/2)[ln((1/2)/(1/8)) + ln((1/2)/(2/8))] = (3/2) ln 2,
    // H = ln 2; total = −0.7 ln(5/8) − 0.15 ln(1/8) − 0.15 ln(2/8) = 0.7 ln 1.6 + 0.75 ln 2
    const o = smoothingDecomposition(z, [2], 0.3, { convention: 'others' });
    expectClose(o.mean.klFromUniform, 1.5 * Math.LN2, { rtol: 16 });
    expectClose(o.mean.entropyOfUniform, Math.LN2, { rtol: 1 });
    expectClose(o.mean.total, 0.7 * ce + 0.75 * Math.LN2, { rtol: 8 });
  });

  it('total = (1−α)·CE + α·(KL + H(u)) (fast-check, both conventions, |z| up to 1e300)', () => {
    for (const scale of [5, 1e4, 1e300]) {
      fc.assert(
        fc.property(
          batch(scale),
          fc.double({ min: 0, max: 1, noNaN: true }),
          fc.constantFrom(...CONVENTIONS),
          ({ n, k, z, y }, alpha, convention) => {
            const d = smoothingDecomposition(matrix(n, k, z), y, alpha, { convention });
            const p = d.perSample;
            // each term is a sum of O(K) values of size ≤ spread + ln K, each rounded:
            // absolute error ≤ ~4K·EPS·(spread + ln K + 1) per term
            const scaleErr = 4 * k * (spread(z, n, k) + Math.log(k) + 1);
            for (let i = 0; i < n; i++) {
              const rhs =
                (1 - alpha) * p.crossEntropy[i] +
                alpha * (p.klFromUniform[i] + p.entropyOfUniform[i]);
              expectClose(p.total[i], rhs, { atol: scaleErr, label: `row ${i}` });
              expect(p.klFromUniform[i]).toBeGreaterThanOrEqual(0);
              expect(Number.isFinite(p.total[i])).toBe(true);
            }
            const rhsMean =
              (1 - alpha) * d.mean.crossEntropy +
              alpha * (d.mean.klFromUniform + d.mean.entropyOfUniform);
            expectClose(d.mean.total, rhsMean, { atol: 2 * scaleErr, label: 'mean' });
          },
        ),
        { seed: 20261128, numRuns: 300 },
      );
    }
  });

  it('total equals softmaxCrossEntropy(…, { reduction: "none", labelSmoothing: α, convention }).loss', () => {
    fc.assert(
      fc.property(
        batch(1e4),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom(...CONVENTIONS),
        ({ n, k, z, y }, alpha, convention) => {
          const m = matrix(n, k, z);
          const d = smoothingDecomposition(m, y, alpha, { convention });
          const ref = softmaxCrossEntropy(m, y, {
            labelSmoothing: alpha,
            convention,
            reduction: 'none',
          });
          const tol = 4 * k * (spread(z, n, k) + Math.log(k) + 1);
          expectArraysClose(d.perSample.total, ref.loss, { atol: tol });
        },
      ),
      { seed: 99, numRuns: 300 },
    );
  });

  it("uniform: total − CE = α·(z_y − mean z) (DESIGN C7's closed form)", () => {
    fc.assert(
      fc.property(batch(50), fc.double({ min: 0, max: 1, noNaN: true }), ({ n, k, z, y }, a) => {
        const d = smoothingDecomposition(matrix(n, k, z), y, a);
        for (let i = 0; i < n; i++) {
          let mean = 0;
          for (let j = 0; j < k; j++) mean += z[i * k + j];
          mean /= k;
          const expected = a * (z[i * k + y[i]] - mean);
          const diff = d.perSample.total[i] - d.perSample.crossEntropy[i];
          expectClose(diff, expected, { atol: 8 * k * (spread(z, n, k) + Math.log(k) + 1) });
        }
      }),
      { seed: 5, numRuns: 300 },
    );
  });

  it('KL(u‖p) is 0 at p = u and its gradient is p − u (central differences)', () => {
    const flat = smoothingDecomposition(fromRows([[3, 3, 3, 3]]), [1], 0.2);
    expect(flat.mean.klFromUniform).toBe(0);
    const z0 = [0.3, -1.2, 2.0, 0.7];
    for (const convention of CONVENTIONS) {
      const y = 2;
      const kl = (z: number[]) =>
        smoothingDecomposition(fromRows([z]), [y], 0.1, { convention }).mean.klFromUniform;
      const p = softmax(z0) as Float64Array;
      const u = z0.map((_, j) => (convention === 'uniform' ? 1 / 4 : j === y ? 0 : 1 / 3));
      for (let j = 0; j < 4; j++) {
        // h = EPS^(1/3)·max(1, |z|) balances truncation O(h²·f''') and rounding
        // O(EPS·f/h): error ≈ EPS^(2/3) ≈ 4e-11 for O(1) values; 1e-9 has 25× slack.
        const h = Math.cbrt(EPS) * Math.max(1, Math.abs(z0[j]));
        const zp = z0.slice();
        const zm = z0.slice();
        zp[j] += h;
        zm[j] -= h;
        const fd = (kl(zp) - kl(zm)) / (zp[j] - zm[j]);
        expectClose(fd, p[j] - u[j], { atol: 1e-9 / EPS, label: `${convention} ∂KL/∂z_${j}` });
      }
    }
  });

  it('matches a 64-digit mathjs BigNumber evaluation of every term (K = 3)', () => {
    const rows = [
      [1.5, -0.25, 0.75],
      [-3, 4, 0.5],
      [20, -20, 0],
    ];
    const labels = [0, 2, 1];
    const alpha = 0.15;
    for (const convention of CONVENTIONS) {
      const d = smoothingDecomposition(fromRows(rows), labels, alpha, { convention });
      rows.forEach((r, i) => {
        const y = labels[i];
        const scope = {
          a: big.bignumber(r[0]),
          b: big.bignumber(r[1]),
          c: big.bignumber(r[2]),
          alpha: big.bignumber(alpha.toPrecision(70)),
        };
        const names = ['a', 'b', 'c'];
        const logp = (j: number) => `(${names[j]} - log(exp(a) + exp(b) + exp(c)))`;
        const set = [0, 1, 2].filter((j) => convention === 'uniform' || j !== y);
        const ev = (e: string) => Number(big.evaluate(e, scope).toString());
        const ce = ev(`-${logp(y)}`);
        const klExpr = set.map((j) => `(1/${set.length}) * (log(1/${set.length}) - ${logp(j)})`);
        const kl = ev(klExpr.join(' + '));
        const q = (j: number) =>
          convention === 'uniform'
            ? j === y
              ? '(1 - alpha + alpha/3)'
              : '(alpha/3)'
            : j === y
              ? '(1 - alpha)'
              : '(alpha/2)';
        const total = ev([0, 1, 2].map((j) => `-${q(j)} * ${logp(j)}`).join(' + '));
        const tol = { rtol: 32, atol: 64 * 20, label: `${convention} row ${i}` };
        expectClose(d.perSample.crossEntropy[i], ce, tol);
        expectClose(d.perSample.klFromUniform[i], kl, tol);
        expectClose(d.perSample.total[i], total, tol);
      });
    }
  });

  it('stays finite and exact at ±1e300 (no log of an underflowed p)', () => {
    const d = smoothingDecomposition(fromRows([[1e300, -1e300, 0]]), [1], 0.1);
    // log p_1 = −2e300 exactly in floating point; CE = 2e300
    expectClose(d.mean.crossEntropy, 2e300, { rtol: 1 });
    // KL = lse − mean z − ln 3 = 1e300 − 0 − ln 3 = 1e300 in floating point
    expectClose(d.mean.klFromUniform, 1e300, { rtol: 1 });
    // total = −Σ q log p = (1 − 0.1 + 0.1/3)·2e300 + (0.1/3)·1e300
    expectClose(d.mean.total, (1 - 0.1 + 0.1 / 3) * 2e300 + (0.1 / 3) * 1e300, { rtol: 8 });
  });

  it('accepts Float32 logits and averages over rows', () => {
    const z32: Matrix = { rows: 2, cols: 2, data: new Float32Array([0, 0, 1, 0]) };
    const d = smoothingDecomposition(z32, [0, 0], 0.5);
    // row 0: CE = ln 2; row 1: CE = ln(1 + e^{−1})
    expectClose(d.mean.crossEntropy, (Math.LN2 + Math.log1p(Math.exp(-1))) / 2, { rtol: 8 });
  });

  it('throws LslabError naming the argument, row and value', () => {
    const z = fromRows([
      [0, 1],
      [Number.NaN, 0],
    ]);
    let e = thrown(() => smoothingDecomposition(z, [0, 1], 0.1));
    expect(e.code).toBe('E_NOT_FINITE');
    expect(e.message).toBe('smoothingDecomposition: logits[1][0] = NaN: is not finite');
    e = thrown(() => smoothingDecomposition(fromRows([[0, -Infinity]]), [0], 0.1));
    expect(e.code).toBe('E_NOT_FINITE');
    expect(e.message).toContain('logits[0][1] = -Infinity');
    e = thrown(() => smoothingDecomposition(fromRows([[0, 1]]), [2], 0.1));
    expect(e.code).toBe('E_LABEL');
    expect(e.message).toContain('labels[0] = 2');
    e = thrown(() => smoothingDecomposition(fromRows([[0, 1]]), [0.5], 0.1));
    expect(e.code).toBe('E_LABEL');
    e = thrown(() => smoothingDecomposition(fromRows([[0, 1]]), [0], 1.2));
    expect(e.code).toBe('E_RANGE');
    expect(e.message).toContain('alpha = 1.2');
    e = thrown(() => smoothingDecomposition(fromRows([[0, 1]]), [0, 1], 0.1));
    expect(e.code).toBe('E_SHAPE');
    expect(e.message).toContain('labels');
    e = thrown(() => smoothingDecomposition(matrix(0, 3), [], 0.1));
    expect(e.code).toBe('E_EMPTY');
    expect(e.message).toContain('logits');
    e = thrown(() => smoothingDecomposition(fromRows([[1]]), [0], 0.1));
    expect(e.code).toBe('E_RANGE');
    e = thrown(() =>
      smoothingDecomposition(fromRows([[0, 1]]), [0], 0.1, { convention: 'x' as 'uniform' }),
    );
    expect(e.code).toBe('E_OPTION');
  });
});
