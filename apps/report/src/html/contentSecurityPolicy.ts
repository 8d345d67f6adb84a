import { createHash } from 'node:crypto';

/** The inline content of a page, exactly as it appears between its tags. */
export interface InlineContent {
  /** The text of every `<script>` element, executable or not, in any order. */
  scripts: readonly string[];
  /** The text of every `<style>` element, in any order. */
  styles: readonly string[];
}

/**
 * A CSP hash source for inline content: `'sha256-<base64>'` of its UTF-8
 * bytes, as the browser hashes the text of a `<script>` or `<style>` element.
 *
 * @param text - the element's text, exactly as written in the page
 * @returns the source expression, quotes included
 * @example
 * sha256Source(''); // "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
 */
export function sha256Source(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

function hashes(texts: readonly string[]): string {
  return [...new Set(texts.map(sha256Source))].join(' ');
}

/**
 * The Content-Security-Policy of the report page, for a `<meta http-equiv>`
 * tag: no network at all, and nothing runs or styles the page but the inline
 * elements it was rendered with, each allowed by its SHA-256 hash.
 *
 * - `default-src 'none'`, `connect-src 'none'`: no fetch, XHR, WebSocket or
 *   beacon, and every directive not listed falls back to none.
 * - `script-src` the hashes of the inline scripts: no remote script, no
 *   `'unsafe-inline'` and no `'unsafe-eval'` (Vega evaluates its expressions
 *   with the interpreter, vega-embed's `ast: true`, instead of `Function`).
 * - `style-src` the hashes of the inline styles: no `'unsafe-inline'`. KaTeX
 *   and Vega set element styles through the CSSOM (`element.style.x = …`),
 *   which CSP does not govern, so no `style-src-attr` is needed; vega-embed and
 *   vega-tooltip would insert `<style>` elements of their own, which the page
 *   turns off (`defaultStyle: false`, `disableDefaultStyle: true`).
 * - `img-src data: blob:`, `font-src data:` (KaTeX's fonts are inlined as
 *   `data:` URIs), `worker-src blob:` (a worker built from inline source).
 * - `base-uri 'none'`, `form-action 'none'`: no `<base>` can redirect relative
 *   URLs, no form can post anywhere.
 *
 * A hash is over the exact text, so the list must hold every inline element
 * the page renders (the hash of a non-executable block, such as a worker's
 * source, is harmless and keeps the rule simple: every inline script is listed).
 *
 * @param inline - the text of each inline script and style of the page
 * @returns the policy, directives separated by `; `
 * @example
 * contentSecurityPolicy({ scripts: [], styles: [] }).startsWith("default-src 'none'"); // true
 */
export function contentSecurityPolicy(inline: InlineContent): string {
  const scripts = hashes(inline.scripts);
  const styles = hashes(inline.styles);
  return [
    "default-src 'none'",
    `script-src ${scripts || "'none'"}`,
    `style-src ${styles || "'none'"}`,
    'img-src data: blob:',
    'font-src data:',
    "connect-src 'none'",
    'worker-src blob:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}
