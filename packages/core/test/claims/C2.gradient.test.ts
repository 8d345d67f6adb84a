import { expectClose } from '@lslab/test-utils';
import { checkNamed, expectClaimHolds } from '@lslab/test-utils/claims';
import { all, create, type MathNode } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { gradientClaim } from '../../src/claims/index.ts';
import {
  between,
  randomDistribution,
  randomVector,
} from '../../src/claims/internal/randomInputs.ts';
import { createRng, sigmoid, softmaxCrossEntropy } from '../../src/index.ts';

const math = create(all, { number: 'number' });
const claim = gradientClaim;

/** ℓ(z; q) = log Σ_k exp(z_k) − Σ_k q_k z_k as a mathjs expression for K classes. */
function lossExpression(K: number): MathNode {
  const idx = Array.from({ length: K }, (_, i) => i + 1);
  const lse = `log(${idx.map((i) => `exp(z${i})`).join(' + ')})`;
  return math.parse(`${lse} - (${idx.map((i) => `q${i} * z${i}`).join(' + ')})`);
}

function scope(z: ArrayLike<number>, q: ArrayLike<number>): Record<string, number> {
  const s: Record<string, number> = {};
  for (let i = 0; i < z.length; i++) {
    s[`z${i + 1}`] = z[i];
    s[`q${i + 1}`] = q[i];
  }
  return s;
}

describe('gradientClaim.run(params)', () => {
  it('run(defaults) holds', () => {
    const r = expectClaimHolds(claim, claim.defaults);
    // at z = 0, K = 4, α = 0.1: 1/4 − (0.9 + 0.025) = −0.675 and 1/4 − 0.1/3
    expectClose(checkNamed(r, 'uniform: true-class gradient at z = 0').measured, -0.675, {
      rtol: 2,
    });
    expectClose(checkNamed(r, 'others: wrong-class gradient at z = 0').measured, 0.25 - 0.1 / 3, {
      rtol: 2,
    });
  });

  it.each([
    { K: 2, alpha: 0.2, seed: 5, trials: 10 },
    { K: 3, alpha: 0, seed: 11, trials: 12 },
    { K: 10, alpha: 0.3, seed: 3, trials: 12 },
    { K: 4, alpha: 0.9, seed: 8, trials: 8 },
  ])('run(%o) holds', (p) => {
    expectClaimHolds(claim, p);
  });

  it('run(defaults) is deterministic for a seed and changes with it', () => {
    const a = claim.run(claim.defaults);
    expect(a).toEqual(claim.run(claim.defaults));
    const b = claim.run({ ...claim.defaults, seed: 3 });
    expect(b.series.gradient).not.toEqual(a.series.gradient);
  });
});

describe('the gradient against mathjs symbolic derivatives (K ≤ 4)', () => {
  for (const K of [2, 3, 4]) {
    it(`derivative(ℓ, z_j) = (softmax(z) − q)_j for K = ${K}, random z and q`, () => {
      const loss = lossExpression(K);
      const partials = Array.from({ length: K }, (_, j) => math.derivative(loss, `z${j + 1}`));
      const rng = createRng(100 + K);
      for (let t = 0; t < 20; t++) {
        const z = randomVector(rng, K, -5, 5);
        const q = randomDistribution(rng, K);
        const g = softmaxCrossEntropy(
          { rows: 1, cols: K, data: z },
          { rows: 1, cols: K, data: q },
          { reduction: 'sum' },
        ).grad.data;
        for (let j = 0; j < K; j++) {
          const symbolic = partials[j].evaluate(scope(z, q)) as number;
          expectClose(g[j], symbolic, { atol: 8, rtol: 8, label: `K=${K} trial ${t} j=${j}` });
        }
      }
    });

    it(`derivative(derivative(ℓ, z_i), z_j) has no q and equals diag(p) − ppᵀ for K = ${K}`, () => {
      const loss = lossExpression(K);
      const rng = createRng(200 + K);
      const z = randomVector(rng, K, -3, 3);
      const q = randomDistribution(rng, K);
      const e = Array.from(z, Math.exp);
      const s = e.reduce((a, b) => a + b, 0);
      const p = e.map((v) => v / s);
      for (let i = 0; i < K; i++) {
        const gi = math.derivative(loss, `z${i + 1}`);
        const mentions = gi.filter((n) => 'name' in n && String(n.name) === `q${i + 1}`);
        expect(mentions.length, `∂ℓ/∂z_${i} mentions q_${i}`).toBeGreaterThan(0);
        for (let j = 0; j < K; j++) {
          const hij = math.derivative(gi, `z${j + 1}`);
          const symbols = hij.filter((n) => 'name' in n && /^q\d/.test(String(n.name)));
          expect(symbols, `H_${i}${j} mentions q`).toEqual([]);
          const expected = (i === j ? p[i] : 0) - p[i] * p[j];
          expectClose(hij.evaluate(scope(z, q)) as number, expected, {
            atol: 16,
            rtol: 16,
            label: `H_${i}${j}`,
          });
        }
      }
    });
  }

  it('derivative(log(1 + exp(z)) − t·z, z) = σ(z) − t at random z and t', () => {
    const d = math.derivative('log(1 + exp(z)) - t * z', 'z');
    const rng = createRng(7);
    for (let i = 0; i < 50; i++) {
      const z = between(rng, -10, 10);
      const t = rng.uniform();
      expectClose((sigmoid(z) as number) - t, d.evaluate({ z, t }) as number, {
        atol: 4,
        rtol: 4,
      });
    }
  });
});
