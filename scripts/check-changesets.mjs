#!/usr/bin/env node
// Every change to a published package's source carries a changeset.
//
//   node scripts/check-changesets.mjs [--base REV]
//
// For each published package (packages/* not private): the changes to its
// src/ since the base must come with at least one pending changeset
// (.changeset/*.md) that names the package and was added after the base.
// The base is --base when given (a pull request's merge base); otherwise the
// package's own last release: the last commit that changed the "version" in
// its package.json, or, before a first release, the repository's first commit.
// A package's pending changesets are consumed by `changeset version`, so after
// a release the check starts afresh.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const git = (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
/** Whether commit `a` is an ancestor of (or equal to) commit `b`. */
function isAncestor(a, b) {
  try {
    execFileSync('git', ['merge-base', '--is-ancestor', a, b], { cwd: root });
    return true;
  } catch {
    return false;
  }
}
const baseArg = process.argv.indexOf('--base');
const base = baseArg > 0 ? process.argv[baseArg + 1] : undefined;

/** Package names in the front matter of one changeset file. */
function named(file) {
  const text = readFileSync(join(root, '.changeset', file), 'utf8');
  const front = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
  return [...front.matchAll(/^\s*["']?(@?[\w./-]+)["']?\s*:\s*(patch|minor|major)\s*$/gm)].map(
    (m) => m[1],
  );
}

const changesets = readdirSync(join(root, '.changeset')).filter(
  (f) => f.endsWith('.md') && f !== 'README.md',
);
let missing = 0;
for (const name of readdirSync(join(root, 'packages')).sort()) {
  const manifest = join(root, 'packages', name, 'package.json');
  if (!existsSync(manifest)) continue;
  const pkg = JSON.parse(readFileSync(manifest, 'utf8'));
  if (pkg.private) continue;
  const from =
    base ??
    (git('log', '-1', '--format=%H', '-G', '"version"', '--', `packages/${name}/package.json`) ||
      git('rev-list', '--max-parents=0', 'HEAD').split('\n').pop());
  const changed = git('diff', '--name-only', from, 'HEAD', '--', `packages/${name}/src`)
    .split('\n')
    .filter(Boolean);
  const pending = changesets.filter((f) => {
    if (!named(f).includes(pkg.name)) return false;
    // added after the base (or not yet committed)
    const added = git('log', '--diff-filter=A', '--format=%H', '-1', '--', `.changeset/${f}`);
    return added === '' || (added !== from && isAncestor(from, added));
  });
  const state =
    changed.length === 0 ? 'no source change' : `${changed.length} source file(s) changed`;
  if (changed.length > 0 && pending.length === 0) {
    console.log(
      `changesets: ${pkg.name}: ${state} since ${from.slice(0, 9)}, but no changeset names it`,
    );
    missing += 1;
  } else {
    console.log(`changesets: ${pkg.name}: ${state}; ${pending.length} pending changeset(s)`);
  }
}
process.exit(missing === 0 ? 0 : 1);
