import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PAGE_SCRIPT_FILES } from '../html/pageAssets.js';

/** The page script's sources in the repository (what `lslab dev` watches). */
export const PAGE_SOURCE_DIR = fileURLToPath(new URL('../../src/page/', import.meta.url));

/**
 * The page script joined from the sources in `src/page/`, as the build joins
 * them for the shipped page (read afresh at every call).
 *
 * @example
 * devPageScript().startsWith('(() => {'); // true
 */
export function devPageScript(): string {
  const parts = PAGE_SCRIPT_FILES.map((f) => readFileSync(`${PAGE_SOURCE_DIR}${f}`, 'utf8'));
  return `(() => {\n'use strict';\n${parts.join('\n')}\n})();\n`.replace(/<\/(script)/gi, '<\\/$1');
}

/**
 * The shipped page turned into the development page: the page script and the
 * worker replaced by their current sources, and Vite's client and the hot
 * client (which hands a rebuilt worker to the page script) added. The page is
 * otherwise byte for byte the report's.
 *
 * @param html - the report's index.html
 * @param script - the page script (from {@link devPageScript})
 * @param workerJson - the worker block's JSON (the fresh worker)
 * @param hotClient - the hot client's URL on the server (`src/dev/hotClient.js` as Vite serves it)
 * @returns the development page
 * @example
 * devHtml(html, script, json, '/dev/hotClient.js').includes('/@vite/client'); // true
 */
export function devHtml(
  html: string,
  script: string,
  workerJson: string,
  hotClient: string,
): string {
  const replaceBlock = (doc: string, open: string, body: string) => {
    const start = doc.indexOf(open);
    if (start < 0) throw new Error(`the page has no ${open}`);
    const end = doc.indexOf('</script>', start);
    return doc.slice(0, start + open.length) + body + doc.slice(end);
  };
  let out = replaceBlock(html, '<script data-lib="lslab-page">', script);
  out = replaceBlock(out, '<script type="application/json" id="lslab-worker">', workerJson);
  // the development page is served with Vite's client (and edited): a policy
  // hashed for the shipped scripts does not apply to it
  out = out.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\n?/i, '');
  return out.replace(
    '</head>',
    `<script type="module" src="/@vite/client"></script>\n<script type="module" src="${hotClient}"></script>\n</head>`,
  );
}
