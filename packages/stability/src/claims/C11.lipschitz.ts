import {
  type Claim,
  type ClaimCheck,
  type ClaimResult,
  check,
  createRng,
  type SmoothingConvention,
  sigmoid,
  smoothBinaryTarget,
  softmax,
  softmaxCrossEntropy,
} from '@lslab/core';
import { type ClaimParamSchema, checkClaimParams } from '@lslab/core/validate';
import { binaryLossLipschitz } from '../binaryLossLipschitz.js';
import { estimateLipschitz } from '../estimateLipschitz.js';
import type { LipschitzNorm } from '../internal/norms.js';
import { lossLipschitz } from '../lossLipschitz.js';
import { softmaxHessianTop } from './internal/hessianSpectrum.js';

/** Parameters of {@link c11Lipschitz}. */
export type C11LipschitzParams = {
  /** Smoothing α ∈ [0, 1]. */
  alpha: number;
  /** K, an integer in [2, 1000]. */
  K: number;
  /** Random logit vectors of the search, an integer in [100, 20 000]. */
  samples: number;
  /** Seed of the search. */
  seed: number;
};

const ID = 'C11.lipschitz';
const EPS = Number.EPSILON;
const NORMS: readonly LipschitzNorm[] = ['l2', 'l1', 'linf'];
const CONVENTIONS: readonly SmoothingConvention[] = ['uniform', 'others'];
const SYMBOL = { l2: 'ℓ2', l1: 'ℓ1', linf: 'ℓ∞' } as const;
/** Random logit vectors whose Hessian spectrum is computed (each costs K·200 operations). */
const HESSIAN_SAMPLES = 200;
/** Step of the central differences of the gradient (Hessian–vector products). */
const H = 1e-4;

const DEFAULTS: C11LipschitzParams = { alpha: 0.1, K: 10, samples: 2000, seed: 0 };
/** The domains of the parameters; the page moves K up to 100 and the samples up to 5000. */
const SCHEMA: ClaimParamSchema = {
  alpha: { kind: 'number', label: 'α', min: 0, max: 1 },
  K: { kind: 'integer', label: 'K', min: 2, max: 1000, control: { max: 100 } },
  samples: {
    kind: 'integer',
    label: 'samples',
    min: 100,
    max: 20_000,
    control: { max: 5000, step: 100 },
  },
  seed: { kind: 'seed', label: 'seed', control: { max: 1000 } },
};

function run(given: C11LipschitzParams): ClaimResult {
  // the door: unknown keys are rejected (E_OPTION, naming the parameter), missing ones default
  const { alpha, K, samples, seed } = checkClaimParams(ID, DEFAULTS, given, SCHEMA);
  const rng = createRng(seed);
  const checks: ClaimCheck[] = [];
  const norms: object[] = [];
  for (const convention of CONVENTIONS) {
    for (const norm of NORMS) {
      const closed = lossLipschitz(alpha, K, { norm, convention });
      const hard = lossLipschitz(0, K, { norm });
      const e = estimateLipschitz(alpha, K, {
        norm,
        convention,
        samples,
        rng: rng.derive(`${convention}/${norm}`),
      });
      const tag = `${convention} ${SYMBOL[norm]}`;
      // the vertex value is a compensated sum of K rounded terms and one square root, the
      // closed form a sum of three: both within 4 ulps of the exact value, hence 8ε relative
      checks.push(
        check(`${tag}: max over vertices = closed form`, closed, e.vertices, 8 * EPS * closed),
      );
      // every searched point is in the simplex: it may exceed the supremum by rounding only
      checks.push(
        check(`${tag}: random search ≤ closed form`, closed, e.search, 8 * EPS * closed, 'atMost'),
      );
      // sized in advance: a fraction 1 − ln(200)/6 ≈ 12 % of the samples has scale s > 200,
      // where softmax is within (K − 1)e^{−s·Δg} of a vertex (Δg the gap of the two largest
      // normals); one such sample at a wrong vertex brings the search within 1e-6 of it
      checks.push(
        check(
          `${tag}: random search approaches it (within 1e-6)`,
          closed,
          e.search,
          1e-6 * closed,
          'atLeast',
        ),
      );
      norms.push({
        convention,
        norm,
        alpha,
        K,
        closedForm: closed,
        hardLabels: hard,
        vertices: e.vertices,
        search: e.search,
        relativeChange: closed / hard - 1,
      });
    }
  }
  const l2 = lossLipschitz(alpha, K);
  checks.push(
    // the relative change of the ℓ2 constant, measured from the vertices, against the formula
    check(
      'uniform ℓ2: relative change against hard labels',
      l2 / Math.SQRT2 - 1,
      estimateLipschitz(alpha, K, { samples: 0 }).vertices / Math.SQRT2 - 1,
      16 * EPS,
    ),
  );
  checks.push(...hessianChecks(alpha, K, rng.derive('hessian')));
  checks.push(...binaryChecks(alpha));
  const effect: object[] = [];
  for (const k of [2, 3, 10, 100, 1000])
    for (const a of [0.01, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5])
      effect.push({ K: k, alpha: a, relativeChange: lossLipschitz(a, k) / Math.SQRT2 - 1 });
  return {
    checks,
    series: { norms, effect },
    notes: [
      `At K = ${K}, α = ${alpha} the ℓ2 Lipschitz constant is ${l2.toFixed(5)} against √2 = 1.41421 with hard labels: ${(100 * (l2 / Math.SQRT2 - 1)).toFixed(2)} %. The effect is small; the curvature (largest Hessian eigenvalue ≤ 1/2) does not change at all.`,
    ],
  };
}

