import { LslabError } from '@lslab/core';
import type { Dataset } from '@lslab/models';
import { csvRecords } from '../internal/csvRecords.js';
import { recordsToDataset } from '../internal/recordsToDataset.js';

/** The five weather classes of seattle-weather, in label order. */
export const SEATTLE_WEATHER_CLASSES = ['drizzle', 'fog', 'rain', 'snow', 'sun'] as const;

const FN = 'seattleWeatherFromCsv';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day of year (0-based) and year length of an ISO date, or undefined. */
function dayOfYear(s: string): { day: number; length: number } | undefined {
  const m = DATE.exec(s.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const check = new Date(t);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return undefined;
  const day = (t - Date.UTC(y, 0, 1)) / 86_400_000;
  const length = (Date.UTC(y + 1, 0, 1) - Date.UTC(y, 0, 1)) / 86_400_000;
  return { day, length };
}

function season(fn: (a: number) => number) {
  return (r: Record<string, string>): number => {
    const v = dayOfYear(r.date ?? '');
    if (!v) {
      throw new LslabError('E_PARSE', FN, 'is not a valid YYYY-MM-DD date', {
        argument: 'date',
        value: r.date,
      });
    }
    return fn((2 * Math.PI * v.day) / v.length);
  };
}

/**
 * Reads vega-datasets' `seattle-weather.csv` (daily weather in Seattle,
 * 2012-01-01 to 2015-12-31, NOAA, U.S. Government work) into a 5-class data set.
 *
 * - Classes (label order): drizzle, fog, rain, snow, sun.
 * - Features (d = 6): `precipitation` (mm), `temp_max`, `temp_min` (°C),
 *   `wind` (m/s), and the season as `doy_sin` = sin(2π t/L), `doy_cos` =
 *   cos(2π t/L) with t the 0-based day of the year and L its length (365 or 366).
 * - Cleaning: none needed for the published file (1461 rows, no missing
 *   values); rows with a missing value would be dropped and counted.
 * - Class counts of the published file: drizzle 53, fog 101, rain 641, snow 26, sun 640.
 *
 * The file's `weather` column was synthesised by vega-datasets from several
 * fields of the original record, so it is a teaching label, not an observation.
 *
 * @param text - the CSV text
 * @returns the data set (not split, not standardised)
 * @throws LslabError `E_PARSE` for malformed CSV, a non-numeric value or a bad
 *   date (with the line); `E_LABEL` for an unknown weather class
 * @example
 * import { readFileSync } from 'node:fs';
 * // the file vega-datasets ships, read by the caller
 * const csvText = readFileSync('node_modules/vega-datasets/data/seattle-weather.csv', 'utf8');
 * const ds = seattleWeatherFromCsv(csvText);
 * [ds.x.rows, ds.numClasses]; // [1461, 5]
 */
export function seattleWeatherFromCsv(text: string): Dataset {
  const csv = csvRecords(FN, text);
  return recordsToDataset(
    FN,
    csv.records,
    {
      features: [
        'precipitation',
        'temp_max',
        'temp_min',
        'wind',
        { name: 'doy_sin', value: season(Math.sin) },
        { name: 'doy_cos', value: season(Math.cos) },
      ],
      label: 'weather',
      classNames: SEATTLE_WEATHER_CLASSES,
      meta: {
        name: 'seattle-weather',
        source:
          'vega-datasets data/seattle-weather.csv (NOAA NCDC daily records, Seattle, 2012–2015)',
        license: 'U.S. Government work (public domain), as stated by vega-datasets',
        cleaning: ['season encoded as sin/cos of the day of the year'],
      },
    },
    csv,
  );
}
