import { fileURLToPath } from 'node:url';
import type { ViteDevServer } from 'vite';
import type { ClaimSource } from '../claimSources.js';
import { generateReport } from '../generateReport.js';
import { jsonForScript } from '../html/renderHtml.js';
import { PAGE_PREDICTIONS_LIMITS } from '../notebook/limits.js';
import { devHtml, devPageScript, PAGE_SOURCE_DIR } from './devPage.js';

/** Options of {@link startDevServer}. */
export interface DevServerOptions {
  sources: readonly ClaimSource[];
  claims?: readonly string[];
  seed?: number;
  port: number;
  host: string;
  threads?: number;
}

/** A running development server. */
export interface DevServer {
  /** Where the page is served, e.g. `http://127.0.0.1:5173/`. */
  url: string;
  /** Rebuilds the worker and reloads every open page. */
  reload(): Promise<void>;
  close(): Promise<void>;
}

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const BUILD = new URL('../../scripts/buildNotebook.mjs', import.meta.url).href;

async function buildWorker(): Promise<string> {
  const { buildNotebookWorker } = (await import(BUILD)) as {
    buildNotebookWorker(o: { minify: boolean }): Promise<string>;
  };
  const source = await buildNotebookWorker({ minify: false });
  return jsonForScript({ source, limits: PAGE_PREDICTIONS_LIMITS });
}

/**
 * `lslab dev`: runs the selected claims once, then serves the report page
 * with Vite. The page is the shipped one with its script read from
 * `src/page/` and its worker rebuilt from `src/` on every change; each change
 * reloads the open pages.
 *
 * @param options - the claims and seed of the page, where to listen
 * @returns the running server
 * @throws Error when the port is taken or the report cannot be generated
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
  let worker = await buildWorker();
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
            res.end(devHtml(html, devPageScript(), worker));
          });
        },
      },
    ],
  });
  const reload = async () => {
    worker = await buildWorker();
    server.ws.send({ type: 'full-reload' });
  };
  server.watcher.on('change', (file) => {
    if (file.startsWith(PAGE_SOURCE_DIR)) server.ws.send({ type: 'full-reload' });
    else if (file.startsWith(SRC)) void reload();
  });
  await server.listen();
  const address = server.httpServer?.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://${options.host}:${port}/`,
    reload,
    close: () => server.close(),
  };
}
