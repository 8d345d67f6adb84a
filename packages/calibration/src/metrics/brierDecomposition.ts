import type { Matrix } from '@lslab/core';
import { checkOptions } from '@lslab/core/validate';
import { equalWidthIndex } from '../internal/binning.js';
import { checkProbabilities, type ProbabilityView, probAt } from '../internal/probabilities.js';
import { type BinEdges, readBins, readEdges } from './binningOptions.js';
import { brierScore } from './brierScore.js';

/** Murphy's terms for one forecast (one class, or the positive class). */
export interface BrierTerms {
  /** (1/N) Σ_b n_b (f̄_b − ō_b)²: distance of bin forecasts from bin frequencies. */
  reliability: number;
  /** (1/N) Σ_b n_b (ō_b − ō)²: how far bin frequencies move from the base rate. */
  resolution: number;
  /** ō(1 − ō): the score of always forecasting the base rate. */
  uncertainty: number;
  /** (1/N) Σ_b Σ_{i∈b} ((f_i − f̄_b)² − 2(f_i − f̄_b)·o_i): within-bin variance and covariance. */
  residual: number;
}

/** Result of {@link brierDecomposition}: the summed terms and the Brier score they add up to. */
export interface BrierDecomposition extends BrierTerms {
  /** `brierScore(probs, labels)`, computed directly. */
  score: number;
  /** Matrix input only: the terms of each class (the top-level terms are their sums). */
  classes?: BrierTerms[];
}

/** Options of {@link brierDecomposition}. */
export interface BrierDecompositionOptions {
  /** Number of equal-width forecast bins (edges i/B), an integer in [1, 10⁶]. Default 15. */
  bins?: number;
  /** `'left'` [lo, hi) (default) or `'right'` (lo, hi]. */
  edges?: BinEdges;
}

const KNOWN = ['bins', 'edges'] as const;

function terms(v: ProbabilityView, c: number, bins: number, side: 'left' | 'right'): BrierTerms {
  const { n, labels } = v;
  const cnt = new Float64Array(bins);
  const sf = new Float64Array(bins);
  const so = new Float64Array(bins);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const f = probAt(v, i, c);
    const b = equalWidthIndex(f, bins, side);
    const o = labels[i] === c ? 1 : 0;
    cnt[b] += 1;
    sf[b] += f;
    so[b] += o;
    total += o;
  }
  const base = total / n;
  let rel = 0;
  let res = 0;
  for (let b = 0; b < bins; b++) {
    if (cnt[b] === 0) continue;
    const fb = sf[b] / cnt[b];
    const ob = so[b] / cnt[b];
    rel += cnt[b] * (fb - ob) ** 2;
    res += cnt[b] * (ob - base) ** 2;
    sf[b] = fb;
  }
  let within = 0;
  for (let i = 0; i < n; i++) {
    const f = probAt(v, i, c);
    const d = f - sf[equalWidthIndex(f, bins, side)];
    within += d * d - 2 * d * (labels[i] === c ? 1 : 0);
  }
  return {
    reliability: rel / n,
    resolution: res / n,
    uncertainty: base * (1 - base),
    residual: within / n,
  };
}

/**
 * Murphy's (1973) decomposition of the Brier score over equal-width forecast
 * bins, with the within-bin terms reported so that the parts add up exactly:
 *
 *   brierScore = reliability − resolution + uncertainty + residual
 *
 * (to rounding). The residual is zero when every bin holds a single forecast
 * value (Stephenson et al. 2008 call its parts the within-bin variance and
 * covariance). Forecasts are grouped per class: for an N×K matrix each class c
 * decomposes the Brier score of p_c against 1[y = c] with its own bins, and the
 * reported terms are the sums over classes (matching the [0, 2] multiclass
 * score). A vector of p(y = 1) decomposes the binary [0, 1] score.
 *
 * @param probs - N×K probabilities (rows sum to 1 within 1e-6) or a vector of p(y = 1)
 * @param labels - class indices in [0, K) (0/1 for a vector)
 * @param options.bins - number of equal-width forecast bins (edges i/B), default 15
 * @param options.edges - `'left'` [lo, hi) (default) or `'right'` (lo, hi]
 * @returns the four terms, the score, and per-class terms for a matrix
 * @throws LslabError as `brierScore`, plus E_RANGE for bins and E_OPTION
 * @see [calibration.md](../../../../docs/calibration.md): the Brier score and its decomposition
 * @example
 * // forecasts 0.2, 0.2, 0.8, 0.8 with outcomes 0, 1, 1, 1; bins of width 0.5:
 * // rel = (2·0.3² + 2·0.2²)/4 = 0.065, res = (2·0.25² + 2·0.25²)/4 = 0.0625,
 * // unc = 0.75·0.25 = 0.1875, residual 0, score 0.19
 * brierDecomposition([0.2, 0.2, 0.8, 0.8], [0, 1, 1, 1], { bins: 2 });
 */
export function brierDecomposition(
  probs: Matrix | ArrayLike<number>,
  labels: ArrayLike<number>,
  options?: BrierDecompositionOptions,
): BrierDecomposition {
  const fn = 'brierDecomposition';
  const o = checkOptions<BrierDecompositionOptions>(fn, options, KNOWN);
  const bins = readBins(fn, o.bins);
  const side = readEdges(fn, o.edges);
  const v = checkProbabilities(fn, probs, labels);
  const score = brierScore(probs, labels);
  if (v.vector) return { ...terms(v, 1, bins, side), score };
  const classes: BrierTerms[] = [];
  const sum: BrierTerms = { reliability: 0, resolution: 0, uncertainty: 0, residual: 0 };
  for (let c = 0; c < v.k; c++) {
    const t = terms(v, c, bins, side);
    classes.push(t);
    sum.reliability += t.reliability;
    sum.resolution += t.resolution;
    sum.uncertainty += t.uncertainty;
    sum.residual += t.residual;
  }
  return { ...sum, score, classes };
}
