import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PAGE_PREDICTIONS_LIMITS } from '../notebook/limits.js';

/** Where the build writes the notebook worker: beside the page script in dist/. */
const CANDIDATES = [
  new URL('../page/notebookWorker.js', import.meta.url),
  new URL('../../dist/page/notebookWorker.js', import.meta.url),
];

let cached: string | undefined;

/**
 * The notebook worker's bundled source, as built by `scripts/buildNotebook.mjs`
 * at the report's build (never at report time).
 *
 * @returns the worker's JavaScript
 * @throws Error when the report was not built
 * @example
 * notebookWorkerSource().length > 0; // true after a build
 */
export function notebookWorkerSource(): string {
  if (cached !== undefined) return cached;
  for (const url of CANDIDATES) {
    const path = fileURLToPath(url);
    if (existsSync(path)) {
      cached = readFileSync(path, 'utf8');
      return cached;
    }
  }
  throw new Error(
    'the notebook worker is not built (dist/page/notebookWorker.js): run the build of @lslab/report',
  );
}

/**
 * The data of the page's worker block (a JSON script element, `#lslab-worker`):
 * the worker's source, which the page turns into a blob: URL to start the
 * worker, and the limits of a predictions file.
 *
 * @example
 * notebookWorkerData().limits.rows; // 200000
 */
export function notebookWorkerData(): { source: string; limits: typeof PAGE_PREDICTIONS_LIMITS } {
  return { source: notebookWorkerSource(), limits: PAGE_PREDICTIONS_LIMITS };
}

/** The notebook's styles: controls, a long run's progress, notices, the drop zone. */
export const NOTEBOOK_CSS = `
.controls { margin: .5rem 0; }
.control-row { display: flex; flex-wrap: wrap; gap: .5rem 1.25rem; align-items: center; }
label.control { display: inline-flex; gap: .4rem; align-items: center; }
.control-label { font-style: italic; min-width: 1.2em; }
.control-number { width: 6.5em; }
.controls button { margin: .4rem .5rem 0 0; }
.controls .status { color: var(--muted); font-size: .9rem; }
.controls progress.run-progress { width: 10rem; margin-left: .5rem; vertical-align: middle; }
figure.chart[data-pending] { opacity: .35; transition: opacity .2s; }
ul.notices, .notice { color: var(--fail); font-size: .9rem; }
.dropzone { border: 2px dashed #aaa; border-radius: 6px; padding: 1rem; margin: 1rem 0; }
.dropzone.over { border-color: var(--ok); background: #f3faf5; }
`;
