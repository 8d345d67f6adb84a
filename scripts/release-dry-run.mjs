#!/usr/bin/env node
// A release rehearsal that changes nothing here: on a scratch clone, runs
// `changeset version` and prints the versions and CHANGELOG entries it would
// write; then packs each published package of that clone (workspace ranges
// rewritten: the @lslab ranges of each packed package.json are printed, and a
// `workspace:` range left in one fails the rehearsal) and runs
// `npm publish --dry-run` on the tarball, which lists its files.
//
//   node scripts/release-dry-run.mjs
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const PNPM = ['-y', 'pnpm@12.4.2'];
let failed = false;

function run(cmd, args, cwd, show = true) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (show || r.status !== 0) {
    process.stdout.write(r.stdout ?? '');
    process.stderr.write(r.stderr ?? '');
  }
  if (r.status !== 0) {
    console.log(`release dry run: ${cmd} ${args.join(' ')} failed in ${cwd}`);
    failed = true;
  }
  return r;
}

/** The workspace packages of a checkout, published or not (the report app is private but versioned). */
const packagesOf = (dir) =>
  ['packages', 'apps']
    .filter((group) => existsSync(join(dir, group)))
    .flatMap((group) =>
      readdirSync(join(dir, group))
        .sort()
        .map((n) => join(dir, group, n)),
    )
    .filter((d) => existsSync(join(d, 'package.json')))
    .map((d) => ({ dir: d, json: JSON.parse(readFileSync(join(d, 'package.json'), 'utf8')) }));

const scratch = mkdtempSync(join(tmpdir(), 'lslab-release-'));
const clone = join(scratch, 'lslab');
try {
  run('git', ['clone', '--quiet', '--no-local', root, clone], root);
  // installed from the store this checkout filled (nothing is fetched)
  run('npx', [...PNPM, 'install', '--offline', '--frozen-lockfile', '--silent'], clone);
  const before = new Map(packagesOf(clone).map((p) => [p.json.name, p.json.version]));
  run(join(clone, 'node_modules', '.bin', 'changeset'), ['version'], clone, false);
  // the new versions enter the lockfile's workspace links
  run('npx', [...PNPM, 'install', '--offline', '--no-frozen-lockfile', '--silent'], clone);
  for (const p of packagesOf(clone)) {
    const from = before.get(p.json.name);
    const changelog = join(p.dir, 'CHANGELOG.md');
    console.log(
      `\n== ${p.json.name}: ${from} → ${p.json.version}${p.json.private ? ' (private)' : ''}`,
    );
    if (existsSync(changelog))
      console.log(readFileSync(changelog, 'utf8').split('\n').slice(0, 30).join('\n'));
  }
  for (const p of packagesOf(clone).filter((x) => !x.json.private)) {
    // built output comes from this checkout (dist is not in git)
    const dist = join(root, relative(clone, p.dir), 'dist');
    if (!existsSync(dist)) {
      console.log(`release dry run: ${p.json.name} is not built; run the build first`);
      failed = true;
      continue;
    }
    cpSync(dist, join(p.dir, 'dist'), { recursive: true });
    const packed = run('npx', [...PNPM, 'pack', '--pack-destination', scratch], p.dir, false);
    const tarball = packed.stdout.trim().split('\n').pop();
    // what a consumer's npm resolves: the packed manifest's @lslab ranges
    const manifest = JSON.parse(
      run('tar', ['-xzOf', tarball, 'package/package.json'], scratch, false).stdout || '{}',
    );
    const internal = Object.entries({ ...manifest.dependencies, ...manifest.peerDependencies })
      .filter(([name]) => name.startsWith('@lslab/'))
      .map(([name, range]) => `${name} ${range}`);
    console.log(
      `\n== ${p.json.name}@${p.json.version} packed; its @lslab dependencies: ${internal.join(', ') || 'none'}`,
    );
    if (internal.some((d) => d.includes('workspace:'))) {
      console.log(`release dry run: ${p.json.name} would publish a workspace: range`);
      failed = true;
    }
    console.log(`\n== npm publish --dry-run ${p.json.name}@${p.json.version}`);
    run('npm', ['publish', '--dry-run', '--access', 'public', tarball], scratch);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
console.log(failed ? 'release dry run: FAILED' : 'release dry run: done, nothing published');
process.exit(failed ? 1 : 0);
