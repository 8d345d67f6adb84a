// The libraries the report page inlines before its own script, as globals.
declare const vegaEmbed: (
  el: HTMLElement,
  spec: object,
  options?: object,
) => Promise<{ view: { finalize(): void } }>;
declare const katex: { render(tex: string, el: HTMLElement, options?: object): void };
