import { LslabError } from '@lslab/core';
import { checkOption, checkOptions } from '@lslab/core/validate';
import type { CsrMatrix } from '@lslab/models';
import { fnv1a32 } from './fnv1a32.js';

/** Options of {@link hashFeatures}. */
export interface HashFeaturesOptions {
  /** D, the number of hashed columns, a power of two in [2, 2^30]. Default 2^14 = 16384. */
  dimension?: number;
  /** `'log1p'` (default): v = ln(1 + c); `'count'`: v = c; `'binary'`: v = 1 for c > 0. */
  scaling?: 'log1p' | 'count' | 'binary';
  /** Signed hashing: bit 31 of the hash gives the token a sign ±1 (default false: unsigned counts). */
  signed?: boolean;
}

/**
 * Feature-hashes token lists into a sparse matrix (the "hashing trick"): token
 * t goes to column fnv1a32(t) mod D (the low log₂ D bits of its FNV-1a hash).
 * Unsigned (default): c_ij counts the tokens of document i landing in column j.
 * Signed: each token adds ±1 with the sign taken from bit 31 of the hash,
 * which makes collisions cancel on average instead of adding up; the value is
 * then sign(c)·scale(|c|). Scaling: log1p (default), raw count, or binary.
 * Columns within each row are sorted; explicit zeros (signed cancellation)
 * are not stored.
 *
 * @param docs - one token list per document
 * @param options - dimension, scaling, signed
 * @returns a CSR matrix, docs.length × D
 * @throws LslabError `E_RANGE` for a dimension that is not a power of two in
 *   [2, 2^30]; `E_OPTION` for an unknown scaling or option, or a non-boolean
 *   `signed`; `E_SHAPE` for a document that is not an array of string tokens
 * @example
 * const m = hashFeatures([['win', 'win', 'cash']], { dimension: 16, scaling: 'count' });
 * // m.values holds 2 (for 'win') and 1 (for 'cash'), unless the two collide
 */
export function hashFeatures(
  docs: readonly (readonly string[])[],
  options?: HashFeaturesOptions,
): CsrMatrix {
  return hashFeaturesAs('hashFeatures', docs, options);
}

/** @internal {@link hashFeatures} with `fn`, the function the user called, named in its errors. */
export function hashFeaturesAs(
  fn: string,
  docs: readonly (readonly string[])[],
  optionsArg: HashFeaturesOptions | undefined,
): CsrMatrix {
  const options = checkOptions<HashFeaturesOptions>(fn, optionsArg, [
    'dimension',
    'scaling',
    'signed',
  ]);
  if (!Array.isArray(docs)) {
    throw new LslabError('E_SHAPE', fn, 'is not an array of token lists', { argument: 'docs' });
  }
  const dim = options.dimension ?? 2 ** 14;
  if (!Number.isInteger(dim) || dim < 2 || dim > 2 ** 30 || (dim & (dim - 1)) !== 0) {
    throw new LslabError('E_RANGE', fn, 'must be a power of two in [2, 2^30]', {
      argument: 'options.dimension',
      value: dim,
    });
  }
  const scaling = checkOption(fn, 'options.scaling', options.scaling ?? 'log1p', [
    'log1p',
    'count',
    'binary',
  ]);
  const signed = options.signed ?? false;
  if (typeof signed !== 'boolean') {
    throw new LslabError('E_OPTION', fn, 'must be true or false', {
      argument: 'options.signed',
      value: signed,
    });
  }
  docs.forEach((doc, i) => {
    if (!Array.isArray(doc)) {
      throw new LslabError('E_SHAPE', fn, 'is not an array of tokens', {
        argument: 'docs',
        row: i,
      });
    }
    doc.forEach((t, j) => {
      if (typeof t !== 'string') {
        throw new LslabError('E_SHAPE', fn, 'is not a string token', {
          argument: 'docs',
          row: i,
          column: j,
          value: t,
        });
      }
    });
  });
  const mask = dim - 1;
  // dense accumulator reused across documents; only touched columns are reset
  const acc = new Float64Array(dim);
  const seen = new Uint8Array(dim);
  let touched = new Int32Array(64);
  const indptr = new Int32Array(docs.length + 1);
  let indices = new Int32Array(1024);
  let values = new Float64Array(1024);
  let nnz = 0;
  for (let i = 0; i < docs.length; i++) {
    let m = 0;
    for (const t of docs[i]) {
      const h = fnv1a32(t);
      const j = h & mask;
      if (seen[j] === 0) {
        seen[j] = 1;
        if (m === touched.length) {
          const grown = new Int32Array(2 * m);
          grown.set(touched);
          touched = grown;
        }
        touched[m++] = j;
      }
      acc[j] += signed && h >>> 31 === 1 ? -1 : 1;
    }
    const cols = touched.subarray(0, m).sort();
    if (nnz + m > indices.length) {
      const size = Math.max(2 * indices.length, nnz + m);
      const gi = new Int32Array(size);
      gi.set(indices.subarray(0, nnz));
      indices = gi;
      const gv = new Float64Array(size);
      gv.set(values.subarray(0, nnz));
      values = gv;
    }
    for (let r = 0; r < m; r++) {
      const j = cols[r];
      const c = acc[j];
      acc[j] = 0;
      seen[j] = 0;
      if (c === 0) continue;
      const a = Math.abs(c);
      const v = scaling === 'log1p' ? Math.log1p(a) : scaling === 'count' ? a : 1;
      indices[nnz] = j;
      values[nnz] = c < 0 ? -v : v;
      nnz++;
    }
    indptr[i + 1] = nnz;
  }
  return {
    rows: docs.length,
    cols: dim,
    indptr,
    indices: indices.slice(0, nnz),
    values: values.slice(0, nnz),
  };
}
