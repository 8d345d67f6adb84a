import type { TopLevelSpec } from 'vega-lite';

/**
 * Renders a Vega-Lite spec to SVG headless, with vega's own renderer (no
 * browser, no canvas: text is measured by vega's estimate, so the output is
 * the same on every machine). Compiler warnings are not printed. Vega and
 * Vega-Lite are loaded on the first call, so that a command or a worker that
 * draws nothing (a sweep) does not pay for them.
 *
 * @param spec - a Vega-Lite spec with its data inlined
 * @returns the SVG document
 * @throws the compile or render error of vega-lite / vega
 * @example
 * (await renderSvg(spec)).startsWith('<svg'); // true
 */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const [{ logger, None, parse, View }, { compile }] = await Promise.all([
    import('vega'),
    import('vega-lite'),
  ]);
  const { spec: vgSpec } = compile(spec, { logger: logger(None) });
  const view = new View(parse(vgSpec), { renderer: 'none', logLevel: None });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
