/**
 * The page's own stylesheet: readable column, tables, failing checks in red,
 * and the chart tooltip (vega-tooltip's own `<style>` is turned off for the
 * Content-Security-Policy; its element is `#vg-tooltip-element`, shown with
 * the class `visible`).
 */
export const PAGE_CSS = `
:root { color-scheme: light; --fail: #b3261e; --ok: #1b6e3a; --muted: #555; }
body { font: 16px/1.5 system-ui, sans-serif; margin: 0; color: #1a1a1a; background: #fff; }
main { max-width: 1100px; margin: 0 auto; padding: 1rem 1.5rem 4rem; }
header h1 { margin-bottom: .25rem; }
.summary { font-size: 1.1rem; }
.meta, .params, figcaption, .intro { color: var(--muted); }
nav ol { columns: 2; }
section { border-top: 2px solid #ddd; margin-top: 2rem; }
article.cell { margin: 1.5rem 0; padding: 1rem; border: 1px solid #ddd; border-radius: 6px; }
article.cell.fails { border-color: var(--fail); }
.claim-id { font-family: ui-monospace, monospace; font-size: .9em; color: var(--muted); }
.badge { font-size: .8rem; padding: .1rem .5rem; border-radius: 1rem; vertical-align: middle; }
.badge.ok { background: #e3f3e8; color: var(--ok); }
.badge.fail { background: #fbe4e2; color: var(--fail); }
table { border-collapse: collapse; font-size: .85rem; margin: .5rem 0; display: block; overflow-x: auto; }
th, td { padding: .2rem .5rem; border-bottom: 1px solid #eee; text-align: left; vertical-align: top; }
td { font-variant-numeric: tabular-nums; }
td:first-child { white-space: nowrap; }
tr.fail td { color: var(--fail); font-weight: 600; background: #fdf1f0; }
ul.formulas li.fail { color: var(--fail); }
.formula-name { color: var(--muted); }
figure.chart { margin: 1rem 0; overflow-x: auto; }
.missing, .see { font-style: italic; color: var(--muted); }
pre { background: #f5f5f5; padding: .5rem; overflow-x: auto; }
.error { color: var(--fail); }
.vega-embed { position: relative; display: inline-block; }
#vg-tooltip-element { visibility: hidden; position: fixed; z-index: 10; max-width: 24rem; padding: .3rem .5rem;
  font: 12px/1.4 system-ui, sans-serif; background: #fffffff2; border: 1px solid #ccc; border-radius: 4px;
  box-shadow: 0 2px 6px #0002; pointer-events: none; }
#vg-tooltip-element.visible { visibility: visible; }
#vg-tooltip-element h2 { margin: 0 0 .2rem; font-size: 1em; }
#vg-tooltip-element table { display: table; margin: 0; font-size: 1em; }
#vg-tooltip-element td { border: 0; padding: 0 .3rem; white-space: normal; }
#vg-tooltip-element td.key { color: var(--muted); text-align: right; }
`;
