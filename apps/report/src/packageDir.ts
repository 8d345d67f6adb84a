import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The directory of an installed package (the one holding its package.json),
 * found from its resolved entry point, so that it works whatever the
 * package's `exports` allow.
 *
 * @param name - a package name, e.g. `'vega'`
 * @returns an absolute directory
 * @throws Error when the package cannot be resolved
 * @example
 * readFileSync(join(packageDir('katex'), 'package.json'), 'utf8'); // katex's manifest
 */
export function packageDir(name: string): string {
  let dir = dirname(fileURLToPath(import.meta.resolve(name)));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).name === name) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`cannot find the package directory of ${name}`);
    dir = up;
  }
}

/**
 * The installed version of a package.
 *
 * @example
 * packageVersion('vega'); // '6.4.0'
 */
export function packageVersion(name: string): string {
  return JSON.parse(readFileSync(join(packageDir(name), 'package.json'), 'utf8')).version;
}

/**
 * The version of `@lslab/report` itself.
 *
 * @example
 * reportVersion(); // '0.0.0'
 */
export function reportVersion(): string {
  const file = fileURLToPath(new URL('../package.json', import.meta.url));
  return JSON.parse(readFileSync(file, 'utf8')).version;
}
