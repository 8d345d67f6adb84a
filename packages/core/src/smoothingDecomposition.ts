import type { SmoothingConvention } from './convention.js';
import { LslabError } from './errors.js';
import { finiteRowMax } from './internal/rows.js';
import type { Matrix } from './matrix.js';
import { smoothingMass } from './smoothingMass.js';
import {
  checkAlpha,
  checkConvention,
  checkLabels,
  checkMatrix,
  checkOptions,
} from './validate/index.js';

/** The four terms of {@link smoothingDecomposition}, for one sample or averaged. */
export interface SmoothingTerms<T> {
  /** The label-smoothed cross-entropy −Σ_c q_c·log p_c. */
  total: T;
  /** The hard-label cross-entropy −log p_y. */
  crossEntropy: T;
  /** KL(u‖p) = Σ_c u_c·log(u_c / p_c), with u the reference distribution of the convention. */
  klFromUniform: T;
  /** H(u): ln K (`'uniform'`) or ln(K−1) (`'others'`). */
  entropyOfUniform: T;
}

/** Result of {@link smoothingDecomposition}: per-sample terms and their means over the rows. */
export interface SmoothingDecomposition {
  /** One Float64Array of length N per term; entry i belongs to row i. */
  perSample: SmoothingTerms<Float64Array>;
  /** The average of each term over the N rows. */
  mean: SmoothingTerms<number>;
}

const FN = 'smoothingDecomposition';

/**
 * Splits the label-smoothed cross-entropy into a hard-label cross-entropy and
 * a pull towards a uniform distribution (claim C7):
 *
 *   total = (1−α)·crossEntropy + α·(klFromUniform + entropyOfUniform).
 *
 * Derivation: the smoothed target is q = (1−α)·e_y + α·u, and cross-entropy is
 * linear in its target, so −Σ q_c log p_c = (1−α)·(−log p_y) + α·(−Σ u_c log p_c),
 * and −Σ u_c log p_c = KL(u‖p) + H(u).
 *
 * - `'uniform'` (default): u = 1/K on every class, H(u) = ln K. Equivalently
 *   total − crossEntropy = α·(z_y − mean_c z_c).
 * - `'others'`: u = 1/(K−1) on the K−1 wrong classes, H(u) = ln(K−1).
 *
 * The constant H(u) changes no gradient; ∂KL(u‖p)/∂z = p − u, so the
 * regulariser pulls p towards u. KL(u‖p) grows without bound as any p_c → 0
 * (contrast the confidence penalty, {@link confidencePenalty}).
 *
 * Every term is computed from log-softmax with the row maximum m subtracted,
 * d_c = z_c − m, L = log Σ e^{d_c}: crossEntropy = L − d_y, klFromUniform =
 * L − mean_{c∈S} d_c − H(u) (S the support of u), and total = L − Σ q_c d_c
 * computed directly, so no probability is ever formed or logged and the terms
 * stay finite for logits as large as ±1e300. klFromUniform is ≥ 0 exactly; a
 * negative rounding residue (only possible when p is within a few ulps of u)
 * is returned as 0.
 *
 * @param logits - N×K finite logits, N ≥ 1, K ≥ 2 (Float64 or Float32)
 * @param labels - N class indices in [0, K)
 * @param alpha - smoothing α ∈ [0, 1]
 * @param options.convention - `'uniform'` (default) or `'others'`
 * @returns per-sample Float64Arrays and their means
 * @throws LslabError `E_SHAPE`, `E_EMPTY`, `E_RANGE`, `E_NOT_FINITE`, `E_LABEL`, `E_OPTION`
 * @see [C7.regulariser.md](../../../docs/theory/C7.regulariser.md): smoothing as cross-entropy plus KL(u‖p)
 * @example
 * // p = (1/8, 2/8, 5/8), y = 2, α = 0.3
 * const d = smoothingDecomposition(fromRows([[0, Math.log(2), Math.log(5)]]), [2], 0.3);
 * d.mean.crossEntropy;     // 0.4700036292457356 = ln 1.6
 * d.mean.klFromUniform;    // 0.21330088868037778 = (1/3)·ln(256/135)
 * d.mean.entropyOfUniform; // 1.0986122886681096 = ln 3
 * d.mean.total;            // 0.7·ln 1.6 + 0.3·(ln 3 + (1/3)·ln(256/135)) = 0.7225764936765611
 */
export function smoothingDecomposition(
  logits: Matrix,
  labels: ArrayLike<number>,
  alpha: number,
  options?: { convention?: SmoothingConvention },
): SmoothingDecomposition {
  const o = checkOptions<{ convention?: SmoothingConvention }>('smoothingDecomposition', options, [
    'convention',
  ]);
  checkMatrix(FN, 'logits', logits);
  const { rows: n, cols: k, data: z } = logits;
  if (n === 0) throw new LslabError('E_EMPTY', FN, 'has no rows', { argument: 'logits' });
  if (k < 2)
    throw new LslabError('E_RANGE', FN, 'needs K ≥ 2 columns', { argument: 'logits', value: k });
  checkAlpha(FN, alpha);
  const convention = checkConvention(FN, o.convention);
  checkLabels(FN, 'labels', labels, n, k);
  const others = convention === 'others';
  const support = others ? k - 1 : k;
  const hU = Math.log(support);
  // q_c = off + (on − off)·[c = y]
  const { on, off } = smoothingMass(alpha, k, convention);
  const total = new Float64Array(n);
  const ce = new Float64Array(n);
  const kl = new Float64Array(n);
  const ent = new Float64Array(n).fill(hU);
  const sums = [0, 0, 0];
  for (let i = 0; i < n; i++) {
    const o = i * k;
    const m = finiteRowMax(FN, logits, i);
    let s = 0;
    let sumD = 0;
    for (let j = 0; j < k; j++) {
      const d = z[o + j] - m;
      s += Math.exp(d);
      sumD += d;
    }
    const lse = Math.log(s);
    const dy = z[o + labels[i]] - m;
    const sumS = others ? sumD - dy : sumD;
    ce[i] = lse - dy;
    kl[i] = Math.max(0, lse - sumS / support - hU);
    // Σ_c q_c d_c with q on the support of u plus the label (others: off is 0 on y)
    const qd = others ? off * sumS + on * dy : off * sumD + (on - off) * dy;
    total[i] = lse - qd;
    sums[0] += total[i];
    sums[1] += ce[i];
    sums[2] += kl[i];
  }
  return {
    perSample: { total, crossEntropy: ce, klFromUniform: kl, entropyOfUniform: ent },
    mean: {
      total: sums[0] / n,
      crossEntropy: sums[1] / n,
      klFromUniform: sums[2] / n,
      entropyOfUniform: hU,
    },
  };
}
