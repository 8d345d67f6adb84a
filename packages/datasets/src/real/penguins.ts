import { checkOptions } from '@lslab/core/validate';
import type { Dataset } from '@lslab/models';
import type { FeatureColumn } from '../datasetFromRecords.js';
import { readJsonRecords } from '../internal/readJsonRecords.js';
import { recordsToDataset } from '../internal/recordsToDataset.js';

/** The three penguin species, in label order. */
export const PENGUIN_SPECIES = ['Adelie', 'Chinstrap', 'Gentoo'] as const;

/** Options of {@link penguinsFromJson}. */
export interface PenguinsOptions {
  /** Add `male` (1 for MALE, 0 for FEMALE); rows with another or no value are dropped. Default false. */
  sex?: boolean;
  /** Add one-hot `island=Biscoe`, `island=Dream`, `island=Torgersen`. Default false. */
  island?: boolean;
}

const MEASUREMENTS = [
  'Beak Length (mm)',
  'Beak Depth (mm)',
  'Flipper Length (mm)',
  'Body Mass (g)',
];
const ISLANDS = ['Biscoe', 'Dream', 'Torgersen'];

type Rec = Record<string, unknown>;

const FN = 'penguinsFromJson';

/**
 * Reads vega-datasets' `penguins.json` (Palmer Archipelago penguins, Gorman et
 * al., Palmer Station LTER, via Allison Horst's palmerpenguins; CC0 1.0) into a
 * 3-class data set.
 *
 * - Classes (label order): Adelie, Chinstrap, Gentoo.
 * - Features: the four measurements `Beak Length (mm)`, `Beak Depth (mm)`,
 *   `Flipper Length (mm)`, `Body Mass (g)`; optionally `male` and the island
 *   one-hot columns.
 * - Cleaning: of 344 records, 2 have no measurements at all and are dropped
 *   (reason and count in `meta.dropped`/`meta.cleaning`), leaving 342:
 *   Adelie 151, Chinstrap 68, Gentoo 123. With `sex: true`, 8 more rows with
 *   no sex and 1 (a Gentoo) with sex recorded as "." are dropped, leaving the
 *   333 complete cases: Adelie 146, Chinstrap 68, Gentoo 119.
 *
 * Island is a strong shortcut (in this file Gentoo occur only on Biscoe,
 * Chinstrap only on Dream, and Torgersen holds only Adelie), which is why it is off by default.
 *
 * @param text - the JSON text
 * @param options - optional sex and island features
 * @returns the data set (not split, not standardised)
 * @throws LslabError `E_PARSE` for invalid JSON or a non-numeric measurement,
 *   `E_LABEL` for an unknown species, `E_OPTION` for an unknown option
 * @example
 * import { readFileSync } from 'node:fs';
 * // the file vega-datasets ships, read by the caller
 * const jsonText = readFileSync('node_modules/vega-datasets/data/penguins.json', 'utf8');
 * const ds = penguinsFromJson(jsonText);
 * [ds.x.rows, ds.meta.classCounts]; // [342, [151, 68, 123]]
 */
export function penguinsFromJson(text: string, options?: PenguinsOptions): Dataset {
  const o = checkOptions<PenguinsOptions>(FN, options, ['sex', 'island']);
  const features: (string | FeatureColumn<Rec>)[] = [...MEASUREMENTS];
  if (o.sex) {
    features.push({
      name: 'male',
      value: (r) => (r.Sex === 'MALE' ? 1 : r.Sex === 'FEMALE' ? 0 : null),
    });
  }
  if (o.island) {
    for (const isl of ISLANDS) {
      features.push({
        name: `island=${isl}`,
        value: (r) => (typeof r.Island === 'string' ? (r.Island === isl ? 1 : 0) : null),
      });
    }
  }
  return recordsToDataset(FN, readJsonRecords(FN, text), {
    features,
    label: 'Species',
    classNames: PENGUIN_SPECIES,
    meta: {
      name: 'penguins',
      source: 'vega-datasets data/penguins.json (Palmer Station LTER, palmerpenguins)',
      license: 'CC0 1.0',
      cleaning: [
        'rows with a missing (or, for sex, unrecognised) value in a used feature are dropped',
      ],
    },
  });
}
