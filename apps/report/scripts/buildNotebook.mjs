// Builds the notebook's Web Worker once, at the report's build: src/notebook/worker.ts
// and the package code it imports (the claims, mathjs, the chart builders, the
// predictions reader) bundled into one classic script, dist/page/notebookWorker.js,
// which the page inlines and starts from a blob: URL. Node-only modules are replaced:
// @lslab/datasets' file reader by src/notebook/browserDataFiles.ts (penguins and
// seattle-weather inlined as text), node:path by a join on '/'.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = dirname(dirname(fileURLToPath(import.meta.url)));

/** @type {import('esbuild').Plugin} */
const browserOnly = {
  name: 'lslab-browser-only',
  setup(b) {
    b.onResolve({ filter: /\/internal\/packageFile\.js$/ }, (a) =>
      /[\\/]datasets[\\/]dist[\\/]node[\\/]/.test(a.importer)
        ? { path: join(root, 'src/notebook/browserDataFiles.ts') }
        : undefined,
    );
    b.onResolve({ filter: /^node:path$/ }, () => ({ path: 'path', namespace: 'lslab-path' }));
    b.onLoad({ filter: /.*/, namespace: 'lslab-path' }, () => ({
      contents: 'export function join(...parts) { return parts.join("/"); }',
      loader: 'js',
    }));
    b.onResolve({ filter: /^lslab-data:/ }, (a) => ({
      path: a.path.slice('lslab-data:'.length),
      namespace: 'lslab-data',
    }));
    b.onLoad({ filter: /.*/, namespace: 'lslab-data' }, (a) => {
      const [pkg, ...rest] = a.path.split('/');
      const dir = join(root, 'node_modules', pkg);
      const text = readFileSync(join(dir, ...rest), 'utf8');
      return { contents: `export const text = ${JSON.stringify(text)};`, loader: 'js' };
    });
  },
};

/**
 * esbuild's options for the worker bundle.
 * @param {{ entry?: string, minify?: boolean }} options
 * @returns {import('esbuild').BuildOptions}
 */
function workerOptions(options) {
  return {
    entryPoints: [options.entry ?? join(root, 'src/notebook/worker.ts')],
    absWorkingDir: root,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: options.minify ?? true,
    legalComments: 'none',
    // the kernel pool (opt-in, Node worker threads) is never started in the page
    define: { 'import.meta.url': '""' },
    plugins: [browserOnly],
    logLevel: 'silent',
  };
}

/**
 * Bundles the worker; `outfile` undefined returns the code instead of writing it.
 * @param {{ outfile?: string, minify?: boolean }} [options]
 */
export async function buildNotebookWorker(options = {}) {
  const result = await build({
    ...workerOptions(options),
    logLevel: 'warning',
    write: options.outfile !== undefined,
    outfile: options.outfile ?? 'notebookWorker.js',
  });
  return options.outfile === undefined ? result.outputFiles[0].text : undefined;
}

/**
 * Bundles the worker in memory (for `lslab dev`), with the files it was
 * bundled from: the report's `src/` and the workspace packages' `dist/` (their
 * package.json exports point there), and the installed libraries.
 * @param {{ entry?: string }} [options] entry: the file to bundle instead of
 *   `src/notebook/worker.ts`
 * @returns {Promise<{ code: string, inputs: string[] }>} inputs as absolute paths
 * @throws the esbuild failure (its `errors` locate each one) when the code does not build
 */
export async function bundleNotebookWorker(options = {}) {
  const result = await build({
    ...workerOptions({ entry: options.entry, minify: false }),
    write: false,
    outfile: 'notebookWorker.js',
    metafile: true,
  });
  const inputs = Object.keys(result.metafile.inputs)
    .filter((f) => !/^lslab-[a-z]+:/.test(f))
    .map((f) => resolve(root, f));
  return { code: result.outputFiles[0].text, inputs };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildNotebookWorker({ outfile: join(root, 'dist/page/notebookWorker.js') });
}