/** The softmax Hessian's top eigenvalue over random logits, and its independence of q. */
function hessianChecks(alpha: number, K: number, rng: ReturnType<typeof createRng>): ClaimCheck[] {
  let top = 0;
  const z = new Float64Array(K);
  for (let s = 0; s < HESSIAN_SAMPLES; s++) {
    const scale = Math.exp(4 * rng.uniform());
    for (let c = 0; c < K; c++) z[c] = scale * rng.normal();
    top = Math.max(top, softmaxHessianTop(softmax(z)));
  }
  // Hessian–vector products by central differences of core's loss gradient, for a hard and a
  // smoothed target at the same logits: q enters the gradient p − q additively, so the two
  // differences agree up to rounding, 4ε per gradient entry over 2h, twice: 4ε/h
  let worst = 0;
  for (let s = 0; s < 4; s++) {
    const v = new Float64Array(K);
    for (let c = 0; c < K; c++) {
      z[c] = rng.normal();
      v[c] = rng.normal() / Math.sqrt(K);
    }
    const hv = (a: number) => {
      const plus = gradient(z, v, H, a);
      const minus = gradient(z, v, -H, a);
      return plus.map((g, c) => (g - minus[c]) / (2 * H));
    };
    const hard = hv(0);
    const smooth = hv(alpha);
    for (let c = 0; c < K; c++) worst = Math.max(worst, Math.abs(hard[c] - smooth[c]));
  }
  let sig = 0;
  for (let t = -4000; t <= 4000; t++) {
    const p = sigmoid(t / 100);
    sig = Math.max(sig, p * (1 - p));
  }
  return [
    // the root is bracketed to adjacent doubles in [p₍₂₎, p₍₁₎] ⊂ [0, 1]: error ≤ 2ε
    check(
      'softmax Hessian: largest eigenvalue ≤ 1/2 (over random logits)',
      0.5,
      top,
      2 * EPS,
      'atMost',
    ),
    check(
      'softmax Hessian does not depend on q (max |H_hard v − H_smooth v|)',
      0,
      worst,
      (4 * EPS) / H,
    ),
    // σ(z)(1 − σ(z)) on a grid of z ∈ [−40, 40] that contains z = 0, where it is 1/4 exactly
    check('sigmoid Hessian: max σ(1 − σ) ≤ 1/4', 0.25, sig, 0, 'atMost'),
  ];
}

/** ∇_z ℓ(z + h v; q) of core's softmax cross-entropy for label 0 smoothed by α. */
function gradient(z: Float64Array, v: Float64Array, h: number, alpha: number): Float64Array {
  const k = z.length;
  const zz = new Float64Array(k);
  for (let c = 0; c < k; c++) zz[c] = z[c] + h * v[c];
  const r = softmaxCrossEntropy({ rows: 1, cols: k, data: zz }, [0], { labelSmoothing: alpha });
  return Float64Array.from(r.grad.data);
}

