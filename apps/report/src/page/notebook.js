// @ts-check
// The page script, second part: the live notebook. Each claim cell gets the
// controls its claim's parameter schema allows (sent in the page data); moving
// one asks the cell's Web Worker (the packages' own code, inlined in the page
// and started from a blob: URL) to run the claim again, and the cell redraws
// its closed forms, checks and charts from the answer. A newer request waits
// for a quick run to finish and replaces any request queued behind it; it
// stops a long run (terminating its worker) and starts over.
/** @typedef {import('../notebook/messages.js').WorkerRequest} WorkerRequest */
/** @typedef {import('../notebook/messages.js').WorkerReply} WorkerReply */
/** @typedef {import('@lslab/core/validate').ResolvedParam} ResolvedParam */
/** @typedef {import('../notebook/liveClaim.js').RejectedParam} RejectedParam */
/**
 * @typedef {object} CellState
 * @property {string} id
 * @property {string} key lower-case claim prefix, the cell's name in the URL (`c6`)
 * @property {HTMLElement} article
 * @property {Record<string, unknown>} base the report's parameters (what reset returns to)
 * @property {Record<string, unknown>} params the parameters of the cell's last result
 * @property {Record<string, unknown>} given the parameters last asked for (the last result's, once it is in)
 * @property {ResolvedParam[]} controls
 * @property {Worker | null} worker
 * @property {{ request: number, t0: number } | null} busy
 * @property {WorkerRequest | null} queued
 * @property {number} drawn the request whose charts are on screen
 * @property {boolean} redrawing whether the charts are being given new rows
 * @property {Promise<unknown>} partialDraw the last partial result's chart update (a later update waits for it)
 * @property {{ done: number, total: number, stage: string } | null} progress the running claim's units of work so far
 * @property {{ charts: Chart[], formulas: import('../pageData.js').PageFormula[] }} finished the last finished run's charts and closed forms (what Stop puts back)
 * @property {boolean} streamed whether a partial result's rows are in the charts
 * @property {boolean} gesture whether an input gesture has already made a history entry
 * @property {HTMLElement} status
 * @property {HTMLButtonElement} stop
 * @property {HTMLProgressElement} bar
 * @property {HTMLElement} notices
 * @property {number | undefined} ticker
 */

/** A run still going after this many ms is a long one: it shows progress, and a newer request stops it. */
const LONG_RUN_MS = 250;

/** @type {Map<string, CellState>} */
const cells = new Map();
let requestCounter = 0;
/** @type {string | null} */
let workerUrl = null;

/** The worker block: the bundled worker's source and the page's file limits. */
function workerBlock() {
  const block = document.getElementById('lslab-worker');
  /** @type {{ source: string, limits: { bytes: number, rows: number } }} */
  const parsed = JSON.parse(block?.textContent ?? '{"source":"","limits":{"bytes":0,"rows":0}}');
  return parsed;
}

/** A new notebook worker, from one blob: URL made once per page. */
function newWorker() {
  if (workerUrl === null) {
    const blob = new Blob([workerBlock().source], { type: 'text/javascript' });
    workerUrl = URL.createObjectURL(blob);
  }
  return new Worker(workerUrl);
}

/**
 * The control of one parameter: a slider with a number field, or a select.
 * @param {ResolvedParam} p
 */
function controlOf(p) {
  const box = el('label', 'control');
  box.dataset.param = p.name;
  box.append(el('span', 'control-label', p.label));
  if (p.kind === 'choice') {
    const select = el('select');
    select.name = p.name;
    for (const v of p.values ?? []) select.append(el('option', '', v));
    box.append(select);
    return box;
  }
  const span = (p.max ?? 0) - (p.min ?? 0);
  const integer = p.kind === 'integer' || p.kind === 'seed';
  if (p.kind !== 'seed' && Number.isFinite(span) && (!integer || span <= 1000)) {
    const range = el('input');
    range.type = 'range';
    range.name = p.name;
    box.append(range);
  }
  const num = el('input', 'control-number');
  num.type = 'number';
  num.name = p.name;
  box.append(num);
  return box;
}

/**
 * A control's range on the grid of its step (so a slider's values are round
 * numbers), inside the domain: an open end is not offered.
 * @param {ResolvedParam} p
 * @returns {[number, number, number]}
 */
