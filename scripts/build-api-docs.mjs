#!/usr/bin/env node
// The API reference: TypeDoc over every published package, one page per entry
// point, named as users import it (`@lslab/core`, `@lslab/core/claims`, …) and
// read from the package's `exports` (so a new subpath is documented without
// editing this script). Warnings are errors: an export without TSDoc, a broken
// {@link} or a relative link to a file that does not exist fails the build.
// The theory notes and conventions that TSDoc links to (`@see`) are copied
// into the reference's media/ folder.
//
//   node scripts/build-api-docs.mjs [--out docs/api]
//
// Package READMEs link their page: docs/api/modules/<name>.html, where <name>
// is the import specifier with `@` and `/` written `_` (`_lslab_core.html`,
// `_lslab_core_claims.html`). No hosted URL is configured: the reference is
// built in CI and locally, never committed.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outArg = process.argv.indexOf('--out');
const out = resolve(root, outArg > 0 ? process.argv[outArg + 1] : 'docs/api');

const scratch = mkdtempSync(join(tmpdir(), 'lslab-typedoc-'));
// one module per import specifier: scratch/@lslab/core/claims/index.ts re-exports
// the source entry, so TypeDoc names the module `@lslab/core/claims`
writeFileSync(join(scratch, 'package.json'), '{ "type": "module" }\n');
const entryPoints = [];
const sources = [];
for (const name of readdirSync(join(root, 'packages')).sort()) {
  const dir = join(root, 'packages', name);
  if (!existsSync(join(dir, 'package.json'))) continue;
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  if (pkg.private) continue;
  for (const [subpath, entry] of Object.entries(pkg.exports ?? {})) {
    const types = typeof entry === 'object' ? entry.types : undefined;
    if (!types) continue;
    // ./dist/claims/index.d.ts → src/claims/index.ts
    const source = join(dir, types.replace(/^\.\/dist\//, 'src/').replace(/\.d\.ts$/, '.ts'));
    if (!existsSync(source)) {
      console.error(`api docs: ${pkg.name} exports "${subpath}" but ${source} does not exist`);
      process.exit(1);
    }
    const specifier = subpath === '.' ? pkg.name : `${pkg.name}/${subpath.slice(2)}`;
    const shim = join(scratch, specifier, 'index.ts');
    mkdirSync(dirname(shim), { recursive: true });
    const about =
      subpath === '.' ? pkg.description : `The \`${subpath.slice(2)}\` entry point of ${pkg.name}.`;
    writeFileSync(
      shim,
      `/**\n * ${about}\n *\n * @module ${specifier}\n */\nexport * from '${source.replace(/\.ts$/, '.js')}';\n`,
    );
    entryPoints.push(shim);
    sources.push(source);
  }
}

const config = join(scratch, 'typedoc.json');
const tsconfig = join(scratch, 'tsconfig.json');
writeFileSync(
  join(scratch, 'index.md'),
  '# lslab API reference\n\nEvery export of every published package, from its TSDoc: one module per ' +
    'entry point, named as you import it (`@lslab/core`, `@lslab/core/validate`, `@lslab/core/claims`, …). ' +
    'The theory notes and conventions a function follows are linked from its page (under "See").\n',
);
writeFileSync(
  tsconfig,
  JSON.stringify({
    extends: join(root, 'tsconfig.base.json'),
    compilerOptions: {
      noEmit: true,
      types: ['node'],
      typeRoots: [join(root, 'node_modules/@types')],
    },
    files: [...entryPoints, ...sources],
  }),
);
writeFileSync(
  config,
  JSON.stringify(
    {
      name: 'lslab API',
      entryPoints,
      entryPointStrategy: 'resolve',
      tsconfig,
      out,
      readme: join(scratch, 'index.md'),
      excludePrivate: true,
      excludeInternal: true,
      treatWarningsAsErrors: true,
      validation: { notExported: true, invalidLink: true, notDocumented: true },
      skipErrorChecking: false,
      githubPages: false,
      hideGenerator: true,
      // links to a hosted repository would need a remote URL; the reference stands alone
      disableSources: true,
    },
    null,
    2,
  ),
);
const typedoc = join(root, 'node_modules', '.bin', 'typedoc');
const r = spawnSync(typedoc, ['--options', config, '--logLevel', 'Warn'], {
  cwd: root,
  stdio: 'inherit',
});
rmSync(scratch, { recursive: true, force: true });
if (r.status === 0) console.log(`api docs: ${entryPoints.length} entry points → ${out}`);
process.exit(r.status ?? 1);
