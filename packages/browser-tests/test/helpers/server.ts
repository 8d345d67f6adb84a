import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';

/** A package folder served under `/<name>/`, of which only the `allow` subfolder is readable. */
export interface Mount {
  /** Package name, also the URL prefix: `@lslab/core` is served at `/@lslab/core/`. */
  name: string;
  /** The package's folder on disk (where its package.json is). */
  dir: string;
  /** The only subfolder served, e.g. `dist/` or `lib/esm/`. */
  allow: string;
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
};

/**
 * The import-map entries of a package: every `exports` key whose target
 * (its `import` or `default` condition, or a plain string) lies in the
 * served subfolder, e.g. `@lslab/core/claims` → `/@lslab/core/dist/claims/index.js`.
 */
export async function importMapEntries(mount: Mount): Promise<Record<string, string>> {
  const pkg = JSON.parse(await readFile(join(mount.dir, 'package.json'), 'utf8')) as {
    exports?: Record<string, string | Record<string, string>>;
  };
  const entries: Record<string, string> = {};
  for (const [key, value] of Object.entries(pkg.exports ?? {})) {
    const target = typeof value === 'string' ? value : (value.import ?? value.default);
    if (typeof target !== 'string' || !target.startsWith(`./${mount.allow}`)) continue;
    const specifier = key === '.' ? mount.name : `${mount.name}/${key.slice(2)}`;
    entries[specifier] = `/${mount.name}/${target.slice(2)}`;
  }
  return entries;
}

/** A running static server: its origin, the paths it could not serve, and `close`. */
export interface ModuleServer {
  origin: string;
  missing: string[];
  close(): Promise<void>;
}

/**
 * Serves `/` as an empty page carrying the import map, and the mounted
 * folders as static files, on 127.0.0.1 at a free port. Nothing outside a
 * mount's `allow` folder is readable.
 */
export async function serveModules(mounts: Mount[]): Promise<ModuleServer> {
  const imports: Record<string, string> = {};
  for (const m of mounts) Object.assign(imports, await importMapEntries(m));
  const page = [
    '<!doctype html>',
    '<html><head><meta charset="utf-8"><title>lslab in the browser</title>',
    `<script type="importmap">${JSON.stringify({ imports })}</script>`,
    '</head><body></body></html>',
  ].join('\n');
  const missing: string[] = [];
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    if (path === '/favicon.ico') {
      res.writeHead(204);
      res.end();
      return;
    }
    if (path === '/' || path === '/index.html') {
      res.writeHead(200, { 'content-type': TYPES['.html'] });
      res.end(page);
      return;
    }
    const mount = mounts.find((m) => path.startsWith(`/${m.name}/`));
    if (mount !== undefined) {
      const root = resolve(mount.dir, mount.allow);
      const file = resolve(mount.dir, path.slice(mount.name.length + 2));
      if (file.startsWith(root + sep)) {
        try {
          const body = await readFile(file);
          res.writeHead(200, {
            'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
          });
          res.end(body);
          return;
        } catch {
          // fall through to 404
        }
      }
    }
    missing.push(path);
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end(`not found: ${path}`);
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    missing,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
