import { LslabError, type Rng } from '@lslab/core';

/**
 * @internal Validates split fractions: three finite numbers ≥ 0, train > 0,
 * sum 1 ± 1e-9. A value less than 1e-9 below 0 (as 1 − 0.77 − 0.23 gives in
 * floating point) counts as 0; the cleaned fractions are returned.
 */
export function checkFractions(fn: string, f: readonly number[]): [number, number, number] {
  if (!Array.isArray(f) || f.length !== 3) {
    throw new LslabError('E_RANGE', fn, 'must be [train, validation, test]', {
      argument: 'options.fractions',
      value: f,
    });
  }
  let sum = 0;
  for (let i = 0; i < 3; i++) {
    const v = f[i];
    if (!Number.isFinite(v) || v < -1e-9 || (i === 0 && v <= 0)) {
      throw new LslabError(
        'E_RANGE',
        fn,
        i === 0 ? 'must be finite and > 0' : 'must be finite and ≥ 0',
        {
          argument: 'options.fractions',
          row: i,
          value: v,
        },
      );
    }
    sum += v;
  }
  if (Math.abs(sum - 1) > 1e-9) {
    throw new LslabError('E_RANGE', fn, `must sum to 1, got ${sum}`, {
      argument: 'options.fractions',
      value: f,
    });
  }
  return [f[0], Math.max(0, f[1]), Math.max(0, f[2])];
}

/**
 * @internal Assigns rows to train/validation/test. Per group (a class when
 * stratified, else all rows): n_train = round(f0·m), n_val = min(round(f1·m),
 * m − n_train), the rest to test; rows are taken in the order of a random
 * permutation of the group drawn from `rng` (groups in class order). Each
 * part's indices are returned in ascending order.
 */
export function splitIndices(
  y: Int32Array,
  numClasses: number,
  fractions: readonly number[],
  stratify: boolean,
  rng: Rng,
): [Int32Array, Int32Array, Int32Array] {
  const n = y.length;
  const groups: number[][] = [];
  if (stratify) {
    for (let c = 0; c < numClasses; c++) groups.push([]);
    for (let i = 0; i < n; i++) groups[y[i]].push(i);
  } else {
    groups.push(Array.from({ length: n }, (_, i) => i));
  }
  const parts: number[][] = [[], [], []];
  for (const g of groups) {
    const m = g.length;
    if (m === 0) continue;
    const perm = rng.permutation(m);
    const nTrain = Math.round(fractions[0] * m);
    const nVal = Math.min(Math.round(fractions[1] * m), m - nTrain);
    for (let r = 0; r < m; r++) {
      const part = r < nTrain ? 0 : r < nTrain + nVal ? 1 : 2;
      parts[part].push(g[perm[r]]);
    }
  }
  return parts.map((p) => Int32Array.from(p).sort()) as [Int32Array, Int32Array, Int32Array];
}
