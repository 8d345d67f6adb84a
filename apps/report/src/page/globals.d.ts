// The libraries the report page inlines before its own script, as globals.
/** The part of a vega View the page uses. */
interface VegaView {
  finalize(): void;
  data(name: string, values: object[]): VegaView;
  runAsync(): Promise<VegaView>;
}
declare const vegaEmbed: (
  el: HTMLElement,
  spec: object,
  options?: object,
) => Promise<{ view: VegaView; vgSpec: { data?: { name: string; values?: unknown }[] } }>;
declare const katex: { render(tex: string, el: HTMLElement, options?: object): void };
