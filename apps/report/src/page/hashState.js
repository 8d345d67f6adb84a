// @ts-check
// The page script, third part: the state in the URL. A cell's parameters that
// differ from the report's live in the hash, `#c6?alpha=0.2&K=10&seed=3`; the
// first input of a gesture adds a history entry, the rest of it replaces that
// entry, so back and forward step through the views. A link is data: its
// values go to the worker, which validates them against the claim's schema;
// what it refuses is shown as a notice and changes nothing.

/** Links longer than this, or with more parameters than MAX_LINK_PARAMS, are not read. */
const MAX_HASH_LENGTH = 2048;
const MAX_LINK_PARAMS = 32;
/** The cell the hash named last (so that going back past it resets it). */
/** @type {string | null} */
let hashCell = null;

/**
 * Writes a cell's parameters that differ from the report's into the hash.
 * @param {CellState} state
 * @param {Record<string, unknown>} given
 * @param {boolean} push a new history entry (else replace the current one)
 */
function writeHash(state, given, push) {
  const q = new URLSearchParams();
  for (const p of state.controls) {
    const v = given[p.name];
    if (v !== undefined && v !== state.base[p.name]) q.set(p.name, String(v));
  }
  const query = q.toString();
  const hash = `#${state.key}${query ? `?${query}` : ''}`;
  hashCell = state.key;
  if (location.hash === hash) return;
  if (push) history.pushState(null, '', hash);
  else history.replaceState(null, '', hash);
}

/**
 * A notice above the chapters (a link that names no cell), as text.
 * @param {string} text
 */
function pageNotice(text) {
  let box = document.getElementById('link-notice');
  if (!box) {
    box = el('p', 'notice');
    box.id = 'link-notice';
    box.setAttribute('role', 'status');
    document.querySelector('header')?.append(box);
  }
  box.textContent = text;
}

/**
 * A link's value: a decimal number as a number, anything else as the text it is
 * (which a numeric parameter's validator then refuses).
 * @param {string} v
 */
function linkValue(v) {
  return /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(v) ? Number(v) : v;
}

/** Applies the hash to the cell it names; a plain anchor (`#chapter-…`) is left to the browser. */
function restoreFromHash() {
  const hash = location.hash;
  const m = /^#(c\d{1,3})(?:\?(.*))?$/i.exec(hash.slice(0, MAX_HASH_LENGTH + 1));
  if (!m) {
    if (hashCell !== null && hash === '') {
      const state = cells.get(hashCell);
      if (state) resetTo(state, {});
    }
    return;
  }
  const state = cells.get(m[1].toLowerCase());
  if (!state) {
    pageNotice(
      `The link names the cell “${m[1]}”, which has no controls in this report; the link was ignored.`,
    );
    return;
  }
  if (hash.length > MAX_HASH_LENGTH) {
    pageNotice(
      `The link is longer than ${MAX_HASH_LENGTH} characters; its parameters were ignored.`,
    );
    return;
  }
  /** @type {Record<string, unknown>} */
  const given = Object.create(null);
  let n = 0;
  for (const [k, v] of new URLSearchParams(m[2] ?? '')) {
    if (++n > MAX_LINK_PARAMS) {
      pageNotice(`The link has more than ${MAX_LINK_PARAMS} parameters; the rest were ignored.`);
      break;
    }
    Object.defineProperty(given, k, {
      value: linkValue(v),
      enumerable: true,
      configurable: true,
      writable: true,
    });
  }
  hashCell = state.key;
  resetTo(state, given);
  state.article.scrollIntoView();
}

/**
 * Runs a cell at the report's parameters overridden by `given` (validated by the worker).
 * @param {CellState} state
 * @param {Record<string, unknown>} given
 */
function resetTo(state, given) {
  requestRun(state, { ...given });
}
