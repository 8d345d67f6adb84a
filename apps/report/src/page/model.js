// @ts-check
// The page script, fourth part: "Your model" in the page. A predictions file
// dropped or chosen here is refused over the size limit before it is read,
// then read as text and handed to a worker, which checks the row limit,
// parses and analyses it with the code of `lslab report --predictions`. No
// request leaves the page. Errors (with their line) are shown as text.

/** @type {string | null} the blob: URL of the last per-class table, released when replaced */
let classesUrl = null;

/**
 * A link that downloads the per-class table of a dropped file: the CSV the
 * worker wrote with the report's own writer (formulas neutralised), as a
 * blob: URL (a download, not a request: nothing leaves the page).
 * @param {string} csv
 * @param {string} fileName the dropped file's name, shown as text only
 */
function csvLink(csv, fileName) {
  if (classesUrl !== null) URL.revokeObjectURL(classesUrl);
  classesUrl = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
  const a = document.createElement('a');
  a.className = 'download';
  a.textContent = `Per-class table of ${fileName} (CSV)`;
  a.href = classesUrl;
  a.download = 'classes.csv';
  const p = el('p', 'downloads');
  p.append(a);
  return p;
}

/**
 * Adds the drop zone to the "Your model" chapter.
 * @param {HTMLElement} section
 * @param {number} seed the bootstrap seed of the report
 */
function modelDropZone(section, seed) {
  const limits = workerBlock().limits;
  const zone = el('div', 'dropzone');
  zone.tabIndex = 0;
  const mb = (limits.bytes / 1024 / 1024).toFixed(0);
  zone.append(
    el(
      'p',
      '',
      `Drop a predictions file here (CSV or JSON, at most ${mb} MiB and ${limits.rows} rows), or choose one. It is analysed in this page: nothing is sent anywhere.`,
    ),
  );
  const input = el('input');
  input.type = 'file';
  input.accept = '.csv,.json,text/csv,application/json';
  const status = el('p', 'status');
  status.setAttribute('role', 'status');
  const result = el('div', 'model-result');
  zone.append(input, status);
  section.append(zone, result);
  /** @type {Worker | null} */
  let worker = null;
  let latest = 0;
  /** @param {File} file */
  const analyse = async (file) => {
    const request = ++requestCounter;
    latest = request;
    status.className = 'status';
    delete status.dataset.line;
    zone.dataset.state = 'busy';
    if (!(file.size <= limits.bytes)) {
      fail(
        `${file.name}: is ${file.size} bytes; the limit is ${limits.bytes} bytes. Nothing was read.`,
      );
      return;
    }
    status.textContent = `Analysing ${file.name}…`;
    const text = await file.text();
    // a newer file replaces this one: stop its analysis
    worker?.terminate();
    worker = newWorker();
    worker.onmessage = (e) => {
      /** @type {WorkerReply} */
      const r = e.data;
      if (r.request !== latest) return;
      if (r.type === 'error') {
        // the reader's messages name the line (and field) themselves; say it only when they do not
        const where =
          r.line === undefined || r.message.includes(`line ${r.line}`)
            ? ''
            : ` (line ${r.line}${r.column === undefined ? '' : `, column ${r.column}`})`;
        fail(`${r.message}${where}`);
        if (r.line !== undefined) status.dataset.line = String(r.line);
        return;
      }
      if (r.type !== 'model') return;
      status.textContent = `${file.name}: analysed in ${Math.round(r.ms)} ms.`;
      result.replaceChildren();
      result.dataset.ece = String(r.numbers.ece);
      result.dataset.nll = String(r.numbers.nll);
      result.dataset.temperature = String(r.numbers.temperature);
      for (const c of r.chapter.cells) result.append(renderCell(c));
      result.append(csvLink(r.classesCsv, file.name));
      zone.dataset.state = 'done';
    };
    /** @type {WorkerRequest} */
    const msg = { type: 'predictions', request, name: file.name, bytes: file.size, text, seed };
    worker.postMessage(msg);
  };
  /** @param {string} message */
  const fail = (message) => {
    status.className = 'status error';
    status.textContent = message;
    zone.dataset.state = 'error';
  };
  input.addEventListener('change', () => {
    const f = input.files?.[0];
    if (f) analyse(f);
  });
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    const f = e.dataTransfer?.files?.[0];
    if (f) analyse(f);
  });
}
