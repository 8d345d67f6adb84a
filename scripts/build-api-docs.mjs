#!/usr/bin/env node
// The API reference: TypeDoc over every published package, one section per
// package, its entry points read from the package's `exports` (so a new
// subpath is documented without editing this script). Warnings are errors:
// an export without TSDoc fails the build.
//
//   node scripts/build-api-docs.mjs [--out docs/api]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outArg = process.argv.indexOf('--out');
const out = resolve(root, outArg > 0 ? process.argv[outArg + 1] : 'docs/api');

const entryPoints = [];
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
    entryPoints.push(source);
  }
}

const scratch = mkdtempSync(join(tmpdir(), 'lslab-typedoc-'));
const config = join(scratch, 'typedoc.json');
const tsconfig = join(scratch, 'tsconfig.json');
writeFileSync(
  join(scratch, 'index.md'),
  '# lslab API reference\n\nEvery export of every published package, from its TSDoc: one module per ' +
    'entry point (`@lslab/core`, `@lslab/core/validate`, `@lslab/core/claims`, …). The theory notes ' +
    'and conventions that the functions follow are in the repository under `docs/`.\n',
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
    files: entryPoints,
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
