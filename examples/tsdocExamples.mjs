// The `@example` blocks of the TSDoc of every published package, as modules a
// user could compile: each block becomes a file that imports the names it uses
// from the packages' public entry points (`@lslab/core`, `@lslab/core/claims`,
// …: the package's own first), and nothing else.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { exportedNames } from './typecheck.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The published packages: `{ name, dir, entries }`, entries as import specifiers. */
export function publishedPackages() {
  const dir = join(root, 'packages');
  return readdirSync(dir)
    .sort()
    .flatMap((folder) => {
      let json;
      try {
        json = JSON.parse(readFileSync(join(dir, folder, 'package.json'), 'utf8'));
      } catch {
        return [];
      }
      if (json.private) return [];
      const entries = Object.keys(json.exports ?? {})
        .filter((k) => !k.endsWith('.json'))
        .map((k) => (k === '.' ? json.name : `${json.name}/${k.slice(2)}`));
      return [{ name: json.name, dir: join(dir, folder), entries }];
    });
}

function sourceFiles(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return p.endsWith('.ts') && !p.endsWith('.d.ts') ? [p] : [];
  });
}

/**
 * Every `@example` block of a source text: `{ line, code }`, `line` being the
 * 1-based line of the tag. The block runs to the next tag or the comment's end;
 * the comment's leading `*` and one space are removed.
 */
export function examplesOf(text) {
  const found = [];
  for (const m of text.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
    const lines = m[0]
      .slice(3, -2)
      .split('\n')
      .map((l) => l.replace(/^\s*\* ?/, ''));
    const first = text.slice(0, m.index).split('\n').length;
    for (let i = 0; i < lines.length; i++) {
      if (!/^@example\b/.test(lines[i])) continue;
      let j = i + 1;
      while (j < lines.length && !/^@\w/.test(lines[j])) j++;
      found.push({
        line: first + i,
        code: `${lines
          .slice(i + 1, j)
          .join('\n')
          .trimEnd()}\n`,
      });
      i = j - 1;
    }
  }
  return found;
}

/** The names a piece of code declares itself (variables, functions, classes, parameters, imports). */
function declaredNames(source) {
  const names = new Set();
  const bind = (n) => {
    if (ts.isIdentifier(n)) names.add(n.text);
    else if (ts.isObjectBindingPattern(n) || ts.isArrayBindingPattern(n))
      for (const e of n.elements) if (!ts.isOmittedExpression(e)) bind(e.name);
  };
  const visit = (node) => {
    if (
      ts.isVariableDeclaration(node) ||
      ts.isParameter(node) ||
      ts.isBindingElement(node) ||
      ts.isImportSpecifier(node) ||
      ts.isNamespaceImport(node) ||
      ((ts.isFunctionDeclaration(node) ||
        ts.isClassDeclaration(node) ||
        ts.isInterfaceDeclaration(node) ||
        ts.isTypeAliasDeclaration(node)) &&
        node.name)
    )
      bind(node.name);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return names;
}

/** The identifiers a piece of code uses. */
function usedNames(source) {
  const names = new Set();
  const visit = (node) => {
    if (ts.isIdentifier(node)) names.add(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return names;
}

/** Wraps example code into a module importing, from `exports` (name → specifier), what it uses. */
export function wrapExample(code, exports) {
  const source = ts.createSourceFile('example.ts', code, ts.ScriptTarget.ES2022, true);
  const declared = declaredNames(source);
  const bySpecifier = new Map();
  for (const name of [...usedNames(source)].sort()) {
    const spec = exports.get(name);
    if (!spec || declared.has(name)) continue;
    bySpecifier.set(spec, [...(bySpecifier.get(spec) ?? []), name]);
  }
  const imports = [...bySpecifier]
    .map(([spec, names]) => `import { ${names.join(', ')} } from '${spec}';`)
    .join('\n');
  const header = imports ? `${imports}\n` : '';
  return { lines: imports ? bySpecifier.size : 0, text: `${header}${code}export {};\n` };
}

/**
 * Every `@example` of every published package, wrapped: `{ id, path, text,
 * offset }`, where `id` is `<source file>:<line>`, `path` the virtual file's
 * absolute path (under examples/) and `offset` the number of import lines
 * above the example's code (line n of the file is line n − offset of the
 * example, whose first line follows the tag).
 */
export function tsdocExamples() {
  const pkgs = publishedPackages();
  const all = pkgs.flatMap((p) => p.entries);
  const namesOf = exportedNames(all);
  const out = [];
  for (const pkg of pkgs) {
    // name → the entry point it is imported from: the package's own entries first
    const exports = new Map();
    for (const spec of [...pkg.entries, ...all.filter((e) => !pkg.entries.includes(e))])
      for (const name of namesOf.get(spec)) if (!exports.has(name)) exports.set(name, spec);
    for (const file of sourceFiles(join(pkg.dir, 'src')).sort()) {
      const rel = relative(root, file);
      for (const { line, code } of examplesOf(readFileSync(file, 'utf8'))) {
        const { lines, text } = wrapExample(code, exports);
        const name = `${rel.replaceAll('/', '__').replace(/\.ts$/, '')}__L${line}.ts`;
        out.push({
          id: `${rel}:${line}`,
          path: join(root, 'examples', '.tsdoc', name),
          text,
          offset: lines,
        });
      }
    }
  }
  return out;
}
