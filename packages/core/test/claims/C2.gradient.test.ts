import { expectClose } from '@lslab/test-utils';
import { checkNamed, expectClaimHolds } from '@lslab/test-utils/claims';
import { all, create, type MathNode } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { c2Gradient as claim } from '../../src/claims/index.ts';
import { between, randomDistribution, randomVector } from '../../src/claims/randomInputs.ts';
import { createRng, sigmoid, softmaxCrossEntropy } from '../../src/index.ts';
import { thrownLslabError } from '../helpers/index.ts';

const math = create(all, { number: 'number' });

// Independent paths of the checks:
// - p − q: central differences of the fused kernel's loss, and the kernel's own
//   gradient, against softmax(z) − q from `softmax` (a separate implementation);
// - the Hessian: central differences of the kernel's gradient against the closed
//   form diag(p) − ppᵀ, and for two targets against each other;
// - the sigmoid: central differences of sigmoidCrossEntropy's loss, and its
//   gradient, against σ(z) − t from `sigmoid`;
// - the values at z = 0 and the trace: closed forms, also evaluated by the harness
//   with mathjs at 64 digits;
// - below: mathjs symbolic derivatives of LSE(z) − ⟨q, z⟩, independent of all of the above.

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

describe('c2Gradient.run(params)', () => {
  it('run(defaults) holds', () => {
    expect(claim.id).toBe('C2.gradient');
    const r = expectClaimHolds(claim, claim.defaults);
    // at z = 0, K = 4, α = 0.1: 1/4 − (0.9 + 0.025) = −0.675 and 1/4 − 0.1/3
    expectClose(checkNamed(r, 'uniform: true-class gradient at z = 0').measured, -0.675, {
      rtol: 2,
    });
    expectClose(checkNamed(r, 'others: wrong-class gradient at z = 0').measured, 0.25 - 0.1 / 3, {
      rtol: 2,
    });
  });

  // the sweep: K = 2 and 1000, α = 0.01 and 0.9 and the
  // ends 0 and 1, two other seeds, the fewest and many trials
  it.each([
    { K: 2, alpha: 0.1, seed: 2, trials: 24 },
    { K: 1000, alpha: 0.1, seed: 2, trials: 1 },
    { K: 4, alpha: 0.01, seed: 2, trials: 24 },
    { K: 4, alpha: 0.9, seed: 2, trials: 24 },
    { K: 3, alpha: 0, seed: 11, trials: 12 },
    { K: 10, alpha: 1, seed: 2 ** 53 - 1, trials: 12 },
    { K: 4, alpha: 0.1, seed: 0, trials: 1 },
    { K: 4, alpha: 0.1, seed: 5, trials: 300 },
  ])('run(%o) holds', (p) => {
    expectClaimHolds(claim, p);
  });

  it('rejects parameters at the door, naming the claim and the parameter', () => {
    const d = claim.defaults;
    expect(thrownLslabError(() => claim.run({ ...d, trials: 0 }), 'E_RANGE').message).toBe(
      'C2.gradient: trials = 0: must be an integer in [1, 1000]',
    );
    thrownLslabError(() => claim.run({ ...d, trials: -3 }), 'E_RANGE');
    thrownLslabError(() => claim.run({ ...d, trials: 2.5 }), 'E_RANGE');
    expect(thrownLslabError(() => claim.run({ ...d, K: 1 }), 'E_RANGE').message).toBe(
      'C2.gradient: K = 1: must be an integer in [2, 2000]',
    );
    thrownLslabError(() => claim.run({ ...d, K: 2001 }), 'E_RANGE');
    thrownLslabError(() => claim.run({ ...d, alpha: 1.5 }), 'E_RANGE');
    thrownLslabError(() => claim.run({ ...d, seed: -1 }), 'E_RANGE');
    thrownLslabError(() => claim.run({ ...d, seed: 1.5 }), 'E_RANGE');
    const o = thrownLslabError(() => claim.run({ ...d, trails: 3 } as never), 'E_OPTION');
    expect(o.message).toContain(
      "params.trails = 3: is not a parameter of C2.gradient; did you mean 'trials'?",
    );
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
