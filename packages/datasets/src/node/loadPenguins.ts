import type { Dataset } from '@lslab/models';
import { type PenguinsOptions, penguinsFromJson } from '../real/penguins.js';
import { packageFile, readText } from './internal/packageFile.js';
import {
  checkLoadOptions,
  type LoadedDataset,
  type LoadOptions,
  splitLoaded,
} from './loadOptions.js';

/**
 * Loads the Palmer penguins from the installed `vega-datasets` package (file
 * `data/penguins.json`; nothing is downloaded) and splits it.
 *
 * Source: Palmer Station LTER (K. Gorman) via palmerpenguins, CC0 1.0. 344
 * records; the 2 without measurements are dropped (`meta.dropped`), leaving
 * 342: Adelie 151, Chinstrap 68, Gentoo 123. Features: beak length, beak
 * depth, flipper length, body mass; with `sex: true` also `male` (333 rows
 * remain: 146, 68, 119), with `island: true` three island indicators.
 *
 * Split: stratified, [0.6, 0.2, 0.2] by default, from `seed` (default 0);
 * standardised with the training statistics, returned as `standardization`.
 *
 * @param options - seed, fractions, stratify, standardize, sex, island
 * @returns `{ train, validation, test, standardization, all }`
 * @throws LslabError `E_PARSE` when the package file cannot be found or read,
 *   `E_RANGE` for bad fractions or seed, `E_OPTION` for an unknown option
 * @example
 * loadPenguins().all.meta.classCounts; // [151, 68, 123]
 */
export function loadPenguins(options: LoadOptions & PenguinsOptions = {}): LoadedDataset<Dataset> {
  const fn = 'loadPenguins';
  const o = checkLoadOptions<LoadOptions & PenguinsOptions>(fn, options, ['sex', 'island']);
  const path = packageFile(fn, 'vega-datasets', 1, 'data/penguins.json');
  const { sex, island } = o;
  return splitLoaded(fn, penguinsFromJson(readText(fn, path), { sex, island }), o);
}
