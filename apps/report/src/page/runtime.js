// @ts-check
// The report page's script, first part: rendering. The page script is this
// file, notebook.js, hashState.js, model.js and start.js, joined in that order
// inside one function scope and inlined into index.html after Vega, Vega-Lite,
// vega-embed and KaTeX (src/html/pageAssets.ts). It reads the report data from
// the JSON block #lslab-data and builds the page. Text from the data, a file
// or a link is always set as text (textContent, text nodes), never parsed as
// HTML; KaTeX renders only the TeX of the claims' own formulas, with trust off
// and strict on.
/** @typedef {import('../pageData.js').PageData} PageData */
/** @typedef {import('../pageData.js').PageCell} PageCell */
/** @typedef {import('../pageData.js').PageClaim} PageClaim */
/** @typedef {import('../pageData.js').PageBlock} PageBlock */
/** @typedef {import('../charts/chartConfig.js').Chart} Chart */

/** @type {Promise<unknown>[]} */
const pending = [];

/**
 * An element with optional class and text content.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {string} [className]
 * @param {string} [text]
 * @returns {HTMLElementTagNameMap[K]}
 */
function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/**
 * @param {HTMLElement} parent
 * @param {string} tex
 * @param {boolean} display
 */
function math(parent, tex, display) {
  const span = el('span', display ? 'math display' : 'math');
  // katex.render builds DOM nodes and styles them through the CSSOM, which the
  // page's Content-Security-Policy does not govern; renderToString would write
  // style attributes and need style-src-attr 'unsafe-inline'.
  katex.render(tex, span, {
    displayMode: display,
    throwOnError: false,
    trust: false,
    strict: 'error',
  });
  parent.append(span);
}

/**
 * Text with TeX between `$` signs: text segments as text nodes, TeX through KaTeX.
 * @param {HTMLElement} parent
 * @param {string} text
 */
function richText(parent, text) {
  text.split('$').forEach((part, i) => {
    if (i % 2 === 1) math(parent, part, false);
    else if (part) parent.append(document.createTextNode(part));
  });
}

/**
 * vega-embed's options, chosen for the page's Content-Security-Policy:
 * `ast: true` evaluates Vega expressions with the interpreter bundled in
 * vega-embed (vega-interpreter) instead of compiling them with `Function`,
 * so the policy needs no 'unsafe-eval'; `defaultStyle: false` and the
 * tooltip's `disableDefaultStyle` stop vega-embed and vega-tooltip from
 * inserting `<style>` elements (the page CSS styles the tooltip), so
 * style-src needs no 'unsafe-inline'. Tooltips are vega-tooltip's handler
 * with its own sanitiser, which escapes the values it writes as HTML.
 */
const EMBED_OPTIONS = {
  actions: false,
  renderer: 'svg',
  ast: true,
  defaultStyle: false,
  tooltip: { disableDefaultStyle: true },
};

/**
 * The vega view of each chart on the page, with the spec it drew and the name
 * of the dataset holding that spec's rows, by figure: a redraw frees the view,
 * or gives it new rows when only the rows changed.
 * @type {WeakMap<Element, { view: VegaView, spec: Chart['spec'], rows: string | undefined }>}
 */
const views = new WeakMap();

/**
 * Draws charts into `parent`, one figure each; the promise settles when all are drawn.
 * @param {HTMLElement} parent
 * @param {Chart[]} charts
 * @returns {Promise<void>}
 */
function renderCharts(parent, charts) {
  const drawn = charts.map((chart) => {
    const figure = el('figure', 'chart');
    figure.dataset.chart = chart.name;
    const values = /** @type {{ data?: { values?: unknown } }} */ (chart.spec).data?.values;
    if (Array.isArray(values)) figure.dataset.rows = String(values.length);
    const target = el('div', 'vega');
    figure.append(target, el('figcaption', '', chart.caption));
    parent.append(figure);
    return vegaEmbed(target, chart.spec, EMBED_OPTIONS).then(
      (result) => {
        const rows = result.vgSpec.data?.find(
          (d) => Array.isArray(d.values) && JSON.stringify(d.values) === JSON.stringify(values),
        )?.name;
        views.set(figure, { view: result.view, spec: chart.spec, rows });
      },
      (e) => {
        figure.append(el('p', 'error', `This chart could not be drawn: ${String(e)}`));
        console.error(e);
      },
    );
  });
  const all = Promise.all(drawn).then(() => {});
  if (document.body.dataset.ready !== 'true') pending.push(all);
  return all;
}

/**
 * Frees the vega views of the figures inside `box`.
 * @param {Element} box
 */
function freeCharts(box) {
  for (const figure of box.querySelectorAll('figure.chart')) views.get(figure)?.view.finalize();
}

/**
 * The spec without its top-level rows, as text: two charts that differ only
 * in their rows give the same text.
 * @param {Chart['spec']} spec
 */
function specShape(spec) {
  return JSON.stringify({ ...spec, data: null });
}

