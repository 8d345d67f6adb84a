import { fileURLToPath } from 'node:url';
import type { ViteDevServer } from 'vite';
import type { ClaimSource } from '../claimSources.js';
import { generateReport } from '../generateReport.js';
import { jsonForScript } from '../html/renderHtml.js';
import { PAGE_PREDICTIONS_LIMITS } from '../notebook/limits.js';
import { devHtml, devPageScript, PAGE_SOURCE_DIR } from './devPage.js';
import { buildDevWorker, overlayError, watchedFor } from './devWorker.js';

/** Options of {@link startDevServer}. */
export interface DevServerOptions {
  /** The packages whose claims the page shows. */
  sources: readonly ClaimSource[];
  /** Claim prefixes to run (default: all). */
  claims?: readonly string[];
  /** The report's seed (default: each claim's own). */
  seed?: number;
  /** Port to listen on; 0 takes any free one. */
  port: number;
  /** Interface to listen on, e.g. `127.0.0.1`. */
  host: string;
  /** Worker threads for the first run of the claims. */
  threads?: number;
  /**
   * The worker's entry file, an absolute path (default: the report's
   * `src/notebook/worker.ts`). Whatever it imports is watched like the rest.
   */
  workerEntry?: string;
}

/** A running development server. */
export interface DevServer {
  /** Where the page is served, e.g. `http://127.0.0.1:5173/`. */
  url: string;
  /** Rebuilds the worker and reloads every open page (what an edit of `src/page/` does, with a rebuild). */
  reload(): Promise<void>;
  /**
   * Rebuilds the worker and hands it to every open page, which starts its
   * cells again on it without a reload (what an edit of the worker's code
   * does). A build that fails is shown in Vite's error overlay and the pages
   * keep the worker they have.
   *
   * @returns true when the new worker was sent, false when the build failed
   */
  reloadWorker(): Promise<boolean>;
  /** Stops the server and its file watching. */
  close(): Promise<void>;
}

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
/** The development page's hot client, as Vite serves it (a file of `src/dev/`). */
const HOT_CLIENT = '/dev/hotClient.js';
/** Quiet time after a burst of file events (a `tsc --watch` writes many files) before a rebuild. */
const SETTLE_MS = 150;

const workerJson = (source: string) => jsonForScript({ source, limits: PAGE_PREDICTIONS_LIMITS });

/**
 * `lslab dev`: runs the selected claims once, then serves the report page
 * with Vite. The page is the shipped one with its script read from
 * `src/page/`, and its worker bundled from the report's `src/` and the
 * workspace packages' compiled `dist/` (what the worker imports resolves
 * there: rebuild a package, or keep its `tsc --watch` running, for an edit of
 * its `src/` to reach the page). An edit of `src/page/` reloads the open
 * pages (their view comes back from the URL); an edit of a file the worker
 * was bundled from rebuilds it and swaps it into the open pages, whose cells
 * run again at their parameters, keeping scroll, dropped file and state. A
 * build that fails shows Vite's error overlay and the pages keep their worker.
 *
 * @param options - the claims and seed of the page, where to listen
 * @returns the running server
 * @throws Error when the port is taken, the report cannot be generated or the worker does not build
 * @example
 * const s = await startDevServer({ sources: claimSources, claims: ['C1'], port: 0, host: '127.0.0.1' });
 * s.url; // 'http://127.0.0.1:…/'
 */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const report = await generateReport({
    sources: options.sources,
    claims: options.claims,
    seed: options.seed,
    threads: options.threads,
  });
  const html = report.files.get('index.html') as string;
  let built = await buildDevWorker(options.workerEntry);
  let worker = workerJson(built.source);
  let inputs = new Set(built.inputs);
  let failed = false;
  const { createServer } = await import('vite');
  const server: ViteDevServer = await createServer({
    configFile: false,
    root: SRC,
    logLevel: 'warn',
    clearScreen: false,
    appType: 'custom',
    server: { port: options.port, host: options.host, strictPort: options.port !== 0 },
    plugins: [
      {
        name: 'lslab-notebook',
        configureServer(s) {
          s.middlewares.use((req, res, next) => {
            const path = (req.url ?? '/').split(/[?#]/)[0];
            if (path === '/favicon.ico') {
              // the page has no icon: answer the browser's request for one with no content
              res.statusCode = 204;
              res.end();
              return;
            }
            if (path !== '/' && path !== '/index.html') return next();
            res.setHeader('Content-Type', 'text/html; charset=utf-8');
            res.end(devHtml(html, devPageScript(), worker, HOT_CLIENT));
          });
        },
      },
    ],
  });
  server.watcher.add(watchedFor(built.inputs));
  /** Builds the worker, one build at a time; true when it built (and is now the page's). */
  let queue: Promise<unknown> = Promise.resolve();
  const rebuild = (): Promise<boolean> => {
    const next = queue.then(async () => {
      try {
        built = await buildDevWorker(options.workerEntry);
      } catch (e) {
        failed = true;
        server.ws.send({ type: 'error', err: overlayError(e) });
        return false;
      }
      failed = false;
      worker = workerJson(built.source);
      inputs = new Set(built.inputs);
      server.watcher.add(watchedFor(built.inputs));
      return true;
    });
    queue = next;
    return next;
  };
  const reload = async () => {
    if (await rebuild()) server.ws.send({ type: 'full-reload' });
  };
  const reloadWorker = async () => {
    const ok = await rebuild();
    if (ok)
      server.ws.send({ type: 'custom', event: 'lslab:worker', data: { source: built.source } });
    return ok;
  };
  let settle: NodeJS.Timeout | undefined;
  const edited = (file: string) => {
    if (file.startsWith(PAGE_SOURCE_DIR)) {
      server.ws.send({ type: 'full-reload' });
      return;
    }
    // after a failed build any edit may be the fix (a file it could not find, say)
    if (!inputs.has(file) && !failed) return;
    clearTimeout(settle);
    settle = setTimeout(() => void reloadWorker(), SETTLE_MS);
  };
  server.watcher.on('change', edited);
  server.watcher.on('add', edited);
  await server.listen();
  const address = server.httpServer?.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://${options.host}:${port}/`,
    reload,
    reloadWorker,
    close: async () => {
      clearTimeout(settle);
      await server.close();
    },
  };
}
