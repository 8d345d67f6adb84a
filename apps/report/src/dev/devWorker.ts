import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** One build of the notebook worker for `lslab dev`. */
export interface DevWorkerBuild {
  /** The bundled worker (unminified), what the page starts from a `blob:` URL. */
  source: string;
  /**
   * The files it was bundled from, as absolute paths: the report's `src/`
   * files and the workspace packages' compiled `dist/` files (their
   * package.json exports point there), and the installed libraries'.
   */
  inputs: string[];
}

/** An esbuild message, as much of it as the error overlay shows. */
interface BuildMessage {
  text: string;
  location: { file: string; line: number; column: number; lineText: string } | null;
}

/** Vite's error payload (`{ type: 'error', err }`), what its overlay shows. */
export interface OverlayError {
  message: string;
  stack: string;
  id?: string;
  frame?: string;
  loc?: { file: string; line: number; column: number };
}

const BUILD = new URL('../../scripts/buildNotebook.mjs', import.meta.url).href;

/**
 * Bundles the notebook worker afresh, as the report's build does but not
 * minified, with the files that fed it.
 *
 * @param entry - the file to bundle, an absolute path (default: the report's
 *   `src/notebook/worker.ts`)
 * @returns the worker's source and inputs
 * @throws the esbuild failure (an `Error` with `errors`) when the code does not build
 * @example
 * (await buildDevWorker()).inputs.some((f) => f.endsWith('/core/dist/index.js')); // true
 */
export async function buildDevWorker(entry?: string): Promise<DevWorkerBuild> {
  const { bundleNotebookWorker } = (await import(BUILD)) as {
    bundleNotebookWorker(o: { entry?: string }): Promise<{ code: string; inputs: string[] }>;
  };
  const { code, inputs } = await bundleNotebookWorker({ entry });
  return { source: code, inputs };
}

/**
 * What to watch so that an edit of the worker's code rebuilds it: each input
 * outside `node_modules` — the compiled `dist/` directory (whole) of a
 * workspace package, so that a `tsc --watch` or a rebuild of the package,
 * new files included, is seen; any other file by itself.
 *
 * @param inputs - a build's inputs (absolute paths)
 * @returns directories and files, each once
 * @example
 * watchedFor(['/r/packages/core/dist/claims/x.js', '/r/apps/report/src/a.ts']);
 * // ['/r/packages/core/dist', '/r/apps/report/src/a.ts'] (where /r/packages/core/package.json exists)
 */
export function watchedFor(inputs: readonly string[]): string[] {
  const out = new Set<string>();
  const roots = new Map<string, string | null>();
  const distRoot = (dir: string): string | null => {
    const known = roots.get(dir);
    if (known !== undefined) return known;
    const up = dirname(dir);
    const found =
      basename(dir) === 'dist' && existsSync(join(up, 'package.json'))
        ? dir
        : up === dir
          ? null
          : distRoot(up);
    roots.set(dir, found);
    return found;
  };
  for (const f of inputs) {
    if (/[\\/]node_modules[\\/]/.test(f)) continue;
    out.add(distRoot(dirname(f)) ?? f);
  }
  return [...out];
}

/**
 * A failed build as Vite's error overlay shows it: esbuild's messages with
 * the first one's file, line and source line.
 *
 * @param e - what the build threw
 * @returns the payload's `err`
 * @example
 * overlayError(new Error('boom')).message; // 'boom'
 */
export function overlayError(e: unknown): OverlayError {
  if (!(e instanceof Error)) return { message: String(e), stack: '' };
  const errors = (e as Error & { errors?: BuildMessage[] }).errors ?? [];
  const first = errors.find((m) => m.location !== null)?.location;
  const message =
    errors.length > 0
      ? `The notebook worker does not build; the page keeps its worker.\n${errors.map((m) => m.text).join('\n')}`
      : e.message;
  if (!first) return { message, stack: e.stack ?? '' };
  const { file, line, column, lineText } = first;
  return {
    message,
    stack: '',
    id: file,
    frame: `${line} | ${lineText}\n${' '.repeat(String(line).length + 3 + column)}^`,
    loc: { file, line, column },
  };
}