/**
 * Gives the charts in `box` new rows in place, when every chart is the same
 * spec with other top-level rows; the promise says whether it could (otherwise
 * the caller draws the charts afresh).
 * @param {Element} box
 * @param {Chart[]} charts
 * @returns {Promise<boolean>}
 */
async function updateChartRows(box, charts) {
  const figures = Array.from(box.querySelectorAll('figure.chart'));
  if (figures.length !== charts.length) return false;
  const drawn = figures.map((f) => views.get(f));
  const same = charts.every((c, i) => {
    const d = drawn[i];
    return (
      d !== undefined &&
      d.rows !== undefined &&
      /** @type {HTMLElement} */ (figures[i]).dataset.chart === c.name &&
      specShape(d.spec) === specShape(c.spec)
    );
  });
  if (!same) return false;
  await Promise.all(
    charts.map((c, i) => {
      const d = /** @type {{ view: VegaView, spec: Chart['spec'], rows: string }} */ (drawn[i]);
      const values = /** @type {{ data: { values: object[] } }} */ (c.spec).data.values;
      d.spec = c.spec;
      const figure = /** @type {HTMLElement} */ (figures[i]);
      delete figure.dataset.pending;
      figure.dataset.rows = String(values.length);
      const caption = figures[i].querySelector('figcaption');
      if (caption) caption.textContent = c.caption;
      return d.view.data(d.rows, structuredClone(values)).runAsync();
    }),
  );
  return true;
}

/**
 * Gives the charts in `box` the rows of a partial result: a chart the partial
 * result has (same name, same spec but its rows) gets them in place and loses
 * its pending mark; a chart it has not (no rows yet, or another shape) is
 * marked pending (`data-pending`, dimmed) until the finished result redraws it.
 * @param {Element} box
 * @param {Chart[]} charts
 * @returns {Promise<void>}
 */
async function updatePartialRows(box, charts) {
  const updates = Array.from(box.querySelectorAll('figure.chart'), (node) => {
    const figure = /** @type {HTMLElement} */ (node);
    const d = views.get(figure);
    const c = charts.find((x) => x.name === figure.dataset.chart);
    if (!c || !d || d.rows === undefined || specShape(d.spec) !== specShape(c.spec)) {
      figure.dataset.pending = 'true';
      return undefined;
    }
    const values = /** @type {{ data: { values: object[] } }} */ (c.spec).data.values;
    d.spec = c.spec;
    delete figure.dataset.pending;
    figure.dataset.rows = String(values.length);
    return d.view.data(d.rows, structuredClone(values)).runAsync();
  });
  await Promise.all(updates);
}

/**
 * @param {string[]} header
 * @param {string[][]} rows
 * @param {(row: number) => string} [rowClass]
 */
function table(header, rows, rowClass) {
  const t = el('table');
  const head = el('tr');
  for (const h of header) head.append(el('th', '', h));
  t.append(el('thead'));
  t.tHead?.append(head);
  const body = el('tbody');
  rows.forEach((r, i) => {
    const tr = el('tr', rowClass ? rowClass(i) : '');
    for (const c of r) tr.append(el('td', '', c));
    body.append(tr);
  });
  t.append(body);
  return t;
}

/**
 * @param {HTMLElement} parent
 * @param {string[]} notes
 */
function renderNotes(parent, notes) {
  if (notes.length === 0) return;
  const ul = el('ul', 'notes');
  for (const n of notes) ul.append(el('li', '', n));
  parent.append(ul);
}

/**
 * The closed forms of a claim cell with their values, typeset once.
 * @param {HTMLElement} box
 * @param {PageClaim} c
 */
function renderFormulas(box, c) {
  if (c.formulas.length === 0) return;
  const ul = el('ul', 'formulas');
  for (const f of c.formulas) {
    const li = el('li', f.agrees ? '' : 'fail');
    li.dataset.formula = f.name;
    if (f.number !== null) li.dataset.value = String(f.number);
    li.append(el('span', 'formula-name', `${f.name}: `));
    math(li, f.tex, false);
    li.append(document.createTextNode(' = '), el('span', 'formula-value', f.value));
    ul.append(li);
  }
  box.append(
    el(
      'h4',
      '',
      'Closed forms at these parameters (typeset from the mathjs expressions that were checked)',
    ),
    ul,
  );
}

/**
 * The parts of a claim cell that change with its parameters: badge, closed
 * forms with their values, checks, notes and parameters. Charts are drawn by
 * the caller (into `.charts`), so that a redraw can swap them when ready.
 * @param {HTMLElement} cell
 * @param {PageClaim} c
 */
