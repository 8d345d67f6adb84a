import type { Dataset } from '@lslab/models';
import { seattleWeatherFromCsv } from '../real/seattleWeather.js';
import { packageFile, readText } from './internal/packageFile.js';
import {
  checkLoadOptions,
  type LoadedDataset,
  type LoadOptions,
  splitLoaded,
} from './loadOptions.js';

/**
 * Loads seattle-weather from the installed `vega-datasets` package (file
 * `data/seattle-weather.csv`; nothing is downloaded) and splits it.
 *
 * Source: NOAA NCDC daily records for Seattle, 2012–2015, via vega-datasets
 * (U.S. Government work). 1461 rows, 5 classes — drizzle 53, fog 101,
 * rain 641, snow 26, sun 640 — and 6 features: precipitation, temp_max,
 * temp_min, wind, doy_sin, doy_cos (see `seattleWeatherFromCsv`). No rows
 * are dropped.
 *
 * Split: stratified, [0.6, 0.2, 0.2] by default, from `seed` (default 0);
 * standardised with the training mean and population std, returned as
 * `standardization`.
 *
 * @param options - seed, fractions, stratify, standardize
 * @returns `{ train, validation, test, standardization, all }`
 * @throws LslabError `E_PARSE` when the package file cannot be found or read,
 *   `E_RANGE` for bad fractions or seed, `E_OPTION` for an unknown option
 * @example
 * const { train, all } = loadSeattleWeather({ seed: 1 });
 * all.x.rows; // 1461
 */
export function loadSeattleWeather(options: LoadOptions = {}): LoadedDataset<Dataset> {
  const fn = 'loadSeattleWeather';
  const o = checkLoadOptions(fn, options);
  const path = packageFile(fn, 'vega-datasets', 1, 'data/seattle-weather.csv');
  return splitLoaded(fn, seattleWeatherFromCsv(readText(fn, path)), o);
}
