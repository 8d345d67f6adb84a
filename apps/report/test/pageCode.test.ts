import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  CSP_SLOT,
  contentSecurityPolicy,
  inlineContent,
  sha256Source,
  withContentSecurityPolicy,
} from '../src/html/contentSecurityPolicy.ts';
import { renderHtml } from '../src/html/renderHtml.ts';
import type { PageData } from '../src/pageData.ts';

/** The libraries the page inlines as published; everything else in a script is ours. */
const VENDORED = new Set(['vega', 'vega-lite', 'vega-embed', 'katex']);

/** Ways of turning a string into code or markup; none may appear in the page's own code. */
const SINKS: { name: string; re: RegExp }[] = [
  { name: 'eval(', re: /\beval\s*\(/ },
  { name: 'new Function', re: /\bnew\s+Function\b/ },
  { name: 'Function(', re: /(?<![\w$.])Function\s*\(/ },
  { name: 'innerHTML', re: /\binnerHTML\b/ },
  { name: 'outerHTML', re: /\bouterHTML\b/ },
  { name: 'insertAdjacentHTML', re: /\binsertAdjacentHTML\b/ },
  { name: 'document.write', re: /\bdocument\s*\.\s*write(ln)?\b/ },
  { name: 'createContextualFragment', re: /\bcreateContextualFragment\b/ },
  { name: 'srcdoc', re: /\bsrcdoc\b/ },
  { name: 'string timer', re: /\bset(Timeout|Interval)\s*\(\s*['"`]/ },
];

function sinksIn(code: string): string[] {
  return SINKS.filter((s) => s.re.test(code)).map((s) => s.name);
}

const data: PageData = {
  title: 'a title',
  seed: null,
  versions: {},
  summary: 'none',
  downloads: [],
  chapters: [],
};

/** Every `<script>` of the rendered page with its attributes and text. */
function scriptsOf(html: string): { attrs: string; text: string }[] {
  return [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)].map((m) => ({
    attrs: m[1],
    text: m[2],
  }));
}

describe("the page's own code", () => {
  it('the sink patterns catch each sink (and not a word that merely contains one)', () => {
    expect(sinksIn('el.innerHTML = x')).toEqual(['innerHTML']);
    expect(sinksIn('const f = new Function("a", "return a")')).toEqual([
      'new Function',
      'Function(',
    ]);
    expect(sinksIn('window.eval ("1")')).toEqual(['eval(']);
    expect(sinksIn('document.writeln(s)')).toEqual(['document.write']);
    expect(sinksIn("setTimeout('go()', 1)")).toEqual(['string timer']);
    expect(sinksIn('el.textContent = x; medieval(1); isFunction(f); setTimeout(f, 1)')).toEqual([]);
  });

  it('no script of the rendered page but the vendored libraries uses eval, Function or an HTML sink', () => {
    const scripts = scriptsOf(renderHtml(data));
    const ours = scripts.filter((s) => {
      const lib = /data-lib="([^"]+)"/.exec(s.attrs)?.[1];
      const json = /type="application\/json"/.test(s.attrs);
      return !json && !(lib !== undefined && VENDORED.has(lib));
    });
    // the page script at least; any script added later is checked the same way
    expect(ours.map((s) => /data-lib="([^"]+)"/.exec(s.attrs)?.[1])).toContain('lslab-page');
    for (const s of ours) expect(sinksIn(s.text), s.attrs).toEqual([]);
  });

  it('no source file of the page script uses them either', () => {
    const dir = fileURLToPath(new URL('../src/page/', import.meta.url));
    const files = readdirSync(dir).filter((f) => /\.(js|ts)$/.test(f));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(sinksIn(readFileSync(`${dir}${f}`, 'utf8')), f).toEqual([]);
  });
});

describe('the Content-Security-Policy of the page', () => {
  it('sha256Source: the SHA-256 test vectors of FIPS 180-2 ("abc" and the empty string), in base64', () => {
    // ba7816bf 8f01cfea 414140de 5dae2223 b00361a3 96177a9c b410ff61 f20015ad
    expect(sha256Source('abc')).toBe(
      `'sha256-${Buffer.from('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad', 'hex').toString('base64')}'`,
    );
    expect(sha256Source('')).toBe("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
  });

  it('lists every directive, no unsafe keyword, and one hash a distinct inline element', () => {
    const policy = contentSecurityPolicy({ scripts: ['a', 'b', 'a'], styles: ['c'] });
    const directives = Object.fromEntries(
      policy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]),
    );
    expect(directives).toEqual({
      'default-src': ["'none'"],
      'script-src': [sha256Source('a'), sha256Source('b'), "'wasm-unsafe-eval'"],
      'style-src': [sha256Source('c')],
      'img-src': ['data:', 'blob:'],
      'font-src': ['data:'],
      'connect-src': ["'none'"],
      'worker-src': ['blob:'],
      'base-uri': ["'none'"],
      'form-action': ["'none'"],
    });
    // WebAssembly compilation is the one exception: it allows no eval or Function
    expect(policy.replace(" 'wasm-unsafe-eval'", '')).not.toMatch(/unsafe|https?:|\*/);
    expect(contentSecurityPolicy({ scripts: [], styles: [] })).toMatch(
      /script-src 'none'; style-src 'none'/,
    );
  });

  it('inlineContent finds every script (executable or not) and every style outside the scripts', () => {
    const html = `<head><STYLE media="screen">a{}</STYLE><style>b{}</style></head>
<script type="application/json" id="d">{"x":"\\u003cstyle>"}</script>
<script data-lib="x">const s = "<style>c{}</style" + ">";</script>
<script type="text/plain" id="worker">onmessage = () => {};</script>`;
    expect(inlineContent(html)).toEqual({
      scripts: [
        '{"x":"\\u003cstyle>"}',
        'const s = "<style>c{}</style" + ">";',
        'onmessage = () => {};',
      ],
      styles: ['a{}', 'b{}'],
    });
  });

  it('withContentSecurityPolicy: an element added to a template is allowed by its hash with no other edit', () => {
    const page = (extra: string) =>
      withContentSecurityPolicy(`<head>${CSP_SLOT}<style>p{}</style></head><body>${extra}</body>`);
    const worker = 'self.onmessage = (e) => self.postMessage(e.data);';
    const html = page(`<script type="text/plain" id="worker">${worker}</script>`);
    const policy = /content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(policy).toContain(`script-src ${sha256Source(worker)} 'wasm-unsafe-eval';`);
    expect(policy).toContain(`style-src ${sha256Source('p{}')};`);
    expect(html.startsWith('<head><meta http-equiv="Content-Security-Policy" content="')).toBe(
      true,
    );
    expect(() => withContentSecurityPolicy('<head></head>')).toThrow(/no CSP slot/);
  });

  it('the rendered page carries the policy first in <head>, with the hash of each of its inline scripts and styles', () => {
    const html = renderHtml(data);
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
    expect(meta).not.toBeNull();
    const policy = meta?.[1] ?? '';
    expect(html.indexOf('<meta http-equiv')).toBeLessThan(html.indexOf('<style'));
    expect(html.indexOf('<meta http-equiv')).toBeLessThan(html.indexOf('<script'));
    const scripts = scriptsOf(html).map((s) => s.text);
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThanOrEqual(6); // the data, four libraries, the page script
    expect(styles.length).toBeGreaterThanOrEqual(2); // KaTeX's and the page's
    expect(policy).toBe(contentSecurityPolicy({ scripts, styles }));
  });
});
