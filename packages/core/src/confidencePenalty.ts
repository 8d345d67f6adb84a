import { LslabError } from './errors.js';
import { finiteRowMax } from './internal/rows.js';
import type { Matrix } from './matrix.js';
import type { CrossEntropyResult, Reduction } from './softmaxCrossEntropy.js';
import { checkLabels, checkMatrix, checkOption, checkOptions } from './validate/index.js';

const FN = 'confidencePenalty';

/**
 * Cross-entropy with a confidence penalty (Pereyra et al. 2017): the hard-label
 * cross-entropy minus β times the entropy of the prediction,
 *
 *   l_i = −log p_{i,y_i} − β·H(p_i),  H(p) = −Σ_c p_c·log p_c,  p = softmax(z).
 *
 * It rewards spread-out predictions, like label smoothing, but from the other
 * side of the KL divergence: since H(p) = ln K − KL(p‖u) with u uniform,
 * l = CE + β·KL(p‖u) − β·ln K, and KL(p‖u) ≤ ln K stays bounded, whereas label
 * smoothing adds α·KL(u‖p), which is unbounded as any p_c → 0 (claim C7).
 *
 * Gradient: ∂CE/∂z = p − e_y and ∂H/∂z_j = −p_j·(log p_j + H(p)), so
 *
 *   ∂l/∂z_j = p_j − [j = y] + β·p_j·(log p_j + H(p)),
 *
 * whose entries sum to 0 in every row. log p comes from log-softmax (z_j − max
 * minus log Σ e^{z − max}) and H = L − Σ_c p_c·d_c is a sum of non-negative
 * terms, so nothing is logged after underflowing and logits as large as ±1e300
 * stay finite. `'mean'` divides by N (rows), as {@link softmaxCrossEntropy} does
 * without weights.
 *
 * @param logits - N×K finite logits, N ≥ 1, K ≥ 2 (Float64 or Float32)
 * @param labels - N class indices in [0, K)
 * @param beta - penalty weight β, finite and ≥ 0 (β = 0 is plain cross-entropy)
 * @param options.reduction - `'mean'` (default), `'sum'` or `'none'` (per row)
 * @returns `{ loss, grad }`: loss a number (Float64Array per row for `'none'`),
 *   grad an N×K Float64 Matrix
 * @throws LslabError `E_SHAPE`, `E_EMPTY`, `E_RANGE` (K < 2, β < 0),
 *   `E_NOT_FINITE` (logit, β), `E_LABEL`, `E_OPTION`
 * @see [C7.regulariser.md](../../../docs/theory/C7.regulariser.md): smoothing and the entropy penalty compared
 * @example
 * // p = (3/4, 1/4), y = 0, β = 1: ln(4/3) − [(3/4)·ln(4/3) + (1/4)·ln 4]
 * confidencePenalty(fromRows([[Math.log(3), 0]]), [0], 1).loss; // -0.2746530721670274
 * // p = (1/2, 1/2): the entropy is at its maximum, so the penalty adds no gradient
 * confidencePenalty(fromRows([[0, 0]]), [0], 0.5).grad.data;    // [-0.5, 0.5]
 */
export function confidencePenalty<R extends Reduction = 'mean'>(
  logits: Matrix,
  labels: ArrayLike<number>,
  beta: number,
  options?: { reduction?: R },
): CrossEntropyResult<R> {
  const o = checkOptions<{ reduction?: R }>('confidencePenalty', options, ['reduction']);
  checkMatrix(FN, 'logits', logits);
  const { rows: n, cols: k, data: z } = logits;
  if (n === 0) throw new LslabError('E_EMPTY', FN, 'has no rows', { argument: 'logits' });
  if (k < 2)
    throw new LslabError('E_RANGE', FN, 'needs K ≥ 2 columns', { argument: 'logits', value: k });
  if (typeof beta !== 'number' || !(beta > -Infinity && beta < Infinity))
    throw new LslabError('E_NOT_FINITE', FN, 'is not finite', { argument: 'beta', value: beta });
  if (beta < 0)
    throw new LslabError('E_RANGE', FN, 'must be ≥ 0', { argument: 'beta', value: beta });
  const reduction = checkOption(FN, 'options.reduction', o.reduction ?? 'mean', [
    'mean',
    'sum',
    'none',
  ] as const);
  checkLabels(FN, 'labels', labels, n, k);
  const losses = new Float64Array(n);
  const grad = new Float64Array(n * k);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const o = i * k;
    const m = finiteRowMax(FN, logits, i);
    let s = 0;
    for (let j = 0; j < k; j++) {
      const e = Math.exp(z[o + j] - m);
      grad[o + j] = e;
      s += e;
    }
    const lse = Math.log(s);
    // H = L − Σ p_c·d_c with d_c = z_c − m ≤ 0: both parts ≥ 0
    let pd = 0;
    for (let j = 0; j < k; j++) {
      const p = grad[o + j] / s;
      grad[o + j] = p;
      pd += p * (z[o + j] - m);
    }
    const h = lse - pd;
    const y = labels[i];
    losses[i] = lse - (z[o + y] - m) - beta * h;
    total += losses[i];
    for (let j = 0; j < k; j++) {
      const p = grad[o + j];
      grad[o + j] = p + beta * p * (z[o + j] - m - lse + h);
    }
    grad[o + y] -= 1;
  }
  if (reduction === 'none')
    return { loss: losses, grad: { rows: n, cols: k, data: grad } } as CrossEntropyResult<R>;
  if (reduction === 'mean') {
    total /= n;
    for (let e = 0; e < grad.length; e++) grad[e] /= n;
  }
  return { loss: total, grad: { rows: n, cols: k, data: grad } } as CrossEntropyResult<R>;
}
