import type { PageData } from '../pageData.js';
import { CSP_SLOT, withContentSecurityPolicy } from './contentSecurityPolicy.js';
import { NOTEBOOK_CSS, notebookWorkerData } from './notebookAssets.js';
import { pageAssets } from './pageAssets.js';
import { PAGE_CSS } from './pageCss.js';

/** Escapes text for an HTML text node or a quoted attribute. */
function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * JSON for a `<script type="application/json">` block: `<` is written
 * `\u003c`, so no text in the data can close the block or open a comment.
 *
 * @example
 * jsonForScript({ a: '</script>' }); // '{"a":"\\u003c/script>"}'
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/**
 * The self-contained report page: KaTeX's CSS with its fonts, the page CSS,
 * the data as a JSON block, and the inlined scripts (vega, vega-lite,
 * vega-embed, KaTeX, the page script). It needs no network and works from
 * file://. Outside text only ever reaches the page inside the JSON block and
 * the escaped `<title>`. The Content-Security-Policy goes first in `<head>`
 * and allows exactly the inline scripts and styles of the finished document,
 * by hash: an element added to the template is covered without further edit.
 *
 * @param data - what the page shows
 * @returns the HTML document
 * @example
 * renderHtml(data).startsWith('<!doctype html>'); // true
 */
export function renderHtml(data: PageData): string {
  const assets = pageAssets();
  const scripts = assets.scripts
    .map((s) => `<script data-lib="${s.name}">${s.source}</script>`)
    .join('\n');
  return withContentSecurityPolicy(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
${CSP_SLOT}
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="@lslab/report">
<title>${escapeHtml(data.title)}</title>
<style>${assets.katexCss}</style>
<style>${PAGE_CSS}${NOTEBOOK_CSS}</style>
</head>
<body>
<main id="report"></main>
<noscript><p>This report draws its charts and formulas with JavaScript. The numbers are in results.json and the charts in figures/ beside this file.</p></noscript>
<script type="application/json" id="lslab-data">${jsonForScript(data)}</script>
<script type="application/json" id="lslab-worker">${jsonForScript(notebookWorkerData())}</script>
${scripts}
</body>
</html>
`);
}
