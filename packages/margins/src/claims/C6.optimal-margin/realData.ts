import { type Matrix, matrix } from '@lslab/core';
import { loadPenguins, loadSeattleWeather } from '@lslab/datasets/node';
import { type Dataset, newton, softmaxRegression } from '@lslab/models';
import { marginSummary } from '../../marginSummary.js';
import { scatterRatio } from '../../scatterRatio.js';
import { templateProjection } from '../../templateProjection.js';

/** The bundled data sets the spread is measured on. */
export const REAL_DATASETS = ['penguins', 'seattle-weather'] as const;

/** λ of the softmax regressions: small, so that hard labels on separable splits stay finite. */
export const L2 = 1e-3;

/** What one fit on one split gives. */
export interface SplitMeasure {
  /** Mean over test rows of the standard deviation of the gaps across wrong classes. */
  spread: number;
  /** The same, each row's deviation divided by its mean gap (scale-free). */
  relativeSpread: number;
  /** Within/between scatter of the test rows projected onto the plane of classes 0, 1, 2. */
  scatter: number;
  /** Largest error of the projection's logit differences against the model's (classes 0, 1, 2). */
  projectionError: number;
  /** Size of those differences (for the relative tolerance). */
  scale: number;
  /** Projected points (first split only is kept by the caller). */
  points: Matrix;
  labels: ArrayLike<number>;
  /** Quantiles over test rows of the minimum gap, the mean gap and the gap variance. */
  quantiles: ReturnType<typeof marginSummary>['quantiles'];
}

function load(name: (typeof REAL_DATASETS)[number], seed: number) {
  return name === 'penguins' ? loadPenguins({ seed }) : loadSeattleWeather({ seed });
}

/** Fits softmax regression by Newton on one split and measures the test rows. */
export function measureSplit(
  name: (typeof REAL_DATASETS)[number],
  seed: number,
  alpha: number,
): SplitMeasure {
  const { train, test } = load(name, seed);
  const k = train.numClasses;
  const d = train.x.cols;
  const m = softmaxRegression({
    inputDim: d,
    numClasses: k,
    l2: L2,
    loss: { labelSmoothing: alpha },
  });
  newton(m, train.x, train.y);
  const z = m.forward(test.x);
  const s = marginSummary(z, test.y);
  let spread = 0;
  let relative = 0;
  for (let i = 0; i < s.variance.length; i++) {
    const sd = Math.sqrt(s.variance[i]);
    spread += sd;
    relative += sd / Math.abs(s.mean[i]);
  }
  const w: Matrix = matrix(d, k, m.tensors.W);
  const p = templateProjection(test.x, w, m.tensors.b, [0, 1, 2]);
  const { error, scale } = projectionError(p, test, z, m.tensors.W, m.tensors.b, d, k);
  return {
    spread: spread / s.variance.length,
    relativeSpread: relative / s.variance.length,
    scatter: scatterRatio(p.points, test.y).ratio,
    projectionError: error,
    scale,
    points: p.points,
    labels: test.y,
    quantiles: s.quantiles,
  };
}

/** max over rows and pairs (i, j) ⊂ {0, 1, 2} of |Σ_r points_r e_r·(w̃_j − w̃_i) − (z_j − z_i)|. */
function projectionError(
  p: ReturnType<typeof templateProjection>,
  test: Dataset,
  z: Matrix,
  W: Float64Array,
  b: Float64Array,
  d: number,
  k: number,
) {
  const D = d + 1;
  const coef = (i: number, j: number, r: number) => {
    let c = p.basis.data[r * D + d] * (b[j] - b[i]);
    for (let q = 0; q < d; q++) c += p.basis.data[r * D + q] * (W[q * k + j] - W[q * k + i]);
    return c;
  };
  let error = 0;
  let scale = 0;
  for (const [i, j] of [
    [0, 1],
    [0, 2],
    [1, 2],
  ]) {
    const c0 = coef(i, j, 0);
    const c1 = coef(i, j, 1);
    for (let n = 0; n < test.x.rows; n++) {
      const direct = z.data[n * k + j] - z.data[n * k + i];
      const plane = p.points.data[2 * n] * c0 + p.points.data[2 * n + 1] * c1;
      error = Math.max(error, Math.abs(plane - direct));
      scale = Math.max(scale, Math.abs(direct));
    }
  }
  return { error, scale };
}
