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
 *   `'wasm-unsafe-eval'` lets the page compile WebAssembly and nothing else
 *   (no `eval`, no `Function`): the only module it compiles is
 *   `@lslab/core`'s kernels, inlined in the worker's own hashed source.
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
 * A hash is over the exact text, so the lists must hold every inline element
 * of the page: {@link withContentSecurityPolicy} takes them from the finished
 * document. Non-executable blocks (the data, a worker's source) are hashed
 * too: harmless, and one rule for every `<script>`.
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
    `script-src ${scripts ? `${scripts} 'wasm-unsafe-eval'` : "'none'"}`,
    `style-src ${styles || "'none'"}`,
    'img-src data: blob:',
    'font-src data:',
    "connect-src 'none'",
    'worker-src blob:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** Where {@link withContentSecurityPolicy} puts the policy's `<meta>` tag: first in `<head>`, after the charset. */
export const CSP_SLOT = '<!-- content-security-policy -->';

/**
 * The text of every inline `<script>` (executable or not) and `<style>` of a
 * document the report rendered. A plain scan is enough for pages whose
 * scripts cannot contain `</script` (the inliner escapes it) and whose JSON
 * escapes `<`; it is not an HTML parser for documents from elsewhere. Styles
 * are looked for outside the scripts.
 *
 * @param html - a document rendered by the report
 * @returns the scripts' and styles' text, in document order
 * @example
 * inlineContent('<style>b{}</style><script type="application/json">{}</script>');
 * // { scripts: ['{}'], styles: ['b{}'] }
 */
export function inlineContent(html: string): InlineContent {
  const element = (tag: string) => new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}\\s*>`, 'gi');
  const scripts = [...html.matchAll(element('script'))].map((m) => m[1]);
  // styles are looked for outside the scripts: a library's code may spell "<style"
  const outside = html.replace(element('script'), '');
  const styles = [...outside.matchAll(element('style'))].map((m) => m[1]);
  return { scripts, styles };
}

/**
 * Puts the page's Content-Security-Policy into a rendered document: the
 * policy of its inline scripts and styles ({@link contentSecurityPolicy} of
 * {@link inlineContent}) as a `<meta http-equiv>` tag at {@link CSP_SLOT}.
 * Computing it from the finished document means an inline element added to
 * the template is allowed by its hash without another edit.
 *
 * @param html - the document, with {@link CSP_SLOT} once in `<head>` before any script or style
 * @returns the document with the tag in place of the slot
 * @throws Error when the slot is missing (a bug of the template)
 * @example
 * withContentSecurityPolicy(`<head>${CSP_SLOT}</head>`).includes("connect-src 'none'"); // true
 */
export function withContentSecurityPolicy(html: string): string {
  const at = html.indexOf(CSP_SLOT);
  if (at < 0) throw new Error('withContentSecurityPolicy: the document has no CSP slot');
  // the policy holds no '"', '<' or '&': it goes into the double-quoted attribute as is
  const policy = contentSecurityPolicy(inlineContent(html));
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
  return html.slice(0, at) + meta + html.slice(at + CSP_SLOT.length);
}
