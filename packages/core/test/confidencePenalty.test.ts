import { EPS, expectArraysClose, expectClose } from '@lslab/test-utils';
import fc from 'fast-check';
import { all, create } from 'mathjs';
import { describe, expect, it } from 'vitest';
import {
  confidencePenalty,
  fromRows,
  type Matrix,
  matrix,
  softmax,
  softmaxCrossEntropy,
} from '../src/index.ts';
import { thrown } from './helpers/index.ts';

/** N×K logits in [−scale, scale] with labels, for fast-check. */
const batch = (scale: number) =>
  fc
    .record({ n: fc.integer({ min: 1, max: 4 }), k: fc.integer({ min: 2, max: 6 }) })
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

describe('confidencePenalty(logits, labels, beta, { reduction })', () => {
  it('hand-computed: p = (3/4, 1/4), y = 0, β = 1', () => {
    // CE = ln(4/3); H = (3/4)·ln(4/3) + (1/4)·ln 4
    const ce = Math.log(4 / 3);
    const h = 0.75 * Math.log(4 / 3) + 0.25 * Math.log(4);
    const r = confidencePenalty(fromRows([[Math.log(3), 0]]), [0], 1);
    expectClose(r.loss, ce - h, { rtol: 16 });
    // ∂/∂z_j = p_j − [j = y] + β·p_j·(log p_j + H)
    expectArraysClose(
      r.grad.data,
      [0.75 - 1 + 0.75 * (Math.log(0.75) + h), 0.25 + 0.25 * (Math.log(0.25) + h)],
      { atol: 4 },
    );
  });

  it('at p = u the entropy is maximal: the penalty adds −β·ln K and no gradient', () => {
    const r = confidencePenalty(fromRows([[2, 2, 2, 2]]), [3], 0.7, { reduction: 'none' });
    expectClose(r.loss[0], Math.log(4) - 0.7 * Math.log(4), { rtol: 4 });
    expectArraysClose(r.grad.data, [0.25, 0.25, 0.25, -0.75], { atol: 2 });
  });

  it('β = 0 gives softmaxCrossEntropy exactly in value and gradient', () => {
    const z = fromRows([
      [1, -2, 0.5],
      [30, 0, -30],
    ]);
    const a = confidencePenalty(z, [2, 1], 0);
    const b = softmaxCrossEntropy(z, [2, 1]);
    expectClose(a.loss, b.loss, { rtol: 4 });
    expectArraysClose(a.grad.data, b.grad.data, { atol: 4 });
  });

  it('loss = CE + β·KL(p‖u) − β·ln K (DESIGN C7 contrast; fast-check)', () => {
    fc.assert(
      fc.property(batch(20), fc.double({ min: 0, max: 5, noNaN: true }), ({ n, k, z, y }, beta) => {
        const m = matrix(n, k, z);
        const r = confidencePenalty(m, y, beta, { reduction: 'none' });
        const ce = softmaxCrossEntropy(m, y, { reduction: 'none' }).loss;
        const p = (softmax(m) as Matrix).data;
        for (let i = 0; i < n; i++) {
          let kl = 0; // KL(p‖u) = Σ p log(K p), 0·log 0 = 0
          for (let j = 0; j < k; j++) {
            const v = p[i * k + j];
            if (v > 0) kl += v * Math.log(k * v);
          }
          expect(kl).toBeLessThanOrEqual(Math.log(k) * (1 + 8 * EPS));
          // logits ≤ 40 apart: every term is O(40), rounded a few times per class
          expectClose(r.loss[i], ce[i] + beta * kl - beta * Math.log(k), {
            atol: 64 * k * (1 + beta) * 40,
            label: `row ${i}`,
          });
        }
      }),
      { seed: 31, numRuns: 300 },
    );
  });

  it('grad matches central differences of the loss (mean, sum, none)', () => {
    const rows = [
      [0.3, -1.1, 2.4, 0.0],
      [-4, 1.5, 1.4, 3],
      [10, -10, 0.2, 5],
    ];
    const labels = [1, 3, 0];
    const beta = 0.8;
    const x0 = rows.flat();
    for (const reduction of ['mean', 'sum'] as const) {
      const f = (x: number[]) =>
        confidencePenalty(matrix(3, 4, x), labels, beta, { reduction }).loss;
      const g = confidencePenalty(matrix(3, 4, x0), labels, beta, { reduction }).grad.data;
      for (let e = 0; e < x0.length; e++) {
        // h = EPS^(1/3)·max(1, |x|): truncation O(h²) and rounding O(EPS/h) give
        // ~EPS^(2/3)·10 ≈ 1e-10 for these O(10) values; 1e-8 is a wide margin
        const h = Math.cbrt(EPS) * Math.max(1, Math.abs(x0[e]));
        const xp = x0.slice();
        const xm = x0.slice();
        xp[e] += h;
        xm[e] -= h;
        const fd = (f(xp) - f(xm)) / (xp[e] - xm[e]);
        expectClose(g[e], fd, { atol: 1e-8 / EPS, label: `${reduction} ∂/∂x${e}` });
      }
    }
    const none = confidencePenalty(matrix(3, 4, x0), labels, beta, { reduction: 'none' });
    for (let e = 0; e < x0.length; e++) {
      const i = Math.floor(e / 4);
      const h = Math.cbrt(EPS) * Math.max(1, Math.abs(x0[e]));
      const xp = x0.slice();
      const xm = x0.slice();
      xp[e] += h;
      xm[e] -= h;
      const li = (x: number[]) =>
        confidencePenalty(matrix(3, 4, x), labels, beta, { reduction: 'none' }).loss[i];
      expectClose(none.grad.data[e], (li(xp) - li(xm)) / (xp[e] - xm[e]), { atol: 1e-8 / EPS });
    }
  });

  it('grad matches a mathjs symbolic derivative of CE − β·H (K = 3)', () => {
    const math = create(all);
    const z = [0.4, -0.9, 1.3];
    const y = 2;
    const beta = 0.35;
    const lse = 'log(exp(a) + exp(b) + exp(c))';
    const names = ['a', 'b', 'c'];
    const logp = (j: number) => `(${names[j]} - ${lse})`;
    const entropy = names.map((_, j) => `-exp(${logp(j)}) * ${logp(j)}`).join(' + ');
    const expr = `-${logp(y)} - ${beta} * (${entropy})`;
    const scope = { a: z[0], b: z[1], c: z[2] };
    const r = confidencePenalty(fromRows([z]), [y], beta);
    expectClose(r.loss, math.evaluate(expr, scope), { rtol: 32, atol: 8 });
    for (let j = 0; j < 3; j++) {
      const d = math.derivative(expr, names[j]).evaluate(scope) as number;
      expectClose(r.grad.data[j], d, { rtol: 64, atol: 16, label: `∂/∂${names[j]}` });
    }
  });

  it('rows of grad sum to 0 and shifting a row of logits changes nothing (fast-check)', () => {
    fc.assert(
      fc.property(
        batch(1e3),
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.double({ min: -100, max: 100, noNaN: true }),
        ({ n, k, z, y }, beta, shift) => {
          const a = confidencePenalty(matrix(n, k, z), y, beta, { reduction: 'none' });
          const zs = z.map((v) => v + shift);
          const b = confidencePenalty(matrix(n, k, zs), y, beta, { reduction: 'none' });
          for (let i = 0; i < n; i++) {
            let s = 0;
            for (let j = 0; j < k; j++) s += a.grad.data[i * k + j];
            // each entry is O(1 + β·|log p|); |log p| ≤ spread ≤ 2e3
            const scale = k * (1 + beta * 2e3);
            expect(Math.abs(s)).toBeLessThanOrEqual(16 * scale * EPS);
          }
          // the shift is applied in floating point: z + c is rounded (≤ ulp(|z|+|c|)),
          // which moves log p by up to ~2·EPS·(1100) per entry
          expectArraysClose(b.loss, a.loss, { atol: 64 * k * (1 + beta) * 1.1e3 });
        },
      ),
      { seed: 8, numRuns: 300 },
    );
  });

  it('is finite for logits at ±1e300 (no log of an underflowed p)', () => {
    const r = confidencePenalty(fromRows([[1e300, -1e300, 0]]), [1], 2, { reduction: 'none' });
    // p = (1, 0, 0) in floating point with log p = (0, −2e300, −1e300): H = 0, CE = 2e300
    expectClose(r.loss[0], 2e300, { rtol: 1 });
    expectArraysClose(r.grad.data, [1, -1, 0], { atol: 0 });
  });

  it('accepts Float32 logits', () => {
    const z: Matrix = { rows: 1, cols: 2, data: new Float32Array([0, 0]) };
    const r = confidencePenalty(z, [1], 1);
    expectClose(r.loss, 0, { atol: 2 });
    expect(r.grad.data).toBeInstanceOf(Float64Array);
  });

  it('throws LslabError naming the argument, row and value', () => {
    const ok = fromRows([
      [0, 1],
      [1, 0],
    ]);
    const cases: [() => unknown, string, string][] = [
      [
        () =>
          confidencePenalty(
            fromRows([
              [0, 1],
              [Number.NaN, 0],
            ]),
            [0, 0],
            0.1,
          ),
        'E_NOT_FINITE',
        'logits[1][0] = NaN',
      ],
      [
        () => confidencePenalty(fromRows([[Infinity, 1]]), [0], 0.1),
        'E_NOT_FINITE',
        'logits[0][0] = Infinity',
      ],
      [
        () => confidencePenalty(fromRows([[0, -Infinity]]), [0], 0.1),
        'E_NOT_FINITE',
        'logits[0][1] = -Infinity',
      ],
      [() => confidencePenalty(ok, [0, 2], 0.1), 'E_LABEL', 'labels[1] = 2'],
      [() => confidencePenalty(ok, [0, 1.5], 0.1), 'E_LABEL', 'labels[1] = 1.5'],
      [() => confidencePenalty(ok, [0], 0.1), 'E_SHAPE', 'labels'],
      [() => confidencePenalty(ok, [0, 1], -0.1), 'E_RANGE', 'beta = -0.1'],
      [() => confidencePenalty(ok, [0, 1], Number.NaN), 'E_NOT_FINITE', 'beta = NaN'],
      [() => confidencePenalty(ok, [0, 1], Infinity), 'E_NOT_FINITE', 'beta = Infinity'],
      [() => confidencePenalty(matrix(0, 3), [], 0.1), 'E_EMPTY', 'logits'],
      [() => confidencePenalty(fromRows([[1], [2]]), [0, 0], 0.1), 'E_RANGE', 'logits'],
      [
        () => confidencePenalty(ok, [0, 1], 0.1, { reduction: 'avg' as 'mean' }),
        'E_OPTION',
        'options.reduction',
      ],
    ];
    for (const [f, code, where] of cases) {
      const e = thrown(f);
      expect(e.code, e.message).toBe(code);
      expect(e.message).toContain('confidencePenalty: ');
      expect(e.message).toContain(where);
    }
  });
});
