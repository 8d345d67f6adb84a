import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  expectedCalibrationError,
  fitTemperature,
  negativeLogLikelihood,
} from '@lslab/calibration';
import { type Browser, launchChromium } from '@lslab/test-utils/browser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/main.ts';
import { readPredictions } from '../src/predictions/readPredictions.ts';

const EXAMPLE = fileURLToPath(
  new URL('../../../examples/predictions/overconfident.csv', import.meta.url),
);

type Page = Awaited<ReturnType<Browser['context']['newPage']>>;

let browser: Browser | undefined;
let pageUrl = '';

beforeAll(async () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'lslab-notebook-')), 'report');
  const quiet = () => {};
  const status = await main(['report', '--out', dir, '--claims', 'C1,C6,C9', '--threads', '1'], {
    stdout: quiet,
    stderr: quiet,
    progress: quiet,
  });
  expect(status).toBe(0);
  pageUrl = pathToFileURL(join(dir, 'index.html')).href;
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
});

/** A page on the report from file:// with every other request refused and recorded. */
async function openPage(hash = '') {
  if (!browser) throw new Error('no browser');
  const page = await browser.context.newPage();
  const problems: string[] = [];
  const requests: string[] = [];
  const dialogs: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('request', (r) => requests.push(r.url()));
  await page.route('**/*', (route) =>
    route.request().url() === pageUrl ? route.continue() : route.abort(),
  );
  await page.goto(pageUrl + hash);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 120_000 });
  return { page, problems, requests, dialogs };
}

/** Moves a control as a reader would: sets its value and fires input, then change. */
async function move(page: Page, claim: string, param: string, value: number) {
  await page.evaluate(
    ([c, p, v]) => {
      const input = document.querySelector(
        `article[data-claim="${c}"] label[data-param="${p}"] input`,
      ) as HTMLInputElement;
      input.value = String(v);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    [claim, param, value] as const,
  );
}

/** The full-precision value of a closed form shown in a cell. */
async function formula(page: Page, claim: string, name: string): Promise<number> {
  const v = await page
    .locator(`article[data-claim="${claim}"] li[data-formula="${name}"]`)
    .getAttribute('data-value');
  return Number(v);
}

/** Waits until the cell has drawn the result of its latest request (failing at once if it could not run). */
async function settled(page: Page, claim: string, timeout = 120_000) {
  await page.waitForFunction(
    (c) => {
      const a = document.querySelector(`article[data-claim="${c}"]`) as HTMLElement;
      if (a.querySelector('ul.notices')?.textContent?.includes('Not run:')) return true;
      return a.dataset.request !== undefined && a.dataset.rendered === a.dataset.request;
    },
    claim,
    { timeout },
  );
  const notices = await page
    .locator(`article[data-claim="${claim}"] ul.notices li`)
    .allTextContents();
  expect(notices.filter((n) => n.startsWith('Not run:'))).toEqual([]);
}

const C6 = 'C6.optimal-margin';
const C6_GAP = 'uniform: free logits reach ln(q_y/q_k) for every wrong class';
const C9 = 'C9.training-rhythm';
const C9_CROSS = 'uniform: crossover p_y';
const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(b));