function stepRange(p) {
  const step = p.step ?? 0.01;
  const min = p.min ?? 0;
  const max = p.max ?? 0;
  let lo = Math.ceil(min / step - 1e-9) * step;
  let hi = Math.floor(max / step + 1e-9) * step;
  if (p.open && lo <= min) lo += step;
  if (p.open && hi >= max) hi -= step;
  const digits = Math.max(0, -Math.floor(Math.log10(step)));
  return [Number(lo.toFixed(digits)), Number(hi.toFixed(digits)), step];
}

/**
 * Sets the controls' ranges and values (without firing their events).
 * @param {CellState} state
 * @param {ResolvedParam[]} controls
 */
function setControls(state, controls) {
  state.controls = controls;
  for (const p of controls) {
    const box = state.article.querySelector(`.controls label[data-param="${CSS.escape(p.name)}"]`);
    if (!box) continue;
    for (const input of box.querySelectorAll('input, select')) {
      const i = /** @type {HTMLInputElement} */ (input);
      if (i.type === 'range' || i.type === 'number') {
        const [lo, hi, step] = stepRange(p);
        i.min = String(lo);
        i.max = String(hi);
        i.step = String(step);
      }
      if (document.activeElement !== i || i.type !== 'number') i.value = String(p.value);
    }
  }
}

/**
 * The parameters to run with: the last run's, with the one the reader moved
 * read from its control (a number from a field or slider, text from a select).
 * @param {CellState} state
 * @param {Element} [source] the input that moved (its twin follows it)
 */
function readControls(state, source) {
  /** @type {Record<string, unknown>} */
  const given = {};
  for (const p of state.controls) {
    given[p.name] = state.given[p.name];
    const box = state.article.querySelector(`.controls label[data-param="${CSS.escape(p.name)}"]`);
    const inputs = /** @type {HTMLInputElement[]} */ (
      Array.from(box?.querySelectorAll('input, select') ?? [])
    );
    const from = inputs.find((i) => i === source);
    if (!from) continue;
    for (const i of inputs) if (i !== from) i.value = from.value;
    given[p.name] = p.kind === 'choice' ? from.value : Number(from.value);
  }
  return given;
}

/**
 * Shows notices (rejected parameters, errors) in a cell, as text.
 * @param {CellState} state
 * @param {string[]} lines
 */
function showNotices(state, lines) {
  state.notices.replaceChildren(...lines.map((l) => el('li', '', l)));
}

/**
 * Starts a worker request for the cell; see the file comment for what happens to older ones.
 * @param {CellState} state
 * @param {Record<string, unknown>} given
 */
function requestRun(state, given) {
  /** @type {WorkerRequest} */
  const msg = { type: 'claim', request: ++requestCounter, id: state.id, base: state.base, given };
  state.given = { ...state.base, ...given };
  state.article.dataset.request = String(msg.request);
  if (state.busy && performance.now() - state.busy.t0 > LONG_RUN_MS) stopRun(state, false);
  if (state.busy) state.queued = msg;
  else postRun(state, msg);
}

/**
 * @param {CellState} state
 * @param {WorkerRequest} msg
 */
function postRun(state, msg) {
  if (state.worker === null) {
    const w = newWorker();
    w.onmessage = (e) => onReply(state, e.data);
    w.onerror = (e) => {
      e.preventDefault();
      state.busy = null;
      showNotices(state, [`The notebook worker failed: ${e.message}`]);
    };
    state.worker = w;
  }
  state.busy = { request: msg.request, t0: performance.now() };
  clearProgress(state);
  state.worker.postMessage(msg);
  if (state.ticker === undefined) state.ticker = window.setInterval(() => tick(state), 100);
}

/**
 * Shows the progress of a long run.
 * @param {CellState} state
 */
function tick(state) {
  if (state.busy === null) {
    window.clearInterval(state.ticker);
    state.ticker = undefined;
    state.status.textContent = '';
    state.stop.hidden = true;
    state.bar.hidden = true;
    return;
  }
  const ms = performance.now() - state.busy.t0;
  if (ms < LONG_RUN_MS) return;
  const p = state.progress;
  const units = p ? ` · ${p.done} of ${p.total} done (${p.stage})` : '';
  state.status.textContent = `Running ${state.id} at the new parameters… ${(ms / 1000).toFixed(1)} s${units}`;
  state.stop.hidden = false;
  if (p) {
    state.bar.max = p.total;
    state.bar.value = p.done;
    state.bar.hidden = false;
  }
}

/**
 * Stops the cell's run by terminating its worker; the cell keeps its last result.
 * @param {CellState} state
 * @param {boolean} byReader
 */
