import { LslabError, type Matrix } from '@lslab/core';
import { type UniformSource, Xoshiro128 } from './xoshiro128.js';

/** @internal Validated resampling options. */
export interface ResampleSettings {
  resamples: number;
  level: number;
  source: UniformSource;
}

/**
 * @internal Reads `resamples` (integer ≥ 1, default 1000), `level` (in (0, 1),
 * default 0.95), and the random source: `rng` when given, else a
 * {@link Xoshiro128} seeded with `seed` (a safe integer, default 0).
 */
export function resampleSettings(
  fn: string,
  options: { resamples?: number; level?: number; seed?: number; rng?: UniformSource },
): ResampleSettings {
  const resamples = options.resamples ?? 1000;
  if (typeof resamples !== 'number' || !Number.isInteger(resamples) || resamples < 1) {
    throw new LslabError('E_RANGE', fn, 'must be an integer ≥ 1', {
      argument: 'options.resamples',
      value: resamples,
    });
  }
  const level = options.level ?? 0.95;
  if (typeof level !== 'number' || !(level > 0 && level < 1)) {
    throw new LslabError('E_RANGE', fn, 'must be a number in (0, 1)', {
      argument: 'options.level',
      value: level,
    });
  }
  if (options.rng !== undefined) {
    const r = options.rng;
    if (r === null || typeof r !== 'object' || typeof r.uniform !== 'function') {
      throw new LslabError('E_OPTION', fn, 'must be an object with a uniform() method', {
        argument: 'options.rng',
      });
    }
    return { resamples, level, source: r };
  }
  const seed = options.seed ?? 0;
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed)) {
    throw new LslabError('E_RANGE', fn, 'must be a safe integer', {
      argument: 'options.seed',
      value: seed,
    });
  }
  return { resamples, level, source: new Xoshiro128(seed) };
}

/**
 * @internal Fills `out` with indices drawn uniformly with replacement from
 * [0, n): index = ⌊u·n⌋ for u from the source. Throws `E_RANGE` when the
 * source returns a value outside [0, 1).
 */
export function drawIndices(fn: string, source: UniformSource, n: number, out: Uint32Array): void {
  for (let i = 0; i < out.length; i++) {
    const u = source.uniform();
    if (!(u >= 0 && u < 1)) {
      throw new LslabError('E_RANGE', fn, 'returned a value outside [0, 1)', {
        argument: 'options.rng.uniform()',
        value: u,
      });
    }
    out[i] = Math.floor(u * n);
  }
}

/** @internal Row count of a Matrix or a vector. */
export function rowCount(x: Matrix | ArrayLike<number>): number {
  return isMatrixLike(x) ? x.rows : x.length;
}

/** @internal True when `x` looks like a Matrix `{ rows, cols, data }`. */
export function isMatrixLike(x: unknown): x is Matrix {
  return x !== null && typeof x === 'object' && 'rows' in x && 'cols' in x && 'data' in x;
}

/**
 * @internal A reusable buffer holding a resample of `probs` (same kind: Matrix
 * of the same dtype, or a Float64Array for a vector) and of `labels`.
 */
export interface Gatherer<S> {
  probs: S;
  labels: Float64Array;
  gather(indices: Uint32Array): void;
}

/** @internal Builds a {@link Gatherer} for `probs` (Matrix or vector) and `labels`. */
export function gatherer(
  probs: Matrix | ArrayLike<number>,
  labels: ArrayLike<number>,
): Gatherer<Matrix | Float64Array> {
  const n = labels.length;
  const outLabels = new Float64Array(n);
  if (isMatrixLike(probs)) {
    const { cols, data } = probs;
    const out =
      data instanceof Float32Array ? new Float32Array(n * cols) : new Float64Array(n * cols);
    const m: Matrix = { rows: n, cols, data: out };
    return {
      probs: m,
      labels: outLabels,
      gather(idx) {
        for (let i = 0; i < n; i++) {
          const r = idx[i];
          outLabels[i] = labels[r];
          const src = r * cols;
          const dst = i * cols;
          for (let j = 0; j < cols; j++) out[dst + j] = data[src + j];
        }
      },
    };
  }
  const v = new Float64Array(n);
  return {
    probs: v,
    labels: outLabels,
    gather(idx) {
      for (let i = 0; i < n; i++) {
        const r = idx[i];
        outLabels[i] = labels[r];
        v[i] = probs[r];
      }
    },
  };
}
