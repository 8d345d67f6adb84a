import { LslabError, type Matrix } from '@lslab/core';
import {
  checkFiniteMatrix,
  checkFiniteVector,
  checkInteger,
  checkMatrix,
} from '@lslab/core/validate';

/** The result of {@link templateProjection}. */
export interface TemplateProjection {
  /** N×2: the coordinates (x̃·e₁, x̃·e₂) of every augmented activation x̃ = (x, 1). */
  points: Matrix;
  /** 2×(d + 1): the orthonormal basis e₁, e₂ of the plane of the three augmented templates. */
  basis: Matrix;
}

const FN = 'templateProjection';

/**
 * Projects activations onto the plane through three class templates, the
 * picture of Müller, Kornblith & Hinton (2019). The bias is folded in by
 * augmenting x̃ = (x, 1) and w̃_k = (w_k, b_k), so that z_k = x̃·w̃_k. The basis
 * is Gram–Schmidt of (w̃_b − w̃_a, w̃_c − w̃_a), in that order:
 *
 *   e₁ = (w̃_b − w̃_a)/‖w̃_b − w̃_a‖,  u = w̃_c − w̃_a − (e₁·(w̃_c − w̃_a))e₁,  e₂ = u/‖u‖,
 *
 * and `points` are (x̃·e₁, x̃·e₂). Because w̃_j − w̃_i lies in the plane for each
 * pair of a, b, c, the three pairwise logit differences are kept exactly:
 * z_j − z_i = Σ_r points_r · (e_r·(w̃_j − w̃_i)).
 *
 * @param features - N×d activations (finite)
 * @param weights - d×K classifier weights, column k the template w_k (the `W` of
 *   `softmaxRegression`: logits = xW + b), K ≥ 3
 * @param bias - K biases (pass zeros for a model without bias)
 * @param classes - three distinct class indices [a, b, c] in [0, K)
 * @returns `{ points, basis }`
 * @throws LslabError `E_RANGE` (K < 3, a class out of range or repeated,
 *   templates on a line), `E_SHAPE` (d or K disagree), `E_NOT_FINITE`
 * @see [C6.optimal-margin.md](../../../docs/theory/C6.optimal-margin.md): the template projection of smoothed and hard-label activations
 * @example
 * const w = fromRows([[1, 0, 0], [0, 1, 0]]); // d = 2, K = 3: w₀ = (1, 0), w₁ = (0, 1), w₂ = 0
 * const { points, basis } = templateProjection(fromRows([[3, 4]]), w, [0, 0, 0], [0, 1, 2]);
 * // e₁ = (−1, 1, 0)/√2, e₂ = (−1, −1, 0)/√2; z = (3, 4, 0): z₁ − z₀ = 1 = √2·points[0]
 */
export function templateProjection(
  features: Matrix,
  weights: Matrix,
  bias: ArrayLike<number>,
  classes: readonly [number, number, number],
): TemplateProjection {
  checkMatrix(FN, 'features', features);
  checkFiniteMatrix(FN, 'features', features);
  checkMatrix(FN, 'weights', weights);
  checkFiniteMatrix(FN, 'weights', weights);
  const d = features.cols;
  const k = weights.cols;
  if (weights.rows !== d) {
    throw new LslabError(
      'E_SHAPE',
      FN,
      `has ${weights.rows} rows, expected d = ${d} (features.cols)`,
      {
        argument: 'weights',
      },
    );
  }
  if (k < 3) {
    throw new LslabError('E_RANGE', FN, `has K = ${k} classes; the projection needs at least 3`, {
      argument: 'weights',
      value: k,
    });
  }
  checkFiniteVector(FN, 'bias', bias);
  if (bias.length !== k) {
    throw new LslabError('E_SHAPE', FN, `has length ${bias.length}, expected K = ${k}`, {
      argument: 'bias',
    });
  }
  if (!Array.isArray(classes) || classes.length !== 3) {
    throw new LslabError('E_RANGE', FN, 'must be three class indices [a, b, c]', {
      argument: 'classes',
      value: classes,
    });
  }
  const [a, b, c] = classes.map((v, i) =>
    checkInteger(FN, `classes[${i}]`, v, { min: 0, max: k - 1 }),
  );
  if (a === b || a === c || b === c) {
    throw new LslabError('E_RANGE', FN, 'must be three distinct classes', {
      argument: 'classes',
      value: classes,
    });
  }
  const D = d + 1;
  const template = (j: number) => {
    const t = new Float64Array(D);
    for (let r = 0; r < d; r++) t[r] = weights.data[r * k + j];
    t[d] = bias[j];
    return t;
  };
  const wa = template(a);
  const u1 = template(b).map((v, r) => v - wa[r]);
  const u2 = template(c).map((v, r) => v - wa[r]);
  const n1 = Math.hypot(...u1);
  if (!(n1 > 0)) {
    throw new LslabError('E_RANGE', FN, `templates ${a} and ${b} coincide: no plane`, {
      argument: 'weights',
    });
  }
  const e1 = u1.map((v) => v / n1);
  const proj = dot(e1, u2);
  const r2 = u2.map((v, r) => v - proj * e1[r]);
  const n2 = Math.hypot(...r2);
  // relative to ‖w̃_c − w̃_a‖: below 1e-12 the three templates lie on a line and e₂ is noise
  if (!(n2 > 1e-12 * Math.hypot(...u2))) {
    throw new LslabError('E_RANGE', FN, `templates ${a}, ${b}, ${c} lie on a line: no plane`, {
      argument: 'weights',
    });
  }
  const e2 = r2.map((v) => v / n2);
  const n = features.rows;
  const points = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    let s1 = e1[d];
    let s2 = e2[d];
    for (let r = 0; r < d; r++) {
      const x = features.data[i * d + r];
      s1 += x * e1[r];
      s2 += x * e2[r];
    }
    points[2 * i] = s1;
    points[2 * i + 1] = s2;
  }
  const basis = new Float64Array(2 * D);
  basis.set(e1, 0);
  basis.set(e2, D);
  return { points: { rows: n, cols: 2, data: points }, basis: { rows: 2, cols: D, data: basis } };
}

function dot(x: Float64Array, y: Float64Array): number {
  let s = 0;
  for (let r = 0; r < x.length; r++) s += x[r] * y[r];
  return s;
}