function stopRun(state, byReader) {
  state.worker?.terminate();
  state.worker = null;
  state.busy = null;
  state.queued = null;
  clearProgress(state);
  tick(state);
  if (byReader) {
    state.status.textContent = 'Stopped: the cell shows the last finished run.';
    setControls(
      state,
      state.controls.map((p) => ({ ...p, value: /** @type {number} */ (state.params[p.name]) })),
    );
    // the view is the last finished run's again: its closed forms, its rows, its link
    state.given = state.params;
    showFormulas(state.article, state.finished.formulas);
    writeHash(state, state.params, false);
    if (state.streamed) restoreFinishedCharts(state);
  }
}

/**
 * Forgets a run's units of work (it finished, stopped or is starting).
 * @param {CellState} state
 */
function clearProgress(state) {
  state.progress = null;
  delete state.article.dataset.progress;
}

/**
 * Puts the last finished run's rows back in the charts after a stopped run had
 * streamed some of its own (in place, or drawn afresh when the shapes differ).
 * @param {CellState} state
 */
function restoreFinishedCharts(state) {
  state.streamed = false;
  const box = state.article.querySelector('.charts');
  if (!box) return;
  const charts = state.finished.charts;
  state.partialDraw = state.partialDraw
    .then(() => updateChartRows(box, charts))
    .then((done) => (done ? undefined : redrawCharts(state, charts, state.drawn)))
    .catch(() => {});
}

/**
 * @param {CellState} state
 * @param {WorkerReply} r
 */
function onReply(state, r) {
  if (r.type === 'preview') {
    if (String(r.request) === state.article.dataset.request)
      showFormulas(state.article, r.formulas);
    return;
  }
  if (r.type === 'progress') {
    showProgress(state, r);
    return;
  }
  state.busy = null;
  clearProgress(state);
  const next = state.queued;
  state.queued = null;
  if (next) postRun(state, next);
  else tick(state);
  if (r.type === 'error') {
    showNotices(state, [
      `Not run: ${r.message}`,
      ...(r.rejected ?? []).map((x) => `Ignored: ${x.reason}`),
    ]);
    // rows a run streamed before it failed (or before a stopped run's) are not a result
    if (state.streamed) restoreFinishedCharts(state);
    return;
  }
  if (r.type !== 'claim') return;
  document.body.dataset.kernels = r.kernels;
  state.params = r.params;
  if (!next) state.given = r.params;
  if (!next) setControls(state, r.controls);
  fillClaim(state.article, r.cell);
  state.finished = { charts: r.cell.charts, formulas: r.cell.formulas };
  state.streamed = false;
  showNotices(
    state,
    r.rejected.map((x) => `Ignored: ${x.reason}`),
  );
  const box = state.article.querySelector('.charts');
  const inPlace =
    box && !state.redrawing
      ? state.partialDraw.then(() => updateChartRows(box, r.cell.charts)).catch(() => false)
      : Promise.resolve(false);
  state.redrawing = true;
  inPlace.then((done) => {
    state.redrawing = false;
    if (done) {
      state.drawn = Math.max(state.drawn, r.request);
      state.article.dataset.rendered = String(state.drawn);
      return;
    }
    redrawCharts(state, r.cell.charts, r.request);
  });
}

/**
 * Shows a long run's partial result: the units done (status line, progress
 * bar, `data-progress`), and its rows in the charts that have rows so far; the
 * other charts are marked pending until the result comes. Checks and notes
 * wait for the result: a partial result decides nothing.
 * @param {CellState} state
 * @param {Extract<WorkerReply, { type: 'progress' }>} r
 */
function showProgress(state, r) {
  if (state.busy === null || r.request !== state.busy.request) return;
  state.progress = { done: r.done, total: r.total, stage: r.stage };
  state.article.dataset.progress = `${r.done}/${r.total}`;
  tick(state);
  const box = state.article.querySelector('.charts');
  const charts = r.charts;
  if (!box || charts === null || state.redrawing) return;
  state.partialDraw = state.partialDraw
    .then(() => {
      // a newer request, or the result itself, may have come meanwhile
      if (state.busy === null || state.busy.request !== r.request) return;
      state.streamed = true;
      return updatePartialRows(box, charts);
    })
    .catch(() => {});
}

/**
 * Draws a cell's charts afresh and swaps them in when drawn (unless a newer result is on screen).
 * @param {CellState} state
 * @param {Chart[]} charts
 * @param {number} request the request these charts answer (the last drawn one, to put it back)
 * @returns {Promise<void>}
 */
