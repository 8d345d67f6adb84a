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
  } catch (e) {
    throw new LslabError(
      'E_PARSE',
      fn,
      `cannot locate the installed package (${(e as Error).message})`,
      {
        argument: 'package',
        value: entry,
      },
    );
  }
  let root = dirname(resolved);
  for (let i = 0; i < up; i++) root = dirname(root);
  return join(root, file);
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
