import type { Rng } from '@lslab/core';
import { MAX_ELEMENTS } from '@lslab/core';
import { checkInteger, checkRng } from '@lslab/core/validate';
import { requiredOptions } from '../../model/options.js';
import type { Dataset } from '../dataset.js';
import { type SoftmaxDataTruth, softmaxData } from './softmaxData.js';

/** Options of {@link overparameterized}. */
export interface OverparameterizedOptions {
  /** Training rows n ≥ 1. */
  n: number;
  /** Features d (default n, the interpolation threshold). */
  dim?: number;
  /** K ≥ 2 (default 2). */
  numClasses?: number;
  /** Held-out rows drawn from the same distribution (default 2000). */
  nTest?: number;
  /** Columns of W that carry signal (default min(5, d)); the rest are pure noise features. */
  informative?: number;
  /** Standard deviation of the non-zero weights (default 1). */
  weightScale?: number;
}

/**
 * Draws the over-parameterised regime of claim C8: n training rows in d ≈ n
 * dimensions (d = n by default) from a well-specified softmax model whose
 * signal lives in a few `informative` columns, plus a held-out test set from
 * the same distribution. A softmax regression with d ≥ n can fit the training
 * labels exactly, so trained with hard labels and no regularisation its
 * confidence on fresh data runs ahead of its accuracy — the regime where label
 * smoothing is expected to help calibration. The true weights and the true
 * test probabilities (`test.truth.probabilities`) give the Bayes reference.
 * The test set is drawn from a stream split off `rng` first, so its rows do not
 * depend on n.
 *
 * @param rng - the generator (advanced)
 * @param options - n, d, K, test size, number of informative columns
 * @returns `{ train, test }`, both with the same `truth.weights`
 * @throws LslabError `E_RANGE` for sizes out of range (see {@link softmaxData})
 * @example
 * const { train, test } = overparameterized(createRng(8), { n: 100 });
 * [train.x.cols, test.x.rows]; // [100, 2000]
 */
export function overparameterized(
  rng: Rng,
  options: OverparameterizedOptions,
): { train: Dataset & { truth: SoftmaxDataTruth }; test: Dataset & { truth: SoftmaxDataTruth } } {
  const fn = 'overparameterized';
  checkRng(fn, 'rng', rng);
  requiredOptions<OverparameterizedOptions>(fn, options, [
    'n',
    'dim',
    'numClasses',
    'nTest',
    'informative',
    'weightScale',
  ]);
  checkInteger(fn, 'options.n', options.n, { min: 1 });
  const d = options.dim ?? options.n;
  checkInteger(fn, 'options.dim', d, { min: 1 });
  const k = options.numClasses ?? 2;
  const nTest = options.nTest ?? 2000;
  checkInteger(fn, 'options.nTest', nTest, { min: 1 });
  checkInteger(fn, '(options.n + options.nTest) × options.dim', (options.n + nTest) * d, {
    max: MAX_ELEMENTS,
  });
  const testRng = rng.split();
  const train = softmaxData(rng, {
    n: options.n,
    dim: d,
    numClasses: k,
    informative: options.informative ?? Math.min(5, d),
    weightScale: options.weightScale ?? 1,
  });
  const test = softmaxData(testRng, {
    n: nTest,
    dim: d,
    numClasses: k,
    weights: train.truth.weights,
  });
  const meta = { name: 'overparameterized', ratio: d / options.n };
  return {
    train: { ...train, meta: { ...train.meta, ...meta, split: 'train' } },
    test: { ...test, meta: { ...test.meta, ...meta, split: 'test' } },
  };
}
