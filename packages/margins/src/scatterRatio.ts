import { LslabError, type Matrix } from '@lslab/core';
import { checkFiniteMatrix, checkLabels, checkMatrix, checkNonEmpty } from '@lslab/core/validate';

/** Within- and between-class scatter of a point cloud, as traces. */
export interface ScatterRatio {
  /** tr Σ_W = (1/N) Σ_i ‖x_i − μ_{y_i}‖². */
  within: number;
  /** tr Σ_B = (1/N) Σ_k n_k ‖μ_k − μ‖². */
  between: number;
  /** within / between: small for tight, well-separated clusters. */
  ratio: number;
}

const FN = 'scatterRatio';

/**
 * The within-class over the between-class scatter of labelled points, each
 * as the trace of its covariance (the measure of cluster tightness of Müller
 * et al. 2019 and of neural collapse's NC1, tr(Σ_W Σ_B⁺) in its simplest,
 * trace-ratio form). Classes are the distinct labels present; tr Σ_W + tr Σ_B
 * equals the total scatter (1/N) Σ_i ‖x_i − μ‖².
 *
 * @param points - N×m points (finite), e.g. the `points` of `templateProjection`
 * @param labels - N class indices (integers ≥ 0)
 * @returns `{ within, between, ratio }`
 * @throws LslabError `E_SHAPE`, `E_EMPTY`, `E_NOT_FINITE`, `E_LABEL`;
 *   `E_RANGE` when fewer than two classes occur, all class means coincide or the
 *   scatter is beyond the double range
 * @example
 * scatterRatio(fromRows([[0, 0], [0, 2], [4, 0], [4, 2]]), [0, 0, 1, 1]);
 * // { within: 1, between: 4, ratio: 0.25 }
 */
export function scatterRatio(points: Matrix, labels: ArrayLike<number>): ScatterRatio {
  checkMatrix(FN, 'points', points);
  checkNonEmpty(FN, 'points', points.rows);
  checkFiniteMatrix(FN, 'points', points);
  const { rows: n, cols: m, data } = points;
  // classes by first appearance, so that a label such as 10^9 costs no more than 1
  const index = new Map<number, number>();
  if (labels !== null && typeof labels === 'object')
    for (let i = 0; i < labels.length; i++)
      if (Number.isInteger(labels[i]) && labels[i] >= 0 && !index.has(labels[i]))
        index.set(labels[i], index.size);
  checkLabels(FN, 'labels', labels, n, Number.MAX_SAFE_INTEGER);
  const k = index.size;
  const cls = Int32Array.from({ length: n }, (_, i) => index.get(labels[i]) as number);
  const count = new Float64Array(k);
  const sums = new Float64Array(k * m);
  const total = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    const y = cls[i];
    count[y]++;
    for (let j = 0; j < m; j++) {
      sums[y * m + j] += data[i * m + j];
      total[j] += data[i * m + j];
    }
  }
  if (count.filter((c) => c > 0).length < 2) {
    throw new LslabError('E_RANGE', FN, 'has fewer than two classes', { argument: 'labels' });
  }
  for (let j = 0; j < m; j++) total[j] /= n;
  for (let y = 0; y < k; y++)
    if (count[y] > 0) for (let j = 0; j < m; j++) sums[y * m + j] /= count[y];
  let within = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < m; j++) within += (data[i * m + j] - sums[cls[i] * m + j]) ** 2;
  let between = 0;
  for (let y = 0; y < k; y++)
    for (let j = 0; j < m; j++)
      if (count[y] > 0) between += count[y] * (sums[y * m + j] - total[j]) ** 2;
  if (!(between > 0)) {
    throw new LslabError('E_RANGE', FN, 'has every class mean at the same point', {
      argument: 'points',
    });
  }
  if (!(Number.isFinite(within) && Number.isFinite(between))) {
    throw new LslabError('E_RANGE', FN, 'spreads beyond the double range; rescale the points', {
      argument: 'points',
    });
  }
  return { within: within / n, between: between / n, ratio: within / between };
}
