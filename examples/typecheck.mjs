// Type-checks example code as a TypeScript user compiles it: `--strict`, ES
// modules resolved like Node (`nodenext`), the @lslab packages through their
// published entry points (their built `dist/*.d.ts`), Node's types. The files
// may be virtual: `files` maps an absolute path (under examples/, so that the
// workspace's node_modules resolve) to its text; a path without text is read
// from disk.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The compiler options of a strict consumer. */
export const STRICT = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  types: ['node'],
  typeRoots: [join(root, 'node_modules', '@types')],
  skipLibCheck: true,
};

/** A program over `files` (path → text, or undefined to read the file). */
export function program(files) {
  const host = ts.createCompilerHost(STRICT);
  const base = { getSourceFile: host.getSourceFile, fileExists: host.fileExists };
  host.fileExists = (f) => files.has(f) || base.fileExists(f);
  host.readFile = (f) => (files.get(f) ?? ts.sys.readFile(f)) || undefined;
  host.getSourceFile = (f, lang, ...rest) => {
    const text = files.get(f);
    return text !== undefined
      ? ts.createSourceFile(f, text, lang, true)
      : base.getSourceFile(f, lang, ...rest);
  };
  return ts.createProgram([...files.keys()], STRICT, host);
}

/** `{ file, line, message }` for every error the strict compiler reports in `files`. */
export function typeErrors(files) {
  const p = program(files);
  return ts
    .getPreEmitDiagnostics(p)
    .filter((d) => d.category === ts.DiagnosticCategory.Error)
    .map((d) => {
      const line = d.file ? d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1 : 0;
      return {
        file: d.file?.fileName ?? '',
        line,
        message: `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`,
      };
    });
}

/** The names each module of `specifiers` exports, values and types alike: specifier → Set of names. */
export function exportedNames(specifiers) {
  const probe = join(root, 'examples', '__exports__.ts');
  const text = specifiers.map((s, i) => `import * as m${i} from '${s}';`).join('\n');
  const p = program(new Map([[probe, `${text}\nexport {};\n`]]));
  const checker = p.getTypeChecker();
  const source = p.getSourceFile(probe);
  const names = new Map();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement)) continue;
    const spec = statement.moduleSpecifier.text;
    const symbol = checker.getSymbolAtLocation(statement.moduleSpecifier);
    if (!symbol) throw new Error(`${spec} does not resolve: build the packages first`);
    names.set(spec, new Set(checker.getExportsOfModule(symbol).map((e) => e.name)));
  }
  return names;
}

/** Reads a file of the repository. */
export const readRepoFile = (file) => readFileSync(join(root, file), 'utf8');
