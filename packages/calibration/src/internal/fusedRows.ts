import type { Matrix } from '@lslab/core';
import { checkDistributionRows, checkLabels, DISTRIBUTION_TOLERANCE } from '@lslab/core/validate';

// NLL and Brier on an N×K matrix in one pass: the row checks of
// checkProbabilities (every entry in [0, 1], so neither NaN nor ±∞; the row
// sum within DISTRIBUTION_TOLERANCE of 1; the label an integer class index)
// ride along with the metric's own reads. A row that fails any of them hands
// over to core's validators, which then throw the error they always threw.

/**
 * Throws the error checkProbabilities would throw for these inputs: the
 * fused check below fails exactly when one of these validators throws.
 */
function fail(fn: string, probs: Matrix, labels: ArrayLike<number>): never {
  checkDistributionRows(fn, 'probs', probs);
  checkLabels(fn, 'labels', labels, probs.rows, probs.cols);
  throw new Error(`${fn}: the fused row check and core's validators disagree`);
}

/** @internal Labels that are an array of one entry per row, as checkLabels requires. */
function labelsFit(labels: ArrayLike<number>, n: number): boolean {
  return labels !== null && typeof labels === 'object' && labels.length === n;
}

/** A true-class probability below this has its logarithm added on its own (see {@link nllRows}). */
const TINY = 2 ** -400;
/** The running product is brought back above this by the exact factor {@link UP}. */
const LOW = 2 ** -600;
const UP = 2 ** 600;

/**
 * @internal −(1/N)·Σ_i ln p_{i,y_i} of a shape-checked N×K matrix (K ≥ 2,
 * N ≥ 1), checking the rows and labels in the same pass.
 *
 * The sum of logarithms is taken as the logarithm of a product: Π_i p_{i,y_i}
 * is kept as P·2^(−600·m), multiplying P by 2^600 (exact) whenever it falls
 * below 2^−600, so that P stays a normal double; then Σ ln p = ln P − 600·m·ln 2.
 * Each product rounds with relative error ≤ ε/2, so ln P is off by at most
 * N·ε/2 in absolute terms (about √N·ε/2 in practice), no worse than the
 * rounding of N logarithms added one by one, and it takes one `Math.log`
 * instead of N. A probability below 2^−400 (the product could leave the
 * normal range) has its logarithm added on its own; p = 0 gives +∞, the limit.
 */
export function nllRows(fn: string, probs: Matrix, labels: ArrayLike<number>): number {
  const { rows: n, cols: k, data } = probs;
  if (!labelsFit(labels, n)) fail(fn, probs, labels);
  let product = 1;
  let rescaled = 0;
  let apart = 0;
  for (let i = 0, o = 0; i < n; i++, o += k) {
    let sum = 0;
    let outside = false;
    for (let c = 0; c < k; c++) {
      const v = data[o + c];
      if (!(v >= 0 && v <= 1)) outside = true;
      sum += v;
    }
    const y = labels[i];
    if (
      outside ||
      !(Math.abs(sum - 1) <= DISTRIBUTION_TOLERANCE && Number.isInteger(y) && y >= 0 && y < k)
    )
      fail(fn, probs, labels);
    const p = data[o + y];
    if (p >= TINY) {
      product *= p;
      if (product < LOW) {
        product *= UP;
        rescaled++;
      }
    } else apart -= Math.log(p);
  }
  return (apart - (Math.log(product) - rescaled * 600 * Math.LN2)) / n;
}

/**
 * @internal (1/N)·Σ_i Σ_c (1[c = y_i] − p_ic)² of a shape-checked N×K
 * matrix, checking the rows and labels in the same pass.
 */
export function brierRows(fn: string, probs: Matrix, labels: ArrayLike<number>): number {
  const { rows: n, cols: k, data } = probs;
  if (!labelsFit(labels, n)) fail(fn, probs, labels);
  let s = 0;
  for (let i = 0, o = 0; i < n; i++, o += k) {
    const y = labels[i];
    let sum = 0;
    let r = 0;
    let ok = true;
    for (let c = 0; c < k; c++) {
      const v = data[o + c];
      ok = ok && v >= 0 && v <= 1;
      sum += v;
      const d = (c === y ? 1 : 0) - v;
      r += d * d;
    }
    if (
      !(ok && Math.abs(sum - 1) <= DISTRIBUTION_TOLERANCE && Number.isInteger(y) && y >= 0 && y < k)
    )
      fail(fn, probs, labels);
    s += r;
  }
  return s / n;
}