/** The binary constant against a grid search of |σ(z) − t|. */
function binaryChecks(alpha: number): ClaimCheck[] {
  const out: ClaimCheck[] = [];
  for (const convention of CONVENTIONS) {
    const t = smoothBinaryTarget(1, alpha, convention);
    let m = 0;
    for (let z = -40; z <= 40; z += 0.01) m = Math.max(m, Math.abs(sigmoid(z) - t));
    // the grid reaches σ(±40): within e^{−40} ≈ 4.2e-18 of 0 and 1, plus one rounding of t
    out.push(
      check(
        `binary ${convention}: sup |σ(z) − t| = closed form`,
        binaryLossLipschitz(alpha, { convention }),
        m,
        Math.exp(-40) + EPS,
      ),
    );
  }
  return out;
}

const U2 = 'sqrt((1 - alpha / K)^2 + (1 - alpha + alpha / K)^2 + (K - 2) * (alpha / K)^2)';
const O2 =
  'sqrt(max((1 - alpha / (K - 1))^2 + (1 - alpha)^2 + (K - 2) * (alpha / (K - 1))^2, alpha^2 + (K - 1) * (alpha / (K - 1))^2))';

/**
 * C11 — the Lipschitz constant of the smoothed loss shrinks, but only a little.
 * sup over the simplex of ‖p − q‖ is reached at a wrong-class vertex; for
 * `uniform` in ℓ2 it is √((1−α/K)² + (1−α+α/K)² + (K−2)(α/K)²) against √2
 * (1.34499 vs 1.41421 at K = 10, α = 0.1, −4.9 %). The curvature does not
 * change: the Hessian diag(p) − ppᵀ does not involve q, and its largest
 * eigenvalue is at most 1/2 (1/4 for the sigmoid).
 * Theory: docs/theory/C11.lipschitz.md; test: test/claims/C11.lipschitz.test.ts.
 *
 * @see [C11.lipschitz.md](../../../../docs/theory/C11.lipschitz.md): the derivation
 * @example
 * c11Lipschitz.run(c11Lipschitz.defaults).checks[0].measured; // 1.3449907062875… at K = 10, α = 0.1
 */
export const c11Lipschitz: Claim<C11LipschitzParams> = {
  id: ID,
  title: 'Smoothing lowers the Lipschitz constant a little and leaves the curvature alone',
  statement:
    'With smoothing, $\\sup_p \\lVert p - q \\rVert_2 = \\sqrt{(1-\\alpha/K)^2 + (1-\\alpha+\\alpha/K)^2 + (K-2)(\\alpha/K)^2} < \\sqrt 2$, while $\\lambda_{\\max}(\\operatorname{diag}(p) - pp^\\top) \\le 1/2$ for every target.',
  defaults: DEFAULTS,
  paramSchema: SCHEMA,
  formulas: {
    'uniform ℓ2: max over vertices = closed form': U2,
    'uniform ℓ1: max over vertices = closed form': '2 - 2 * alpha / K',
    'uniform ℓ∞: max over vertices = closed form': '1 - alpha / K',
    'others ℓ2: max over vertices = closed form': O2,
    'others ℓ1: max over vertices = closed form':
      'max(1 - alpha / (K - 1) + 1 - alpha + (K - 2) * alpha / (K - 1), 2 * alpha)',
    'others ℓ∞: max over vertices = closed form':
      'max(1 - alpha / (K - 1), 1 - alpha, alpha / (K - 1), alpha)',
    'uniform ℓ2: relative change against hard labels': `${U2} / sqrt(2) - 1`,
    'softmax Hessian: largest eigenvalue ≤ 1/2 (over random logits)': '1 / 2',
    'sigmoid Hessian: max σ(1 − σ) ≤ 1/4': '1 / 4',
    'binary uniform: sup |σ(z) − t| = closed form': '1 - alpha / 2',
    'binary others: sup |σ(z) − t| = closed form': 'max(1 - alpha, alpha)',
  },
  run,
};
