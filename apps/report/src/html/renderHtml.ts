import type { PageData } from '../pageData.js';
import { contentSecurityPolicy } from './contentSecurityPolicy.js';
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
 * the escaped `<title>`. Every inline `<script>` and `<style>` is rendered
 * from the two lists `scripts` and `styles`, and the Content-Security-Policy
 * (first in `<head>`, before anything it governs) is computed from the same
 * lists, so a script added there is allowed by its hash and nothing else is.
 *
 * @param data - what the page shows
 * @returns the HTML document
 * @example
 * renderHtml(data).startsWith('<!doctype html>'); // true
 */
export function renderHtml(data: PageData): string {
  const assets = pageAssets();
  const json = jsonForScript(data);
  const styles = [assets.katexCss, PAGE_CSS];
  const policy = contentSecurityPolicy({
    scripts: [json, ...assets.scripts.map((s) => s.source)],
    styles,
  });
  const scripts = assets.scripts
    .map((s) => `<script data-lib="${s.name}">${s.source}</script>`)
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(policy)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="@lslab/report">
<title>${escapeHtml(data.title)}</title>
${styles.map((css) => `<style>${css}</style>`).join('\n')}
</head>
<body>
<main id="report"></main>
<noscript><p>This report draws its charts and formulas with JavaScript. The numbers are in results.json and the charts in figures/ beside this file.</p></noscript>
<script type="application/json" id="lslab-data">${json}</script>
${scripts}
</body>
</html>
`;
}