function redrawCharts(state, charts, request) {
  const fresh = el('div', 'charts');
  return renderCharts(fresh, charts).then(() => {
    const old = state.article.querySelector('.charts');
    if (request < state.drawn || !old) {
      freeCharts(fresh);
      return;
    }
    freeCharts(old);
    old.replaceWith(fresh);
    state.drawn = request;
    state.article.dataset.rendered = String(request);
  });
}

/**
 * Puts new values of the closed forms in place (before the claim has run).
 * @param {HTMLElement} article
 * @param {import('../pageData.js').PageFormula[]} formulas
 */
function showFormulas(article, formulas) {
  for (const li of article.querySelectorAll('ul.formulas li')) {
    const f = formulas.find((x) => x.name === /** @type {HTMLElement} */ (li).dataset.formula);
    if (!f) continue;
    /** @type {HTMLElement} */ (li).dataset.value = f.number === null ? '' : String(f.number);
    const v = li.querySelector('.formula-value');
    if (v) v.textContent = f.value;
  }
}

/**
 * Makes a claim cell live: its controls, reset and stop, status and notices.
 * @param {HTMLElement} article
 * @param {PageClaim} c
 */
function notebookCell(article, c) {
  const controls = /** @type {HTMLElement} */ (article.querySelector('.controls'));
  if (c.controls.length === 0) {
    controls.append(
      el(
        'p',
        'params',
        'This claim has no parameter schema yet: it is shown as the report ran it.',
      ),
    );
    return;
  }
  const form = el('div', 'control-row');
  for (const p of c.controls) form.append(controlOf(p));
  const reset = el('button', 'reset', 'Reset');
  reset.type = 'button';
  const stop = el('button', 'stop', 'Stop');
  stop.type = 'button';
  stop.hidden = true;
  const status = el('span', 'status');
  status.setAttribute('role', 'status');
  const bar = el('progress', 'run-progress');
  bar.hidden = true;
  const notices = el('ul', 'notices');
  controls.append(form, reset, stop, status, bar, notices);
  /** @type {CellState} */
  const state = {
    id: c.id,
    key: c.id.split('.')[0].toLowerCase(),
    article,
    base: c.values,
    params: { ...c.values },
    given: { ...c.values },
    controls: c.controls,
    worker: null,
    busy: null,
    queued: null,
    drawn: 0,
    redrawing: false,
    partialDraw: Promise.resolve(),
    progress: null,
    finished: { charts: c.charts, formulas: c.formulas },
    streamed: false,
    gesture: false,
    status,
    stop,
    bar,
    notices,
    ticker: undefined,
  };
  cells.set(state.key, state);
  setControls(state, c.controls);
  form.addEventListener('input', (e) => {
    const target = /** @type {HTMLInputElement} */ (e.target);
    // a number field being edited (empty, or '-' so far) asks for nothing yet
    if (target.type === 'number' && !Number.isFinite(target.valueAsNumber)) return;
    const given = readControls(state, target);
    requestRun(state, given);
    writeHash(state, given, !state.gesture);
    state.gesture = true;
  });
  form.addEventListener('change', () => {
    state.gesture = false;
  });
  reset.addEventListener('click', () => {
    setControls(
      state,
      state.controls.map((p) => ({ ...p, value: /** @type {number} */ (state.base[p.name]) })),
    );
    requestRun(state, {});
    writeHash(state, {}, true);
  });
  stop.addEventListener('click', () => stopRun(state, true));
}

/**
 * `lslab dev` only: takes a rebuilt notebook worker (the `lslab:worker` event,
 * detail { source }, that the development page's hot client dispatches on
 * window) and runs every cell again on it at its current parameters; the page,
 * its scroll and a dropped file stay. The report's page carries its
 * Content-Security-Policy and the development page does not: under the policy
 * nothing is listened for, so no script can hand the page a worker.
 */
function acceptWorkerSwaps() {
  if (document.querySelector('meta[http-equiv="Content-Security-Policy"]')) return;
  window.addEventListener('lslab:worker', (e) => {
    const source = /** @type {CustomEvent<{ source?: unknown }>} */ (e).detail?.source;
    if (typeof source !== 'string') return;
    if (workerUrl !== null) URL.revokeObjectURL(workerUrl);
    workerUrl = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    for (const state of cells.values()) {
      stopRun(state, false);
      requestRun(state, state.given);
    }
  });
}
