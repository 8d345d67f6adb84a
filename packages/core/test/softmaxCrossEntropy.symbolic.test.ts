/**
 * The loss written as a mathjs expression in the logits, differentiated
 * symbolically by `math.derivative` and evaluated in binary64, against the
 * gradient the kernel returns.
 */
import { expectArraysClose, expectClose } from '@lslab/test-utils';
import { all, create } from 'mathjs';
import { describe, it } from 'vitest';
import {
  createRng,
  fromRows,
  type SmoothingConvention,
  softmaxCrossEntropy,
} from '../src/index.ts';
import { randomLogits, randomWeights } from './helpers/index.ts';

const math = create(all);
// the unsimplified derivative is the same expression; simplifying large sums is slow
const NO_SIMPLIFY = { simplify: false };

/** q_c of a one-hot label y under a convention, as an expression in alpha and K. */
function qExpr(c: number, y: number, convention: SmoothingConvention): string {
  if (convention === 'uniform') return c === y ? '(1 - alpha + alpha / K)' : '(alpha / K)';
  return c === y ? '(1 - alpha)' : '(alpha / (K - 1))';
}

/**
 * −Σ_c a_c·log(exp(z_c)/Σ_j exp(z_j)) for one row with variables `${v}1..${v}K`,
 * a_c = w_c·q_c ('target') or w_y·q_c ('sample').
 */
function rowLoss(
  v: string,
  k: number,
  y: number,
  convention: SmoothingConvention,
  mode: 'target' | 'sample',
): string {
  const zs = Array.from({ length: k }, (_, c) => `${v}${c + 1}`);
  const denom = `(${zs.map((z) => `exp(${z})`).join(' + ')})`;
  const terms = zs.map((z, c) => {
    const weight = mode === 'target' ? `w${c + 1}` : `w${y + 1}`;
    return `${weight} * ${qExpr(c, y, convention)} * log(exp(${z}) / ${denom})`;
  });
  return `-(${terms.join(' + ')})`;
}

const TOL = { rtol: 64, atol: 64 }; // binary64 evaluation of both sides, values of size ≤ 10

describe('softmaxCrossEntropy gradient = math.derivative of the loss expression', () => {
  const cases: [number, SmoothingConvention, 'target' | 'sample', number][] = [];
  for (const k of [2, 3, 4])
    for (const convention of ['uniform', 'others'] as const)
      for (const mode of ['target', 'sample'] as const)
        for (const alpha of [0, 0.1, 0.35]) cases.push([k, convention, mode, alpha]);

  it.each(cases)('one row, K = %i, %s, weightMode %s, α = %s', (k, convention, mode, alpha) => {
    const rng = createRng(200 + k);
    const z = randomLogits(rng, 1, k, 2);
    const w = randomWeights(rng, k);
    const y = rng.int(k);
    const expr = rowLoss('z', k, y, convention, mode);
    const scope: Record<string, number> = { alpha, K: k };
    for (let c = 0; c < k; c++) {
      scope[`z${c + 1}`] = z.data[c];
      scope[`w${c + 1}`] = w[c];
    }
    const r = softmaxCrossEntropy(z, [y], {
      weight: w,
      weightMode: mode,
      convention,
      labelSmoothing: alpha,
      reduction: 'sum',
    });
    expectClose(r.loss, math.evaluate(expr, scope), { ...TOL, label: 'loss' });
    const symbolic = Array.from({ length: k }, (_, c) =>
      math.derivative(expr, `z${c + 1}`, NO_SIMPLIFY).evaluate(scope),
    );
    expectArraysClose(r.grad.data, symbolic, { ...TOL, label: 'grad' });
    // 'mean' of one row divides by its class weight w_y in both modes
    const meanExpr = `(${expr}) / w${y + 1}`;
    const mean = softmaxCrossEntropy(z, [y], {
      weight: w,
      weightMode: mode,
      convention,
      labelSmoothing: alpha,
    });
    expectClose(mean.loss, math.evaluate(meanExpr, scope), { ...TOL, label: 'mean loss' });
    const meanSymbolic = Array.from({ length: k }, (_, c) =>
      math.derivative(meanExpr, `z${c + 1}`, NO_SIMPLIFY).evaluate(scope),
    );
    expectArraysClose(mean.grad.data, meanSymbolic, { ...TOL, label: 'mean grad' });
  });

  it("three rows, K = 3, row 2 ignored, 'mean' = (l_1 + l_3)/(w_{y_1} + w_{y_3})", () => {
    const rng = createRng(210);
    const z = randomLogits(rng, 3, 3, 2);
    const w = randomWeights(rng, 3);
    const y = [2, -1, 0];
    const expr = `(${rowLoss('a', 3, 2, 'uniform', 'target')} + ${rowLoss('c', 3, 0, 'uniform', 'target')}) / (w3 + w1)`;
    const scope: Record<string, number> = { alpha: 0.2, K: 3 };
    const vars = ['a', 'b', 'c'];
    for (let i = 0; i < 3; i++)
      for (let c = 0; c < 3; c++) scope[`${vars[i]}${c + 1}`] = z.data[i * 3 + c];
    for (let c = 0; c < 3; c++) scope[`w${c + 1}`] = w[c];
    const r = softmaxCrossEntropy(z, y, { weight: w, ignoreIndex: -1, labelSmoothing: 0.2 });
    expectClose(r.loss, math.evaluate(expr, scope), { ...TOL, label: 'loss' });
    const symbolic: number[] = [];
    for (let i = 0; i < 3; i++)
      for (let c = 0; c < 3; c++)
        symbolic.push(math.derivative(expr, `${vars[i]}${c + 1}`, NO_SIMPLIFY).evaluate(scope));
    expectArraysClose(r.grad.data, symbolic, { ...TOL, label: 'grad' });
  });

  it('probability targets, K = 4, both weight modes: symbolic in z, t given', () => {
    const rng = createRng(211);
    const z = randomLogits(rng, 1, 4, 2);
    const w = randomWeights(rng, 4);
    const t = [0.1, 0.6, 0, 0.3];
    const alpha = 0.25;
    const denom = '(exp(z1) + exp(z2) + exp(z3) + exp(z4))';
    const q = (c: number) => `((1 - alpha) * t${c} + alpha / 4)`;
    const rowWeight = '(w1 * t1 + w2 * t2 + w3 * t3 + w4 * t4)';
    for (const mode of ['target', 'sample'] as const) {
      const terms = [1, 2, 3, 4].map(
        (c) => `${mode === 'target' ? `w${c}` : rowWeight} * ${q(c)} * log(exp(z${c}) / ${denom})`,
      );
      const expr = `-(${terms.join(' + ')})`;
      const scope: Record<string, number> = { alpha };
      for (let c = 0; c < 4; c++) {
        scope[`z${c + 1}`] = z.data[c];
        scope[`w${c + 1}`] = w[c];
        scope[`t${c + 1}`] = t[c];
      }
      const r = softmaxCrossEntropy(z, fromRows([t]), {
        weight: w,
        weightMode: mode,
        labelSmoothing: alpha,
      });
      expectClose(r.loss, math.evaluate(expr, scope), { ...TOL, label: `${mode} loss` });
      const symbolic = [1, 2, 3, 4].map((c) =>
        math.derivative(expr, `z${c}`, NO_SIMPLIFY).evaluate(scope),
      );
      expectArraysClose(r.grad.data, symbolic, { ...TOL, label: `${mode} grad` });
    }
  });
});