function fillClaim(cell, c) {
  cell.classList.toggle('fails', !c.holds);
  const badge = cell.querySelector('.badge');
  if (badge) {
    badge.className = c.holds ? 'badge ok' : 'badge fail';
    badge.textContent = `${c.held}/${c.checks.length} checks hold`;
  }
  const box = /** @type {HTMLElement} */ (cell.querySelector('.claim-numbers'));
  // the TeX of a claim's formulas does not change with its parameters: only their values do
  const shape = c.formulas.map((f) => `${f.name}\u0000${f.tex}`).join('\u0001');
  if (box.dataset.shape === shape && c.formulas.length > 0) {
    box.querySelectorAll('ul.formulas li').forEach((li, i) => {
      const f = c.formulas[i];
      li.className = f.agrees ? '' : 'fail';
      /** @type {HTMLElement} */ (li).dataset.value = f.number === null ? '' : String(f.number);
      const v = li.querySelector('.formula-value');
      if (v) v.textContent = f.value;
    });
  } else {
    box.replaceChildren();
    box.dataset.shape = shape;
    renderFormulas(box, c);
  }
  const tail = /** @type {HTMLElement} */ (cell.querySelector('.claim-checks'));
  tail.replaceChildren(el('h4', '', 'Checks'));
  const rows = c.checks.map((k) => [
    k.holds ? '✓ holds' : '✗ FAILS',
    k.name,
    k.comparison,
    k.expected,
    k.measured,
    k.delta,
    k.tolerance,
    k.formula,
  ]);
  const header = ['', 'check', 'test', 'expected', 'measured', 'Δ', 'tolerance', 'mathjs'];
  tail.append(table(header, rows, (i) => (c.checks[i].holds ? 'holds' : 'fail')));
  renderNotes(tail, c.notes);
  tail.append(el('p', 'params', `Parameters: ${c.params.join(', ')} · ${c.package}`));
}

/** @param {PageClaim} c */
function renderClaim(c) {
  const cell = el('article', 'cell');
  cell.id = c.id;
  cell.dataset.claim = c.id;
  const h = el('h3');
  h.append(
    el('span', 'claim-id', c.id),
    document.createTextNode(` ${c.title} `),
    el('span', 'badge'),
  );
  cell.append(h);
  const statement = el('p', 'statement');
  richText(statement, c.statement);
  const charts = el('div', 'charts');
  cell.append(statement, el('div', 'controls'), el('div', 'claim-numbers'), charts);
  cell.append(el('div', 'claim-checks'));
  fillClaim(cell, c);
  renderCharts(charts, c.charts);
  notebookCell(cell, c);
  return cell;
}

/** @param {PageBlock} b */
function renderBlock(b) {
  const cell = el('article', 'cell');
  cell.append(el('h3', '', b.title));
  for (const p of b.paragraphs) cell.append(el('p', '', p));
  if (b.code) cell.append(el('pre', '', b.code));
  if (b.table) cell.append(table(b.table.header, b.table.rows));
  renderCharts(cell, b.charts);
  renderNotes(cell, b.notes);
  return cell;
}

/** @param {PageCell} c */
function renderCell(c) {
  switch (c.kind) {
    case 'claim':
      return renderClaim(c);
    case 'missing':
      return el(
        'p',
        'missing',
        `${c.prefix} (${c.name}) is not in the report yet: ${c.package} does not export it.`,
      );
    case 'see': {
      const p = el('p', 'see', `${c.id} ${c.title}: see `);
      const a = el('a', '', c.chapterTitle);
      a.href = `#${c.id}`;
      p.append(a, document.createTextNode('.'));
      return p;
    }
    default:
      return renderBlock(c.block);
  }
}

/**
 * Links to the data files beside the page; relative, so they work from file://.
 * @param {{ file: string; about: string }[]} downloads
 */
function renderDownloads(downloads) {
  const p = el('p', 'downloads', 'Data: ');
  downloads.forEach((d, i) => {
    const a = el('a', '', d.file);
    a.href = encodeURI(d.file);
    p.append(i > 0 ? ', ' : '', a, ` (${d.about})`);
  });
  return p;
}

function main() {
  const source = document.getElementById('lslab-data');
  /** @type {PageData} */
  const data = JSON.parse(source?.textContent ?? '{}');
  const root = document.getElementById('report') ?? document.body;
  const header = el('header');
  header.append(el('h1', '', data.title), el('p', 'summary', data.summary));
  const versions = Object.entries(data.versions)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  header.append(el('p', 'meta', `seed ${data.seed ?? 'defaults'} · ${versions}`));
  header.append(renderDownloads(data.downloads ?? []));
  const nav = el('nav');
  const toc = el('ol');
  for (const ch of data.chapters) {
    const li = el('li');
    const a = el('a', '', ch.title);
    a.href = `#chapter-${ch.id}`;
    li.append(a);
    toc.append(li);
  }
  nav.append(toc);
  header.append(nav);
  root.append(header);
  for (const ch of data.chapters) {
    const section = el('section');
    section.id = `chapter-${ch.id}`;
    section.dataset.chapter = ch.id;
    section.append(el('h2', '', ch.title), el('p', 'intro', ch.intro));
    for (const c of ch.cells) section.append(renderCell(c));
    if (ch.id === 'your-model') modelDropZone(section, data.seed ?? 0);
    root.append(section);
  }
  restoreFromHash();
  window.addEventListener('popstate', restoreFromHash);
  acceptWorkerSwaps();
  Promise.all(pending).then(() => {
    document.body.dataset.ready = 'true';
  });
}