describe('the live notebook in a real browser (file://, network refused)', () => {
  it('moving α in C6 shows the closed-form gap ln(1 + K(1 − α)/α), redraws the chart and writes the URL', async () => {
    const { page, problems, requests } = await openPage();
    expect(rel(await formula(page, C6, C6_GAP), Math.log(91))).toBeLessThan(1e-12);
    const chart = page.locator(`article[data-claim="${C6}"] figure[data-chart="C6-optimum"] svg`);
    const before = await chart.innerHTML();
    await move(page, C6, 'alpha', 0.25);
    // the closed form is evaluated before the claim runs: it shows within the preview
    await page.waitForFunction(
      ([c, n, v]) =>
        Number(
          document
            .querySelector(`article[data-claim="${c}"] li[data-formula="${n}"]`)
            ?.getAttribute('data-value'),
        ) === v,
      [C6, C6_GAP, Math.log(1 + (10 * 0.75) / 0.25)] as const,
      { timeout: 60_000 },
    );
    expect(rel(await formula(page, C6, C6_GAP), Math.log(31))).toBeLessThan(1e-12);
    expect(new URL(page.url()).hash).toBe('#c6?alpha=0.25');
    await settled(page, C6, 240_000);
    expect(await chart.innerHTML()).not.toBe(before);
    // the worker compiled core's WebAssembly kernels under the page's policy
    expect(await page.evaluate(() => document.body.dataset.kernels)).toBe('wasm');
    // the checks table recomputed: the first row now expects ln 31
    const expected = await page
      .locator(`article[data-claim="${C6}"] .claim-checks tbody tr`)
      .first()
      .locator('td')
      .nth(3)
      .textContent();
    expect(rel(Number(expected), Math.log(31))).toBeLessThan(1e-11);
    // a long run shows its progress and can be stopped; the cell keeps its last result
    const cell = page.locator(`article[data-claim="${C6}"]`);
    await move(page, C6, 'alpha', 0.4);
    await cell.locator('button.stop:visible').waitFor({ timeout: 60_000 });
    expect(await cell.locator('.controls .status').textContent()).toMatch(
      /^Running C6\.optimal-margin at the new parameters… \d+\.\d s( · \d+ of 22 done \(.+\))?$/,
    );
    await cell.locator('button.stop').click();
    expect(await cell.locator('.controls .status').textContent()).toBe(
      'Stopped: the cell shows the last finished run.',
    );
    expect(await cell.locator('button.stop').isHidden()).toBe(true);
    expect(Number(await cell.locator('label[data-param="alpha"] input').first().inputValue())).toBe(
      0.25,
    );
    expect(await chart.innerHTML()).not.toBe(before);
    expect(requests).toEqual([pageUrl]);
    expect(problems).toEqual([]);
    await page.close();
  }, 300_000);

  it('a long run streams: its units count up, its charts take the rows so far, the result completes them', async () => {
    const { page, problems, requests } = await openPage('#c6?seeds=5');
    await settled(page, C6, 240_000);
    // what the cell shows while it runs, recorded on every change of its marks and status
    await page.evaluate((c) => {
      const a = document.querySelector(`article[data-claim="${c}"]`) as HTMLElement;
      const seen: object[] = [];
      (window as unknown as { seen: object[] }).seen = seen;
      const figure = (name: string) =>
        a.querySelector(`figure[data-chart="${name}"]`) as HTMLElement | null;
      new MutationObserver(() => {
        seen.push({
          progress: a.dataset.progress ?? null,
          optimumRows: figure('C6-optimum')?.dataset.rows ?? null,
          spreadsRows: figure('C6-spreads')?.dataset.rows ?? null,
          spreadsPending: figure('C6-spreads')?.dataset.pending === 'true',
          status: a.querySelector('.controls .status')?.textContent ?? '',
          bar: (a.querySelector('progress.run-progress') as HTMLProgressElement).hidden
            ? null
            : (a.querySelector('progress.run-progress') as HTMLProgressElement).value,
        });
      }).observe(a, { attributes: true, childList: true, characterData: true, subtree: true });
    }, C6);
    // α = 0.2: every row changes; 5 splits: 1 + 2 data sets × 5 splits + 1 = 12 units
    await move(page, C6, 'alpha', 0.2);
    await settled(page, C6, 240_000);
    type Seen = {
      progress: string | null;
      optimumRows: string | null;
      spreadsRows: string | null;
      spreadsPending: boolean;
      status: string;
      bar: number | null;
    };
    const seen = await page.evaluate(() => (window as unknown as { seen: Seen[] }).seen);
    const during = seen.filter((x) => x.progress !== null);
    expect(during.length).toBeGreaterThan(0);
    // units count up and stop short of the total (the last one comes with the result)
    const done = [...new Set(during.map((x) => x.progress))].map((x) => {
      const [d, t] = String(x).split('/').map(Number);
      expect(t).toBe(12);
      return d;
    });
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(Math.max(...done)).toBeLessThan(12);
    // the first partial result has the optima of both conventions (4 rows) and no data set yet:
    // the spreads chart waits, dimmed, while the optimum chart has its new rows
    expect(during.some((x) => x.optimumRows === '4' && x.spreadsPending)).toBe(true);
    // a status line and a bar that count the units, once the run is long
    expect(
      during.some((x) =>
        /· \d+ of 12 done \((free logits|penguins|seattle-weather)/.test(x.status),
      ),
    ).toBe(true);
    expect(during.some((x) => x.bar !== null && x.bar > 0 && x.bar < 12)).toBe(true);
    // the result: no mark left, every row drawn (the spreads chart folds 3 measures of
    // 2 data sets × hard and smoothed: 12 rows)
    const cell = page.locator(`article[data-claim="${C6}"]`);
    expect(await cell.getAttribute('data-progress')).toBeNull();
    expect(await cell.locator('figure[data-pending]').count()).toBe(0);
    expect(await cell.locator('figure[data-chart="C6-spreads"]').getAttribute('data-rows')).toBe(
      '12',
    );
    expect(await cell.locator('progress.run-progress').isHidden()).toBe(true);
    expect(rel(await formula(page, C6, C6_GAP), Math.log(41))).toBeLessThan(1e-12);
    // stopped after its first partial result, a run leaves the last finished view:
    // its rows, its closed form and its link
    // the page clicks Stop itself at the first moment the run is long (Stop shown) and its
    // charts hold partial rows: penguins' spreads alone (2 targets × 3 measures = 6 rows, the
    // finished chart has 12); a click from the test could come after the run ended
    const stopped = page.evaluate(
      (c) =>
        new Promise<string>((resolve) => {
          const a = document.querySelector(`article[data-claim="${c}"]`) as HTMLElement;
          const stop = a.querySelector('button.stop') as HTMLButtonElement;
          const spreads = a.querySelector('figure[data-chart="C6-spreads"]') as HTMLElement;
          const obs = new MutationObserver(() => {
            if (stop.hidden || a.dataset.progress === undefined) return;
            if (spreads.dataset.rows !== '6') return;
            obs.disconnect();
            const at = a.dataset.progress;
            stop.click();
            resolve(at);
          });
          obs.observe(a, { attributes: true, childList: true, characterData: true, subtree: true });
        }),
      C6,
    );
    await move(page, C6, 'alpha', 0.3);
    // stopped part-way: at a unit before the last
    const at = (await stopped).split('/').map(Number);
    expect(at[0]).toBeLessThan(at[1]);
    await page.waitForFunction(
      (c) => document.querySelector(`article[data-claim="${c}"] figure[data-pending]`) === null,
      C6,
      { timeout: 60_000 },
    );
    expect(await cell.locator('figure[data-chart="C6-spreads"]').getAttribute('data-rows')).toBe(
      '12',
    );
    expect(rel(await formula(page, C6, C6_GAP), Math.log(41))).toBeLessThan(1e-12);
    expect(new URL(page.url()).hash).toBe('#c6?alpha=0.2&seeds=5');
    expect(await cell.getAttribute('data-progress')).toBeNull();
    expect(requests).toEqual([pageUrl]);
    expect(problems).toEqual([]);
    await page.close();
  }, 300_000);

  it('a link restores the parameters; a change writes the URL; back and forward step through the views', async () => {
    const { page, problems } = await openPage('#c9?alpha=0.3&K=7');
    await settled(page, C9);
    const value = (p: string) =>
      page
        .locator(`article[data-claim="${C9}"] label[data-param="${p}"] input`)
        .first()
        .inputValue();
    expect(Number(await value('alpha'))).toBe(0.3);
    expect(Number(await value('K'))).toBe(7);
    const cross = (a: number, k: number) => 1 - (a * (k - 1)) / (2 * k);
    expect(rel(await formula(page, C9, C9_CROSS), cross(0.3, 7))).toBeLessThan(1e-12);
    await move(page, C9, 'K', 12);
    await settled(page, C9);
    expect(new URL(page.url()).hash).toBe('#c9?alpha=0.3&K=12');
    expect(rel(await formula(page, C9, C9_CROSS), cross(0.3, 12))).toBeLessThan(1e-12);
    await page.goBack();
    await page.waitForFunction(() => location.hash === '#c9?alpha=0.3&K=7');
    await settled(page, C9);
    expect(Number(await value('K'))).toBe(7);
    expect(rel(await formula(page, C9, C9_CROSS), cross(0.3, 7))).toBeLessThan(1e-12);
    await page.goForward();
    await page.waitForFunction(() => location.hash === '#c9?alpha=0.3&K=12');
    await settled(page, C9);
    expect(Number(await value('K'))).toBe(12);
    // reset returns to the report's parameters
    await page.locator(`article[data-claim="${C9}"] button.reset`).click();
    await settled(page, C9);
    expect(Number(await value('K'))).toBe(5);
    expect(rel(await formula(page, C9, C9_CROSS), cross(0.1, 5))).toBeLessThan(1e-12);
    expect(problems).toEqual([]);
    await page.close();
  }, 300_000);

  it('takes no worker from an lslab:worker event (what lslab dev’s hot client sends): the cell neither runs again nor changes its worker', async () => {
    const { page, problems } = await openPage('#c9?K=7');
    await settled(page, C9);
    const request = Number(
      await page.locator(`article[data-claim="${C9}"]`).getAttribute('data-request'),
    );
    await page.evaluate(() => {
      // a worker that would answer every request with an error
      const source =
        'self.onmessage = (e) => self.postMessage({ type: "error", request: e.data.request, message: "swapped" });';
      window.dispatchEvent(new CustomEvent('lslab:worker', { detail: { source } }));
    });
    await move(page, C9, 'K', 12);
    await settled(page, C9);
    expect(
      Number(await page.locator(`article[data-claim="${C9}"]`).getAttribute('data-request')),
    ).toBe(request + 1);
    expect(rel(await formula(page, C9, C9_CROSS), 1 - (0.1 * 11) / 24)).toBeLessThan(1e-12);
    expect(problems).toEqual([]);
    await page.close();
  }, 300_000);

  it('a hostile link changes no parameter outside the schema, runs nothing and says what it ignored', async () => {
    const hostile =
      '#c9?alpha=%3Cimg%20src%3Dx%20onerror%3D%22window.__pwned%3D1%22%3E&K=1e400&py=0.5&__proto__=1&trials=1000000&constructor=%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E';
    const { page, problems, dialogs } = await openPage(hostile);
    await settled(page, C9);
    const notices = await page
      .locator(`article[data-claim="${C9}"] ul.notices li`)
      .allTextContents();
    expect(notices.some((n) => n.includes('<img src=x onerror='))).toBe(true);
    expect(notices.some((n) => n.includes('K = Infinity'))).toBe(true);
    expect(notices.some((n) => n.includes('trials'))).toBe(true);
    expect(notices.some((n) => n.includes('__proto__'))).toBe(true);
    // py was valid and is taken; the rest keep the report's values
    const params = await page
      .locator(`article[data-claim="${C9}"] .claim-checks p.params`)
      .textContent();
    expect(params).toContain('py = 0.5');
    expect(params).toContain('alpha = 0.1');
    expect(params).toContain('K = 5');
    expect(params).toContain('trials = 24');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBe(
      undefined,
    );
    expect(await page.locator(`article[data-claim="${C9}"] img`).count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  }, 300_000);

  it('a dropped file with script, javascript: and formula class names runs nothing, shows them as text, and its CSV download neutralises the formulas', async () => {
    const { page, problems, requests, dialogs } = await openPage();
    const names = [
      '<script>window.__pwned=1</script>',
      'javascript:window.__pwned=1',
      '=HYPERLINK("http://example.invalid")',
      '@SUM(1+1)',
    ];
    const q = (v: string) => `"${v.replace(/"/g, '""')}"`;
    const header = `label,${names.map((n) => q(`p_${n}`)).join(',')}`;
    const rows = Array.from({ length: 40 }, (_, i) => {
      const p = names.map((_, j) => (j === i % names.length ? 0.7 : 0.1));
      return `${q(names[(i + (i % 3 === 0 ? 1 : 0)) % names.length])},${p.join(',')}`;
    });
    await page.evaluate(
      ([t]) => {
        const dt = new DataTransfer();
        dt.items.add(new File([t], 'formulas.csv', { type: 'text/csv' }));
        const zone = document.querySelector('.dropzone') as HTMLElement;
        zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true }));
      },
      [`${header}\n${rows.join('\n')}\n`] as const,
    );
    await page.waitForSelector('.dropzone[data-state="done"]', { timeout: 240_000 });
    const shown = (await page.locator('.model-result').textContent()) ?? '';
    for (const n of names) expect(shown).toContain(n);
    expect(
      await page.locator('.model-result script, .model-result a[href^="javascript:"]').count(),
    ).toBe(0);
    const link = page.locator('.model-result a.download');
    expect(await link.getAttribute('href')).toMatch(/^blob:/);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const csv = readFileSync(await download.path(), 'utf8');
    const firstCells = csv
      .split('\r\n')
      .slice(1, -1)
      .map((line) =>
        line.startsWith('"')
          ? /^"((?:[^"]|"")*)"/.exec(line)?.[1].replace(/""/g, '"')
          : line.split(',')[0],
      );
    // the two formulas are prefixed with ', the other names are kept as they are
    expect(new Set(firstCells)).toEqual(
      new Set([names[0], names[1], `'${names[2]}`, `'${names[3]}`]),
    );
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBe(
      undefined,
    );
    expect(dialogs).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('blob:'))).toEqual([pageUrl]);
    expect(problems).toEqual([]);
    await page.close();
  }, 300_000);

  it('a dropped predictions file shows the ECE, NLL and temperature Node computes; a malformed one names its line and the page keeps working', async () => {
    const { page, problems, requests } = await openPage();
    const drop = async (name: string, text: string) =>
      page.evaluate(
        ([n, t]) => {
          const dt = new DataTransfer();
          dt.items.add(new File([t], n, { type: 'text/csv' }));
          const zone = document.querySelector('.dropzone') as HTMLElement;
          zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true }));
        },
        [name, text] as const,
      );
    const bad = 'label,p_a,p_b\n0,0.8,0.2\n1,0.3,oops\n';
    await drop('bad.csv', bad);
    await page.waitForSelector('.dropzone[data-state="error"]', { timeout: 60_000 });
    const message = await page.locator('.dropzone .status').textContent();
    expect(message).toContain('line 3');
    expect(message).toContain('"oops"');
    expect(await page.locator('.dropzone .status').getAttribute('data-line')).toBe('3');
    await drop('quote.csv', 'label,p_a,p_b\n0,0.8,0.2\n1,"0.3,0.7\n');
    await page.waitForFunction(
      () => document.querySelector('.dropzone .status')?.textContent?.includes('unterminated'),
      undefined,
      { timeout: 60_000 },
    );
    expect(await page.locator('.dropzone .status').textContent()).toContain('line 3, field 2');
    // the page keeps working: a slider still recomputes its cell, its chart gets the new rows,
    // and back at the report's parameters the chart is exactly the one the report drew
    const norms = page.locator(`article[data-claim="${C9}"] figure.chart svg`).first();
    const drawn = await norms.innerHTML();
    await move(page, C9, 'alpha', 0.2);
    await settled(page, C9);
    expect(rel(await formula(page, C9, C9_CROSS), 1 - (0.2 * 4) / 10)).toBeLessThan(1e-12);
    expect(await norms.innerHTML()).not.toBe(drawn);
    await page.locator(`article[data-claim="${C9}"] button.reset`).click();
    await settled(page, C9);
    expect(await norms.innerHTML()).toBe(drawn);
    const text = readFileSync(EXAMPLE, 'utf8');
    await drop('overconfident.csv', text);
    await page.waitForSelector('.dropzone[data-state="done"]', { timeout: 240_000 });
    const got = await page
      .locator('.model-result')
      .evaluate((e) => ({ ...(e as HTMLElement).dataset }));
    const p = readPredictions(text, { name: 'overconfident.csv' });
    const ece = expectedCalibrationError(p.probs, p.labels, { bins: 15 }).value;
    const nll = negativeLogLikelihood(p.probs, p.labels);
    const t = fitTemperature(p.logits, p.labels).temperature;
    expect(rel(Number(got.ece), ece)).toBeLessThan(1e-12);
    expect(rel(Number(got.nll), nll)).toBeLessThan(1e-12);
    expect(rel(Number(got.temperature), t)).toBeLessThan(1e-12);
    expect(await page.locator('.model-result h3').first().textContent()).toBe(
      'Calibration of overconfident.csv',
    );
    // a hostile file: its name, header and class names are shown as the text they are
    const img = '<img src=x onerror="window.__pwned=1">';
    const svg = '</title><svg onload="window.__pwned=1">';
    const rows = Array.from({ length: 40 }, (_, i) =>
      i % 2 === 0 ? `"${img.replace(/"/g, '""')}",0.7,0.3` : `"${svg.replace(/"/g, '""')}",0.4,0.6`,
    );
    const hostile = `label,"p_${img.replace(/"/g, '""')}","p_${svg.replace(/"/g, '""')}"\n${rows.join('\n')}\n`;
    await drop(`${img}.csv`, hostile);
    await page.waitForFunction(
      (n) => document.querySelector('.model-result h3')?.textContent === `Calibration of ${n}`,
      `${img}.csv`,
      { timeout: 240_000 },
    );
    expect(await page.locator('.model-result').textContent()).toContain(`${img}, ${svg}`);
    expect(await page.locator('.model-result img, svg[onload], [onerror]').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBe(
      undefined,
    );
    expect(requests).toEqual([pageUrl]);
    expect(problems).toEqual([]);
    await page.close();
  }, 400_000);
});
