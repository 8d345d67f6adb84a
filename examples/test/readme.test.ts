import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  markedExamples,
  promisedOutput,
  readExample,
  readmePaths,
  unmarkedCode,
} from '../readmeExamples.mjs';
import { publishedPackages } from '../tsdocExamples.mjs';
import { typeErrors } from '../typecheck.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const readmes = readmePaths(root);
const examples = readmes.flatMap((readme) =>
  markedExamples(readFileSync(join(root, readme), 'utf8')).map((e) => ({ readme, ...e })),
);
/** Every example file in examples/ (the folders hold nothing else). */
const exampleFiles = (function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (['node_modules', 'test', 'predictions'].includes(f)) return [];
    if (statSync(p).isDirectory()) return walk(p);
    return /\.ts$/.test(f) && f !== 'vitest.config.ts' ? [relative(root, p)] : [];
  });
})(join(root, 'examples'));

describe('README examples', () => {
  it('the root README and every published package README show an example file', () => {
    const shown = new Set(examples.map((e) => e.readme));
    const expected = [
      'README.md',
      ...publishedPackages().map((p) => `${relative(root, p.dir)}/README.md`),
    ];
    expect(expected.filter((r) => !shown.has(r))).toEqual([]);
  });

  it.each(publishedPackages())(
    '$name README links the API reference page of each entry point',
    (pkg) => {
      const readme = readFileSync(join(pkg.dir, 'README.md'), 'utf8');
      // TypeDoc's page name for a module: the import specifier with `@` and `/` as `_`
      const pages = pkg.entries.map(
        (e) => `../../docs/api/modules/${e.replace(/[@/]/g, '_')}.html`,
      );
      expect(pages.filter((page) => !readme.includes(`(${page})`))).toEqual([]);
    },
  );

  it.each(readmes)('%s has no code to run that is not an example file', (readme) => {
    const loose = unmarkedCode(readFileSync(join(root, readme), 'utf8'));
    expect(loose.map((b) => `line ${b.line}`)).toEqual([]);
  });

  it('every example file is shown in a README, as TypeScript', () => {
    expect(exampleFiles.filter((f) => !examples.some((e) => e.file === f))).toEqual([]);
    expect(examples.filter((e) => e.lang !== 'ts').map((e) => e.file)).toEqual([]);
  });

  it.each(examples)('$readme shows $file exactly', ({ file, block }) => {
    // `node examples/readmeExamples.mjs --write` copies the files into the READMEs
    expect(block).toBe(readExample(root, file));
  });

  it.each(examples)('$file prints what its comments promise', ({ file }) => {
    const printed = execFileSync(tsx, [join(root, file)], {
      cwd: join(root, 'examples'),
      encoding: 'utf8',
    });
    expect(printed.trimEnd().split('\n')).toEqual(promisedOutput(readExample(root, file)));
  });

  it('every example compiles under tsc --strict (nodenext, the packages’ own types)', () => {
    const files = new Map(examples.map((e) => [join(root, e.file), undefined]));
    const errors = typeErrors(files).map((e) => `${relative(root, e.file)}:${e.line} ${e.message}`);
    console.log(`README examples type-checked: ${files.size}`);
    expect(errors).toEqual([]);
  });
});
