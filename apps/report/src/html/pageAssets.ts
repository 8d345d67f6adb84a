import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageDir } from '../packageDir.js';

/** The libraries and styles the page inlines, read from the installed packages. */
export interface PageAssets {
  /** Scripts in load order: vega, vega-lite, vega-embed, katex, then the page's own. */
  scripts: { name: string; source: string }[];
  /** KaTeX's stylesheet with its fonts as `data:` URIs (woff2). */
  katexCss: string;
}

/** A script safe to inline: no `</script` can end the element early. */
function inlineSafe(source: string): string {
  return source.replace(/<\/(script)/gi, '<\\/$1');
}

/**
 * KaTeX's CSS with each `src:` list replaced by the woff2 font as a data URI,
 * so the page loads no file and makes no request.
 */
function katexCssInline(dir: string): string {
  const css = readFileSync(join(dir, 'dist', 'katex.min.css'), 'utf8');
  return css.replace(/src:url\(fonts\/([A-Za-z0-9_-]+)\.woff2\)[^;}]*/g, (_m, font: string) => {
    const data = readFileSync(join(dir, 'dist', 'fonts', `${font}.woff2`)).toString('base64');
    return `src:url(data:font/woff2;base64,${data}) format("woff2")`;
  });
}

/** The page script's files, joined in this order inside one function scope. */
export const PAGE_SCRIPT_FILES = [
  'runtime.js',
  'notebook.js',
  'hashState.js',
  'model.js',
  'start.js',
] as const;

/**
 * The page script: the files of `page/` joined inside one function scope.
 *
 * @example
 * pageScript().startsWith('(() => {'); // true
 */
export function pageScript(): string {
  const parts = PAGE_SCRIPT_FILES.map((f) =>
    readFileSync(fileURLToPath(new URL(`../page/${f}`, import.meta.url)), 'utf8'),
  );
  return `(() => {\n'use strict';\n${parts.join('\n')}\n})();\n`;
}

let cached: PageAssets | undefined;

/**
 * Reads the page's assets once: the minified builds of vega, vega-lite,
 * vega-embed and KaTeX as installed, KaTeX's CSS with inlined fonts, and
 * the page script (`page/*.js`, see {@link pageScript}).
 *
 * @returns the assets, ready to inline
 * @throws when a package or file is missing
 * @example
 * pageAssets().scripts.map((s) => s.name); // ['vega', 'vega-lite', 'vega-embed', 'katex', 'lslab-page']
 */
export function pageAssets(): PageAssets {
  if (cached) return cached;
  const read = (pkg: string, file: string) =>
    inlineSafe(readFileSync(join(packageDir(pkg), file), 'utf8'));
  const runtime = pageScript();
  cached = {
    scripts: [
      { name: 'vega', source: read('vega', 'build/vega.min.js') },
      { name: 'vega-lite', source: read('vega-lite', 'build/vega-lite.min.js') },
      { name: 'vega-embed', source: read('vega-embed', 'build/vega-embed.min.js') },
      { name: 'katex', source: read('katex', 'dist/katex.min.js') },
      { name: 'lslab-page', source: inlineSafe(runtime) },
    ],
    katexCss: katexCssInline(packageDir('katex')),
  };
  return cached;
}
