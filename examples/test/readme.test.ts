import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { markedExamples, promisedOutput, readExample } from '../readmeExamples.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const readmes = [
  'README.md',
  ...['packages', 'apps'].flatMap((group) =>
    readdirSync(join(root, group))
      .map((name) => `${group}/${name}/README.md`)
      .filter((p) => existsSync(join(root, p))),
  ),
];
const examples = readmes.flatMap((readme) =>
  markedExamples(readFileSync(join(root, readme), 'utf8')).map((e) => ({ readme, ...e })),
);

describe('README examples', () => {
  it('the root README shows at least one example file', () => {
    expect(examples.filter((e) => e.readme === 'README.md').length).toBeGreaterThan(0);
  });

  it.each(examples)('$readme shows $file exactly', ({ file, block }) => {
    expect(block).toBe(readExample(root, file));
  });

  it.each(examples)('$file prints what its comments promise', ({ file }) => {
    const printed = execFileSync(process.execPath, [join(root, file)], {
      cwd: join(root, 'examples'),
      encoding: 'utf8',
    });
    expect(printed.trimEnd().split('\n')).toEqual(promisedOutput(readExample(root, file)));
  });
});
