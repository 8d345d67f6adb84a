import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { examplesOf, publishedPackages, tsdocExamples, wrapExample } from '../tsdocExamples.mjs';
import { typeErrors } from '../typecheck.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** `@example` tags in the published packages' sources, counted with a plain search. */
function countTags(): number {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') ? [p] : [];
    });
  return publishedPackages()
    .flatMap((p) => walk(join(p.dir, 'src')))
    .reduce((n, f) => n + (readFileSync(f, 'utf8').match(/^\s*\*\s*@example\b/gm)?.length ?? 0), 0);
}

describe('TSDoc @example blocks', () => {
  it('are read up to the next tag, without the comment markers', () => {
    const text = [
      '/**',
      ' * Sum.',
      ' * @example',
      ' * add(1, 2); // 3',
      ' *   // indented',
      ' * @returns the sum',
      ' */',
    ].join('\n');
    expect(examplesOf(text)).toEqual([{ line: 3, code: 'add(1, 2); // 3\n  // indented\n' }]);
  });

  it('import what they use and do not declare, from the first entry point exporting it', () => {
    const exports = new Map([
      ['fromRows', '@lslab/core'],
      ['softmax', '@lslab/core'],
      ['loss', '@lslab/core'],
      ['c3FiniteOptimum', '@lslab/core/claims'],
    ]);
    const { text, lines } = wrapExample(
      'const loss = softmax(fromRows([[1, 2]]));\nc3FiniteOptimum.id;\n',
      exports,
    );
    expect(lines).toBe(2);
    expect(text.split('\n').slice(0, 2).sort()).toEqual([
      "import { c3FiniteOptimum } from '@lslab/core/claims';",
      "import { fromRows, softmax } from '@lslab/core';",
    ]);
  });

  it('every one compiles under tsc --strict against the public entry points', () => {
    const all = tsdocExamples();
    expect(all.length).toBe(countTags());
    const byPath = new Map(all.map((e) => [e.path, e]));
    const errors = typeErrors(new Map(all.map((e) => [e.path, e.text]))).map((e) => {
      const ex = byPath.get(e.file);
      if (!ex) return `${relative(root, e.file)}:${e.line} ${e.message}`;
      const [file, tag] = ex.id.split(':');
      return `${file}:${Number(tag) + e.line - ex.offset} ${e.message}`;
    });
    console.log(`TSDoc examples type-checked: ${all.length}`);
    expect(errors).toEqual([]);
  });
});
