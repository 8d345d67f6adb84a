import { LslabError, type Rng } from '@lslab/core';

/** @internal Validates `nPerClass` and returns K sizes. */
export function classSizes(fn: string, n: number | readonly number[], k: number): number[] {
  if (typeof n !== 'number' && !Array.isArray(n)) {
    throw new LslabError('E_RANGE', fn, 'must be a count or one count per class', {
      argument: 'options.nPerClass',
      value: n,
    });
  }
  const sizes = typeof n === 'number' ? new Array<number>(k).fill(n) : [...n];
  if (sizes.length !== k) {
    throw new LslabError('E_SHAPE', fn, `has length ${sizes.length}, expected K = ${k}`, {
      argument: 'options.nPerClass',
    });
  }
  let total = 0;
  sizes.forEach((s, i) => {
    if (!Number.isInteger(s) || s < 0) {
      throw new LslabError('E_RANGE', fn, 'must be an integer ≥ 0', {
        argument: 'options.nPerClass',
        row: i,
        value: s,
      });
    }
    total += s;
  });
  if (total === 0)
    throw new LslabError('E_EMPTY', fn, 'asks for no rows', { argument: 'options.nPerClass' });
  return sizes;
}

/** @internal Labels in class blocks and a random order to emit them in. */
export function shuffledRows(
  rng: Rng,
  sizes: readonly number[],
): { order: Uint32Array; labels: Int32Array } {
  const n = sizes.reduce((a, b) => a + b, 0);
  const labels = new Int32Array(n);
  let p = 0;
  sizes.forEach((s, c) => {
    labels.fill(c, p, p + s);
    p += s;
  });
  return { order: rng.permutation(n), labels };
}

/**
 * @internal With probability rho per row, replaces the label by one of the
 * other k − 1 classes, uniformly: c' = (c + 1 + int(k − 1)) mod k.
 */
export function flipLabels(
  rng: Rng,
  clean: Int32Array,
  k: number,
  rho: number,
): { y: Int32Array; flipped: number } {
  const y = Int32Array.from(clean);
  let flipped = 0;
  if (rho === 0) return { y, flipped };
  for (let i = 0; i < y.length; i++) {
    if (rng.uniform() < rho) {
      y[i] = (clean[i] + 1 + rng.int(k - 1)) % k;
      flipped++;
    }
  }
  return { y, flipped };
}
